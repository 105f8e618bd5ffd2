import { expect, type Browser, type Page } from '@playwright/test';
import type { ServedLinli } from './linli-serve';

/**
 * A new page (in a browser context of its own when asked: a second desk has its own cookie) signed in
 * through the real sign-in form, with crashes in the page and server errors made loud in the test's
 * output. Returns once the user's display name is on screen.
 */
export async function signIn(
  browser: Browser,
  linli: ServedLinli,
  user: { username: string; password: string; displayName: string },
  opts: { ownContext?: boolean } = {},
): Promise<Page> {
  const page = opts.ownContext ? await (await browser.newContext()).newPage() : await browser.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${user.username}]`, err.message));
  page.on('response', (res) => res.status() >= 500 && console.error('[server error]', res.status(), res.url()));
  // Each browser context is a browser of its own: it opens a link of its own (a link works once).
  await page.goto(await linli.newLink());
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(user.displayName).first()).toBeVisible();
  return page;
}

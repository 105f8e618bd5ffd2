import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, startLinli } from './support/linli-serve';

test('tour', async ({ browser }) => {
  test.setTimeout(600_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-tour-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath], { encoding: 'utf8' });
  const password = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8').match(/密码 \/ password: (\S+)/)![1];
  const linli = await startLinli({ dbPath });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(linli.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '居民' }).first()).toBeVisible();
  const out = '/tmp/tour';
  fs.mkdirSync(out, { recursive: true });
  const links = await page.locator('nav a').allTextContents();
  console.log('links', links);
  let i = 0;
  for (const name of links) {
    await page.locator('nav a').filter({ hasText: name }).first().click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${String(i++).padStart(2, '0')}-${name.replace(/\W/g, '')}.png` });
    const tabs = await page.getByRole('tab').allTextContents();
    let j = 0;
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab }).first().click();
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${out}/${String(i - 1).padStart(2, '0')}-${j++}-${tab.replace(/\W/g, '')}.png`, fullPage: true });
    }
  }
  await linli.stop();
});

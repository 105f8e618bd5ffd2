import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { screenshot } from './support/screenshots';

/**
 * The first run of `npm start`: a demo community is created, its administrator's password printed and
 * saved beside the file; signing in with it shows a registry worth looking at.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let password: string;

test.beforeAll(async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-demo-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  const printed = execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath], { encoding: 'utf8' });
  const credentials = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8');
  expect(fs.statSync(path.join(dir, 'demo-credentials.txt')).mode & 0o777).toBe(0o600);
  password = credentials.match(/密码 \/ password: (\S+)/)![1];
  // What the clerk reads in the terminal is what works.
  expect(printed).toContain(password);
  linli = await startLinli({ dbPath });
  page = await browser.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(linli.url);
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('the printed demo password signs in', async () => {
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '居民' }).first()).toBeVisible();
  await screenshot(page, 'home');
});

test('the registry holds a few thousand residents, paged and masked', async () => {
  await page.getByRole('link', { name: '居民' }).first().click();
  await expect(page.getByText(/共 [\d,]+ 人/)).toBeVisible();
  const total = Number((await page.getByText(/共 [\d,]+ 人/).textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(2000);
  const rows = page.getByRole('table', { name: '居民列表' }).getByRole('row');
  await expect(rows).toHaveCount(51);
  await expect(page.getByRole('table', { name: '居民列表' })).toContainText('***');
  await screenshot(page, 'residents-list');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(rows).toHaveCount(51);
});

test('a building of the demo community in the 楼盘表', async () => {
  await page.getByRole('link', { name: '楼盘表' }).first().click();
  const building = page.getByRole('combobox', { name: '楼栋' });
  await building.click();
  await page.getByRole('option').first().click();
  await expect(page.getByText(/\d+ 层 · \d+ 个单元 · \d+ 间房/)).toBeVisible();
  await screenshot(page, 'building-view');
});

test('the reminders list milestone birthdays with their counts, and ID cards expiring soonest first', async () => {
  await page.getByRole('link', { name: '提醒' }).first().click();
  const milestones = page.getByRole('table', { name: '整寿' });
  await expect(milestones).toBeVisible();
  // The badges count each age over the whole month; the footer gives the month's total.
  const badges = await page.getByText(/^\d+ 岁 \d+ 人$/).allTextContents();
  const byAge = badges.reduce((sum, b) => sum + Number(b.match(/(\d+) 人/)![1]), 0);
  await expect(page.getByText(/^共 [\d,]+ 人$/)).toHaveText(`共 ${byAge} 人`);
  await expect(milestones.getByRole('row')).toHaveCount(Math.min(byAge, 50) + 1);
  await screenshot(page, 'reminders');

  // The ID cards tab lists the demo's expired cards, then those expiring within 180 days, by date (paging: residents.spec.ts).
  await page.getByRole('tab', { name: '身份证到期' }).click();
  const cards = page.getByRole('table', { name: '身份证到期' });
  await expect(cards).toBeVisible();
  const total = Number((await page.getByText(/^共 [\d,]+ 人$/).textContent())!.replace(/\D/g, ''));
  await expect(cards.getByRole('row')).toHaveCount(Math.min(total, 50) + 1);
  const dates = (await cards.getByRole('row').allTextContents()).slice(1).map((r) => r.match(/\d{4}-\d{2}-\d{2}/)![0]);
  expect(dates).toEqual([...dates].sort());
});

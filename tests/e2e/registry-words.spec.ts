import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { screenshot } from './support/screenshots';

/**
 * The demo community as a clerk first sees it (issue #11 §2, §5): the ID cards already expired head the
 * 身份证到期 list; the audit log reads in people's words (the demo data's own record included); in English,
 * a resident's coded values (民族, 文化程度, 婚姻状况, 职业, 与户主关系) are in English too.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;

test.beforeAll(async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-words-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath], { encoding: 'utf8' });
  const password = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8').match(/密码 \/ password: (\S+)/)![1];
  linli = await startLinli({ dbPath });
  page = await browser.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(linli.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '居民' }).first()).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('身份证到期 starts with the demo’s expired cards, marked and counted', async () => {
  await page.evaluate(() => (window.location.hash = '#/reminders/idCards'));
  const cards = page.getByRole('table', { name: '身份证到期' });
  await expect(cards).toBeVisible();
  const expired = Number((await page.getByText(/^已过期 [\d,]+ 张，排在最前$/).textContent())!.replace(/\D/g, ''));
  expect(expired).toBeGreaterThan(50);
  await expect(cards.getByRole('row').nth(1)).toContainText('已过期');
  await screenshot(page, 'demo-id-cards-expired');
});

test('the audit log names the demo data and every column in Chinese words', async () => {
  await page.getByRole('link', { name: '审计日志' }).first().click();
  const table = page.getByRole('table', { name: '审计日志' });
  const seed = table.getByRole('row').filter({ hasText: '生成演示数据' }).first();
  await expect(seed).toContainText(/生成演示数据：[\d,]+ 位居民，[\d,]+ 户/);
  await expect(table).not.toContainText('residents.seed');
  await expect(table).not.toContainText('Synthetic');
  await seed.getByRole('button', { name: /展开第/ }).click();
  const diff = page.getByRole('table', { name: /的修改内容/ });
  await expect(diff).toContainText('居民');
  await expect(diff).toContainText('演示');
  await expect(diff).not.toContainText(/\b(seed|residents|households)\b/);
  await screenshot(page, 'audit-demo-seed');
});

test('in English, a resident’s coded values are in English', async () => {
  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.evaluate(() => (window.location.hash = '#/residents'));
  const list = page.getByRole('table', { name: /Residents|Resident list/ });
  await list.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByText('Ethnicity', { exact: true })).toBeVisible();
  for (const label of ['Ethnicity', 'Education', 'Marital status', 'Occupation']) {
    const value = page.getByText(label, { exact: true }).locator('..');
    await expect(value, label).not.toContainText(/[\u4e00-\u9fff]/);
  }
  await expect(page.getByText(/^Relation to head: /)).not.toContainText(/[\u4e00-\u9fff]/);
  await screenshot(page, 'resident-english-values');
});

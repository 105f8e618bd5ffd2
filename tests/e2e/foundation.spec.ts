import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { screenshot } from './support/screenshots';

/**
 * A new hall's first day, as a person does it: set up the community, sign in, get a password wrong, be
 * locked out by the idle timer and come back, switch languages, make a clerk's account, read all of it in
 * the audit log, and print the audit trail to PDF.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  page = await browser.newPage();
  // A crash in the page must fail loudly, not as a blank screen.
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  page.on('console', (msg) => msg.type() === 'error' && console.error('[console]', msg.text()));
  page.on('response', (res) => res.status() >= 500 && console.error('[server error]', res.status(), res.url()));
  // The idle lock runs on the page's clock; installing a fake clock lets the test skip ten minutes.
  await page.clock.install();
  await page.goto(linli.url);
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('first-run setup creates the community and the administrator', async () => {
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await page.getByLabel('社区名称').fill('幸福里社区');
  await page.getByLabel('所属街道').fill('和平街道办事处');
  await page.getByLabel('落款单位').fill('幸福里社区居民委员会');
  await page.getByLabel('地址').fill('青山区幸福路 1 号');
  await page.getByLabel('服务电话').fill('0472-1234567');
  await page.getByLabel('监督投诉电话').fill('0472-7654321');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('王主任');
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-2026');
  await page.getByLabel('确认密码').fill('admin-pass-2025');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  // Refused on the form itself, and the cursor goes to the field to fix.
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await expect(page.getByLabel('确认密码')).toBeFocused();
  await page.getByLabel('确认密码').fill('admin-pass-2026');
  await screenshot(page, 'setup');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByText('王主任').first()).toBeVisible();
  await expect(page.getByText('幸福里社区').first()).toBeVisible();
  await screenshot(page, 'home-first-run');
});

test('signing out, a wrong password is refused, the right one lets the user in', async () => {
  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await screenshot(page, 'sign-in-refused');
  await page.getByLabel('密码').fill('admin-pass-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('王主任').first()).toBeVisible();
});

test('the idle lock covers the screen after ten minutes and unlocks with the password', async () => {
  await page.getByRole('link', { name: '账号管理' }).first().click();
  await page.getByRole('button', { name: '新建账号' }).click();
  // Something typed but not saved must survive the lock.
  await page.getByLabel('用户名').fill('clerk1');
  await page.clock.fastForward('10:05');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await screenshot(page, 'lock');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('密码不正确')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-2026');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeHidden();
  await expect(page.getByLabel('用户名')).toHaveValue('clerk1');
});

test('an administrator creates a clerk account', async () => {
  const dialog = page.getByRole('dialog');
  // The server refuses a taken user name; its answer lands on the field.
  await dialog.getByLabel('用户名').fill('admin');
  await dialog.getByLabel('姓名').fill('重名的人');
  await dialog.getByLabel('初始密码').fill('clerk-pass-2026');
  await dialog.getByLabel('窗口人员').check();
  await dialog.getByRole('button', { name: '创建账号' }).click();
  await expect(dialog.getByText('该用户名已被使用')).toBeVisible();
  await expect(dialog.getByLabel('用户名')).toBeFocused();
  await dialog.getByLabel('用户名').fill('clerk1');
  await dialog.getByLabel('窗口人员').uncheck();
  await dialog.getByLabel('姓名').fill('李窗口');
  await dialog.getByLabel('初始密码').fill('clerk-pass-2026');
  await dialog.getByLabel('窗口人员').check();
  await dialog.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('table').getByText('clerk1')).toBeVisible();
  await expect(page.getByRole('table').getByText('李窗口')).toBeVisible();
  await screenshot(page, 'users');
});

test('the interface switches to English and back', async () => {
  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Accounts' }).first()).toBeVisible();
  await screenshot(page, 'users-english');
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await expect(page.getByRole('link', { name: '账号管理' }).first()).toBeVisible();
});

test('the audit log shows all of it, and its chain verifies', async () => {
  await page.getByRole('link', { name: '审计日志' }).first().click();
  const table = page.getByRole('table');
  for (const action of ['初始设置', '登录失败', '退出登录', '锁定屏幕', '解锁失败', '解锁屏幕', '创建账号']) {
    await expect(table.getByText(action).first(), action).toBeVisible();
  }
  await page.getByRole('button', { name: '校验审计链' }).click();
  // Every chain in the registry is recomputed: the audit trail and the charity journal.
  await expect(page.getByText('审计链完整：审计日志')).toBeVisible();
  await expect(page.getByText('审计链完整：慈善账本')).toBeVisible();
  await screenshot(page, 'audit');
});

test('the audit trail exports to PDF and reads back with pdftotext', async () => {
  await page.getByRole('link', { name: '报表中心' }).first().click();
  await expect(page.getByText('审计日志').first()).toBeVisible();
  await page
    .getByLabel('PDF')
    .check()
    .catch(() => page.getByText('PDF', { exact: true }).first().click());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成' }).first().click();
  const file = await download;
  const out = path.join(linli.dir, 'audit.pdf');
  await file.saveAs(out);
  expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
  expect(text).toContain('审计日志');
  expect(text).toContain('幸福里社区');
  expect(text).toContain('创建账号');
  expect(text).toContain('李窗口');
  await expect(page.getByText(/已导出/).first()).toBeVisible();
  await screenshot(page, 'reports');
  expect(fs.statSync(out).size).toBeGreaterThan(1000);
});

import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { signIn } from './support/sign-in';
import { screenshot } from './support/screenshots';

/**
 * 备份与恢复 after issue #11: a backup to a USB folder says the key is not in it, the administrator exports
 * the key to another folder with the warning, and a clerk is offered neither.
 */
let linli: ServedLinli;

test.beforeAll(async () => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  await callApi(linli, 'users.create', { username: 'clerk1', displayName: '李窗口', password: 'clerk-pass-2026', roles: ['clerk'] }, admin.token);
});

test.afterAll(async () => {
  await linli?.stop();
});

test('a backup to a USB folder says the key is not in it; the key is exported apart, with a warning', async ({ browser }) => {
  const page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '王主任' });
  await page.goto(`${linli.origin}/#/settings/backups`);
  const usb = path.join(linli.dir, 'usb');
  await page.getByLabel('备份到其他文件夹（可选）').fill(usb);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成，已通过校验')).toBeVisible();
  await expect(page.getByText(/这份备份不含密钥文件 linli\.key/)).toBeVisible();

  await expect(page.getByText(/同时拿到备份和密钥的人能看到全部身份证号/)).toBeVisible();
  await page.getByLabel('导出到文件夹').fill(usb);
  await page.getByRole('button', { name: '导出密钥' }).click();
  await expect(page.getByText(/里有邻里的数据或备份/)).toBeVisible();
  const keys = path.join(linli.dir, 'key-stick');
  await page.getByLabel('导出到文件夹').fill(keys);
  await page.getByRole('button', { name: '导出密钥' }).click();
  await expect(page.getByText(/密钥已导出到/)).toBeVisible();
  expect(fs.statSync(path.join(keys, 'linli.key')).mode & 0o777).toBe(0o600);
  await screenshot(page, 'backups-key-export');
});

test('a clerk backs up to the usual folder only, and is offered no key export', async ({ browser }) => {
  const page = await signIn(browser, linli, { username: 'clerk1', password: 'clerk-pass-2026', displayName: '李窗口' });
  await page.goto(`${linli.origin}/#/settings/backups`);
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
  await expect(page.getByLabel('备份到其他文件夹（可选）')).toHaveCount(0);
  await expect(page.getByText('导出字段密钥（linli.key）')).toHaveCount(0);
});

test('a backup changed after it was made is restored only after a loud warning is read and accepted', async ({ browser }) => {
  const admin = await callApi<{ token: string }>(linli, 'auth.login', { username: 'admin', password: 'admin-pass-2026' });
  const made = await callApi<{ path: string }>(linli, 'backups.run', {}, admin.token);
  // The checksum beside the copy no longer matches it (as when the copy itself was edited).
  fs.writeFileSync(`${made.path}.sha256`, `${'0'.repeat(64)}  ${path.basename(made.path)}\n`);

  const page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '王主任' });
  await page.goto(`${linli.origin}/#/settings/backups`);
  const row = page.getByRole('row').filter({ hasText: path.basename(made.path) });
  await row.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(dialog.getByText(/与备份时记录的校验值（SHA-256）不一致/)).toBeVisible();
  await screenshot(page, 'backups-restore-checksum-warning');
  await dialog.getByLabel(/我已读过红色的警告/).check();
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText('恢复完成，请重新登录')).toBeVisible();
});

import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { signIn } from './support/sign-in';
import { screenshot } from './support/screenshots';

/**
 * Issue 10: start-up work never keeps a search waiting, and the screen shows that a backup is running.
 * A demo file of 100,000 residents (some 180 MB: its copy and integrity check take seconds), served;
 * while a backup runs the header says 正在备份 and searches are answered; when it is done, it says so.
 */
let linli: ServedLinli;
let password: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-running-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath, '--residents', '100000'], { encoding: 'utf8', timeout: 170_000 });
  password = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8').match(/密码 \/ password: (\S+)/)![1];
  linli = await startLinli({ dbPath });
});

test.afterAll(async () => {
  await linli?.stop();
});

test('while a backup runs the header says so, searches are answered, and it is gone when the backup is done', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signIn(browser, linli, { username: 'admin', password, displayName: '演示管理员' });
  // The start-up backup first: it ends (or has ended) on its own.
  await expect(page.getByRole('banner').getByRole('status', { name: /备份正在进行/ })).toHaveCount(0, { timeout: 120_000 });

  await page.goto(`${linli.origin}/#/settings/backups`);
  await page.getByRole('button', { name: '立即备份' }).click();
  const badge = page.getByRole('banner').getByRole('status', { name: /手动备份正在进行/ });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('正在备份');
  await screenshot(page, 'backup-running-header');

  // Meanwhile a search from the header is answered.
  await page.getByRole('button', { name: '搜索（Ctrl+K）' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('张');
  await expect(dialog.getByRole('button', { name: /张/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(badge).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByText('备份完成，已通过校验')).toBeVisible();
});

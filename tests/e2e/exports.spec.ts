import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { screenshot } from './support/screenshots';

/**
 * Lists a clerk relies on come out as files with the filters on screen (导出 on the residents list, the
 * reminders and the visits list), and the report centre picks 网格 / 楼栋 / 标签 from the lists.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;

test.beforeAll(async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-exports-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--residents', '400', '--db', dbPath], { encoding: 'utf8' });
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

async function exportAs(format: 'Excel' | 'PDF', name: string): Promise<string> {
  await page.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: format }).click();
  const file = await download;
  const out = path.join(linli.dir, name);
  await file.saveAs(out);
  await expect(page.getByText(/已导出/).first()).toBeVisible();
  return out;
}

async function sheetText(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

test('the residents list exports what its filters show, masked', async () => {
  await page.getByRole('link', { name: '居民' }).first().click();
  const grid = page.getByRole('combobox', { name: '网格' });
  await grid.click();
  const option = page.getByRole('option').first();
  const gridName = (await option.textContent())!.trim();
  await option.click();
  await expect(page.getByText(/共 [\d,]+ 人/)).toBeVisible();
  const total = Number((await page.getByText(/共 [\d,]+ 人/).textContent())!.replace(/\D/g, ''));
  const rows = await sheetText(await exportAs('Excel', 'list.xlsx'));
  const header = rows.findIndex((r) => r[0] === '序号');
  const people = rows.slice(header + 1).filter((r) => /^\d+$/.test(r[0]));
  expect(people).toHaveLength(total);
  const gridColumn = rows[header].indexOf('网格');
  expect(people.every((r) => r[gridColumn] === gridName)).toBe(true);
  expect(people.every((r) => r[rows[header].indexOf('证件号码')].includes('*'))).toBe(true);
  await screenshot(page, 'residents-export');
});

test('the visits list exports as PDF', async () => {
  await page.getByRole('link', { name: '走访' }).first().click();
  const file = await exportAs('PDF', 'visits.pdf');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('应走访户名单');
});

test('the ID-card reminders export with their window', async () => {
  await page.getByRole('link', { name: '提醒' }).first().click();
  await page.getByRole('tab', { name: '身份证到期' }).click();
  const rows = await sheetText(await exportAs('Excel', 'idcards.xlsx'));
  expect(rows.flat().join(' ')).toContain('身份证到期名单');
  expect(rows.flat().join(' ')).toContain('180 天内');
});

test('the report centre picks grid, building and tag from lists; 人员类别 is the one term', async () => {
  await page.getByRole('link', { name: '报表中心' }).first().click();
  await page.getByRole('button', { name: /居民登记册/ }).click();
  await expect(page.getByText('人员类别').first()).toBeVisible();
  await expect(page.getByText('人员类型')).toHaveCount(0);
  const grid = page.getByRole('combobox', { name: '网格' });
  await grid.click();
  const gridName = (await page.getByRole('option').first().textContent())!.trim();
  await page.getByRole('option').first().click();
  await page.getByRole('combobox', { name: '楼栋' }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '标签' }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await screenshot(page, 'reports-pickers');
  await page.getByText('CSV', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成' }).click();
  const out = path.join(linli.dir, 'register.csv');
  await (await download).saveAs(out);
  const lines = fs
    .readFileSync(out, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const gridColumn = lines[0].indexOf('网格');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.slice(1).every((l) => l[gridColumn] === gridName)).toBe(true);
});

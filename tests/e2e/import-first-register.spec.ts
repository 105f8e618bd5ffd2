import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import SqliteDatabase from 'better-sqlite3';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';
import { makeId } from '../fixtures/residents/support';

/**
 * A new community's first job (issue #11 §1): `linli init`, then the register it already keeps in Excel,
 * imported through the screen with nothing set up by hand. The register is as LibreOffice or Excel leave
 * one: a merged title row above the header, 公民身份号码 / 户籍性质 / 楼栋 headers, no 小区 column, dates as
 * text and as serial numbers, ID numbers with spaces and in full-width digits.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let registerFile: string;
const password = 'admin-pass-2026';

const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
/** Days since 1899-12-30: a date typed into a General cell and turned into a number. */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const people = {
  zhou: makeId('150203', '1960-02-03', 11),
  wu: makeId('150203', '1962-04-05', 12),
  zheng: makeId('150203', '1990-06-07', 13),
  wang: makeId('150203', '1985-08-09', 14),
};

async function writeMessyRegister(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['泰和小区居民花名册（2026年1月）']);
  ws.mergeCells('A1:L1');
  ws.addRow(['序号', '姓名', '性别', '公民身份号码', '出生日期', '户籍性质', '楼栋', '单元', '房号', '户号', '与户主关系', '联系电话']);
  ws.addRow([1, '周大', '男', spaced(people.zhou), '1960.02.03', '本地', '3栋', '1', '301', 'TH-3-1-301', '户主', '13800138001']);
  ws.addRow([2, '吴二', '女', fullWidth(people.wu), serial(1962, 4, 5), '本地', '3栋', '1', '301', 'TH-3-1-301', '配偶', '']);
  ws.addRow([3, '郑三', '男', people.zheng, '1990年6月7日', '外地', '5号楼', '2单元', '1203', 'TH-5-2-1203', '户主', '13900139003']);
  ws.addRow([4, '王四', '女', ` ${spaced(people.wang)} `, '19850809', '本地', '5号楼', '2单元', '1203', 'TH-5-2-1203', '配偶', '']);
  for (let r = 3; r <= 6; r++) ws.getRow(r).getCell(4).numFmt = '@';
  await wb.xlsx.writeFile(file);
}

test.beforeAll(async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-init-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  const init = spawnSync(process.execPath, [cliPath, 'init', '--db', dbPath, '--community', '泰和社区', '--admin', 'admin', '--display-name', '陈主任'], {
    input: `${password}\n`,
    encoding: 'utf8',
  });
  expect(init.status, init.stderr).toBe(0);
  linli = await startLinli({ dbPath });
  registerFile = path.join(linli.dir, '泰和小区花名册.xlsx');
  await writeMessyRegister(registerFile);
  page = await signIn(browser, linli, { username: 'admin', password, displayName: '陈主任' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('the register is read under its merged title, with its own headers recognised', async () => {
  await page.getByRole('link', { name: '导入' }).first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('导入文件').click();
  await (await chooser).setFiles(registerFile);
  await expect(page.getByText('共 4 行数据')).toBeVisible();
  // No 小区 column and no place in the registry: every row is refused for now, saying why.
  await expect(page.getByText(/没有楼栋“3栋”|没有楼栋“3”/).first()).toBeVisible();
});

test('小区 given for every row, the missing places are listed and created with the import', async () => {
  await page.getByLabel('所有行的小区').fill('泰和小区');
  await page.getByRole('button', { name: '按新的对应重新预览' }).click();
  const places = page.getByRole('alert', { name: '文件中有系统里还没有的地址' });
  await expect(places).toBeVisible();
  await expect(places).toContainText('泰和小区3栋');
  await expect(places).toContainText('泰和小区5栋');
  await expect(places).toContainText('泰和小区5栋2单元1203');
  await expect(places).toContainText('未分网格');
  await places.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-new-places');
  // Ticking it previews again (the box shows what the preview on screen was made with).
  await places.getByLabel('新建这些地址').click();
  await expect(places.getByLabel('新建这些地址')).toBeChecked();
  await expect(page.getByText(/导入时会一并建立这些地址/)).toBeVisible();
  const counts = page.getByRole('table', { name: '预览的行' });
  await expect(counts.getByText('泰和小区5栋2单元1203').first()).toBeVisible();
  await page.getByRole('button', { name: /开始导入/ }).click();
  const result = page.getByRole('alert', { name: '导入完成' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toHaveText(/新增\s*4\s*更新\s*0\s*不变\s*0\s*拒绝\s*0/);
});

test('the people are in the 楼盘表 of the buildings the import made', async () => {
  await page.getByRole('link', { name: '楼盘表' }).first().click();
  await page.getByRole('group', { name: '楼栋' }).getByRole('button', { name: /5栋/ }).click();
  const grid = page.getByRole('table', { name: /5栋 楼盘表/ });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('button', { name: /^2单元 1203、.*2 人/ })).toBeVisible();
  await screenshot(page, 'import-new-places-building');
  await page.getByRole('combobox', { name: '楼栋' }).click();
  await page.getByRole('option', { name: '泰和小区 3栋' }).click();
  await expect(page.getByRole('table', { name: /3栋 楼盘表/ }).getByRole('button', { name: /^1单元 301、.*2 人/ })).toBeVisible();
});

test('a row changed by another desk between the preview and the import is shown as not imported, with the report offered', async () => {
  const file = path.join(linli.dir, '补充.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('补充');
  ws.addRow(['姓名', '公民身份号码', '户籍性质', '联系电话']);
  ws.addRow(['周大', people.zhou, '本地', '13800138111']);
  ws.addRow(['孙五', makeId('150203', '1970-01-02', 15), '本地', '']);
  ws.getColumn(2).numFmt = '@';
  await wb.xlsx.writeFile(file);
  await page.getByRole('link', { name: '导入' }).first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('导入文件').click();
  await (await chooser).setFiles(file);
  await expect(page.getByText('共 2 行数据')).toBeVisible();
  // Another desk renames 周大 meanwhile (what the registry's mark notices: a new history row).
  const db = new SqliteDatabase(linli.dbPath);
  try {
    const id = (db.prepare("SELECT id FROM residents WHERE name = '周大'").get() as { id: string }).id;
    db.prepare("UPDATE residents SET name = '周达' WHERE id = ?").run(id);
    db.prepare(
      "INSERT INTO resident_events (id, resident_id, at, on_date, actor_id, actor_name, kind, detail_json) VALUES ('e2e-rename', ?, '2026-01-05T01:00:00.000Z', NULL, NULL, '另一台电脑', 'updated', '{}')",
    ).run(id);
  } finally {
    db.close();
  }
  await page.getByRole('button', { name: /开始导入/ }).click();
  const result = page.getByRole('alert', { name: '导入完成，有 1 行未导入' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText('其中 1 行在预览之后被改动');
  await expect(page.getByRole('button', { name: '下载错误报告（1 行）' })).toBeEnabled();
  await screenshot(page, 'import-rejected-at-commit');
});

import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import SqliteDatabase from 'better-sqlite3';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * A clerk's morning with the registry: import the register a grid worker kept in Excel, fix the one row
 * that was refused and import again, find a resident by pinyin initials, look at the building, and record
 * the home visit that had fallen overdue.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let registerFile: string;
let adminToken: string;

const header = ['姓名', '身份证号', '联系电话', '人员类型', '小区', '楼栋', '单元', '房号', '户号', '与户主关系'];
const rows = [
  ['张三', '11010519491231002X', '13812345678', '户籍', '幸福家园', '3', '2', '501', 'H-3-2-501', '户主'],
  // 身份证号 with a wrong check character: the one row the import must refuse.
  ['李四', '440524188001010015', '13987654321', '户籍', '幸福家园', '3', '2', '501', 'H-3-2-501', '配偶'],
  ['王五', '34052419800101001X', '13700001111', '流动人口', '幸福家园', '3', '1', '302', 'H-3-1-302', '户主'],
];

async function writeRegister(file: string, data: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民登记');
  ws.addRow(header);
  // ID numbers as text, the way a careful clerk types them (Excel would mangle 18 digits otherwise).
  for (const r of data) ws.addRow(r).eachCell((c) => (c.numFmt = '@'));
  await wb.xlsx.writeFile(file);
}

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  adminToken = admin.token;
  const clerk = await callApi<{ id: string }>(
    linli,
    'users.create',
    { username: 'clerk1', displayName: '李窗口', password: 'clerk-pass-2026', roles: ['clerk', 'grid_worker'] },
    admin.token,
  );
  const grid = await callApi<{ id: string }>(
    linli,
    'residents.saveGrid',
    { code: 'W01', name: '第一网格', workerUserId: clerk.id, workerName: '李窗口', workerPhone: '13600000000', complaintPhone: '0472-7654321' },
    admin.token,
  );
  const compound = await callApi<{ id: string }>(linli, 'residents.saveCompound', { name: '幸福家园' }, admin.token);
  await callApi(
    linli,
    'residents.saveBuilding',
    { compoundId: compound.id, gridId: grid.id, name: '3', floors: 6, layout: { units: 2, roomsPerFloor: 2 } },
    admin.token,
  );

  registerFile = path.join(linli.dir, '居民登记表.xlsx');
  await writeRegister(registerFile, rows);

  page = await signIn(browser, linli, { username: 'clerk1', password: 'clerk-pass-2026', displayName: '李窗口' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

async function importFile(file: string) {
  await page.getByRole('link', { name: '导入' }).first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('导入文件').click();
  await (await chooser).setFiles(file);
}

test('the import preview names the refused row, its field and the fix', async () => {
  await importFile(registerFile);
  await expect(page.getByText('共 3 行数据')).toBeVisible();
  const preview = page.getByRole('table', { name: '预览的行' });
  await expect(preview.getByText('李四')).toBeVisible();
  await expect(page.getByText('第 3 行「证件号」：号码有误（校验不通过），请对照身份证逐位核对')).toBeVisible();
  await screenshot(page, 'import-preview');
});

test('importing the valid rows reports exactly what happened', async () => {
  await page.getByLabel('仅导入有效行').check();
  await page.getByRole('button', { name: /开始导入/ }).click();
  // The result of the finished job, not the preview's forecast above it.
  const result = page.getByRole('alert', { name: '导入完成' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toHaveText(/新增\s*2\s*更新\s*0\s*不变\s*0\s*拒绝\s*1/);
  await screenshot(page, 'import-done');
});

test('after fixing the row, importing the same register again adds only that person', async () => {
  const fixed = rows.map((r) => [...r]);
  fixed[1][1] = '440524188001010014';
  const fixedFile = path.join(linli.dir, '居民登记表-已修正.xlsx');
  await writeRegister(fixedFile, fixed);
  await importFile(fixedFile);
  await expect(page.getByText('共 3 行数据')).toBeVisible();
  await page.getByRole('button', { name: /开始导入/ }).click();
  const result = page.getByRole('alert', { name: '导入完成' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toHaveText(/新增\s*1\s*更新\s*0\s*不变\s*2\s*拒绝\s*0/);
});

test('Ctrl+K finds 张三 by his pinyin initials', async () => {
  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder(/姓名、拼音首字母/);
  await search.fill('zs');
  // In the search's own results: the import preview behind it also shows 张三, and Enter must wait for the hit.
  await expect(page.getByRole('dialog').getByText('张三').first()).toBeVisible();
  await screenshot(page, 'search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /张三/ })).toBeVisible();
  // Masked on screen: first three and last four.
  await expect(page.getByText('110***********002X').first()).toBeVisible();
  await screenshot(page, 'resident-page');
});

test('the resident list shows the registry, masked', async () => {
  await page.getByRole('link', { name: '居民' }).first().click();
  const table = page.getByRole('table', { name: '居民列表' });
  await expect(table.getByText('张三')).toBeVisible();
  await expect(table.getByText('李四')).toBeVisible();
  await expect(table.getByText('王五')).toBeVisible();
  await expect(table).not.toContainText('11010519491231002X');
  await screenshot(page, 'residents-list-imported');
});

test('the building view shows the rooms, and an overdue visit leaves the list once recorded', async () => {
  // Three weeks pass: 王五 is 流动人口 (visited weekly), so his household falls overdue.
  const db = new SqliteDatabase(linli.dbPath);
  db.prepare("UPDATE households SET next_visit_due = '2026-01-05' WHERE number = 'H-3-1-302'").run();
  db.close();

  await page.getByRole('link', { name: '楼盘表' }).first().click();
  await page
    .getByText(/3栋|3幢/)
    .first()
    .click()
    .catch(() => undefined);
  await expect(page.getByText('302').first()).toBeVisible();
  await expect(page.getByText('501').first()).toBeVisible();
  await screenshot(page, 'building-view-imported');

  await page.getByRole('link', { name: '走访' }).first().click();
  await page.getByLabel('只看逾期').check();
  const due = page.getByRole('table', { name: '待走访的户' });
  await expect(due.getByText('H-3-1-302')).toBeVisible();
  // Every list shows its total.
  await expect(page.getByText('共 1 户')).toBeVisible();
  await screenshot(page, 'visits-due');
  await due.getByText('H-3-1-302').click();

  await page.getByLabel('见到本人').check();
  await page.getByLabel('家庭情况清').check();
  await page.getByLabel('人员类别清').check();
  await page.getByLabel('走访情况').fill('王五在家，工作稳定，无困难。');
  await page.getByRole('button', { name: '保存走访记录' }).click();
  await expect(page.getByText(/走访已登记/)).toBeVisible();

  await page.getByRole('link', { name: '走访' }).first().click();
  await page.getByLabel('只看逾期').check();
  await expect(page.getByText('没有需要走访的户')).toBeVisible();
  expect(fs.existsSync(linli.dbPath)).toBe(true);
});

test('the ID cards expiring soon are listed soonest first, 50 a page, with the total', async () => {
  // 55 people whose cards expire within the next 30 days (three or four on each day), arranged through the API.
  const today = new Date(Date.now() + 8 * 3600_000);
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 55; i++) {
    const input = {
      name: `到期${i}`,
      status: '户籍',
      docType: '其他',
      birthDate: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      idCardExpiresOn: day(i % 16),
      acknowledgeSimilar: true,
      unplacedReason: '到期提醒测试',
    };
    await callApi(linli, 'residents.create', input, adminToken);
  }

  await page.getByRole('link', { name: '提醒' }).first().click();
  await page.getByRole('tab', { name: '身份证到期' }).click();
  const cards = page.getByRole('table', { name: '身份证到期' });
  await expect(page.getByText('共 55 人')).toBeVisible();
  await expect(cards.getByRole('row')).toHaveCount(51);
  await screenshot(page, 'reminders-id-cards-paged');
  const dates = async () => (await cards.getByRole('row').allTextContents()).slice(1).map((r) => r.match(/\d{4}-\d{2}-\d{2}/)![0]);
  const names = async () => (await cards.getByRole('row').allTextContents()).slice(1).map((r) => r.match(/到期\d+/)![0]);
  const first = await dates();
  expect(first).toEqual([...first].sort());
  const firstNames = await names();
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 2 页')).toBeVisible();
  await expect(cards.getByRole('row')).toHaveCount(6);
  const second = await dates();
  expect(second).toEqual([...second].sort());
  expect(second[0] >= first[first.length - 1]).toBe(true);
  // Every one of the 55 exactly once across the two pages.
  expect(new Set([...firstNames, ...(await names())]).size).toBe(55);
  await expect(page.getByRole('button', { name: '下一页' })).toBeDisabled();
  await screenshot(page, 'reminders-id-cards-page-2');
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(page.getByText('第 1 页')).toBeVisible();
  expect(await names()).toEqual(firstNames);
});

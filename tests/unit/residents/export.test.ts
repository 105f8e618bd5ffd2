import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, jobFile, makeId, preview, runJob } from '../../fixtures/residents/support';

let hall: TestHall;
let clerk: string;
const zhang = makeId('150203', '1975-03-12', 11);
const li = makeId('150203', '1977-07-08', 22);
const wang = makeId('150204', '1988-01-01', 31);
const mask = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;

beforeAll(async () => {
  hall = await openTestHall({ pdf: createChromiumPdfRenderer() });
  clerk = await addUser(hall, 'clerk1', ['clerk']);
  await makePlaces(hall);
  const p = await preview(
    hall,
    'seed.csv',
    csv([
      ['姓名', '身份证号', '身份证有效期', '联系电话', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系', '标签'],
      ['张三', zhang, '2021.03.12-长期', '13800138000', '户籍', '3', '2', '501', 'H-100', '户主', '低保'],
      ['李四', li, '2030-05-01', '13900139000', '户籍', '3', '2', '501', 'H-100', '配偶', ''],
      ['王五', wang, '', '', '流动人口', '3', '1', '101', 'H-200', '户主', ''],
    ]),
  );
  expect((await commit(hall, p.importId)).done?.summary).toMatchObject({ added: 3 });
});
afterAll(() => hall.close());

function run(name: string, format: 'pdf' | 'xlsx' | 'csv', params: Record<string, unknown>, token = hall.adminToken) {
  return runJob(hall, () => hall.call('reports.run', { name, format, params }, token), token);
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(hall.dir, name);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the register through the report engine', () => {
  it('XLSX, masked by default, read back with exceljs; progress reported', async () => {
    const end = await run('residents.register', 'xlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jobFile(hall, end) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(
      expect.arrayContaining([
        '居民登记册',
        '证件号码',
        '身份证有效期',
        '长期',
        '张三',
        '李四',
        '王五',
        mask(zhang),
        '138****8000',
        '幸福小区3栋2单元501',
        'H-100',
        '户主',
        '低保',
      ]),
    );
    expect(cells.some((c) => c.includes(zhang))).toBe(false);
    expect(end.progress.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('CSV filtered like the list (status, grid by name, tag by name), UTF-8 with BOM', async () => {
    const end = await run('residents.register', 'csv', { status: '户籍', grid: '第一网格' });
    const bytes = jobFile(hall, end);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`1,李四,女,1977-07-08,49,${mask(li)},2030-05-01,139****9000,户籍,幸福小区3栋2单元501,H-100,配偶,第一网格,\r\n`);
    // A long-term card says 长期; a card not known says nothing (王五 is filtered out here).
    expect(text).toContain(`2,张三,男,1975-03-12,51,${mask(zhang)},长期,`);
    expect(text).toContain('张三');
    expect(text).not.toContain('王五');
    const tagged = jobFile(hall, await run('residents.register', 'csv', { tag: '低保' })).toString('utf8');
    expect(tagged).toContain('张三');
    expect(tagged).not.toContain('李四');
    const unknown = await run('residents.register', 'csv', { grid: '没有的网格' });
    expect(unknown.failed?.error.code).toBe('residents.grid_not_found');
  });

  it('PDF read back with pdftotext', async () => {
    const text = pdfText(jobFile(hall, await run('residents.register', 'pdf', {})), 'register.pdf');
    expect(text).toContain('居民登记册');
    expect(text).toContain('张三');
    expect(text).toContain(mask(wang));
    expect(text).not.toContain(wang);
  });

  it('full ID numbers only with residents.export_full, and every export is on the audit record', async () => {
    const refused = await hall.fail('reports.run', { name: 'residents.register', format: 'csv', params: { fullIds: true } }, clerk);
    expect(refused).toMatchObject({ code: 'auth.forbidden', params: { permission: 'residents.export_full' } });

    const full = jobFile(hall, await run('residents.register', 'csv', { fullIds: true })).toString('utf8');
    expect(full).toContain(zhang);
    expect(full).toContain('13800138000');

    const audit = await hall.call('audit.list', { limit: 50, action: 'reports.export' });
    const mine = audit.entries.filter((e) => e.recordId === 'residents.register');
    const fullExports = mine.filter((e) => JSON.stringify(e.after).includes('"fullIds":true'));
    // Only the export that happened is recorded as an export; the refused attempt as a refusal.
    expect(fullExports.map((e) => e.actorName)).toEqual(['王管理']);
    const refusals = (await hall.call('audit.list', { limit: 50, action: 'reports.export_refused' })).entries;
    expect(refusals.map((e) => [e.actorName, e.recordId])).toEqual([['clerk1', 'residents.register']]);
  });
});

describe('the household form', () => {
  it('an A4 居民信息登记表 as PDF, read back with pdftotext', async () => {
    const end = await run('residents.household_form', 'pdf', { household: 'H-100' });
    expect(end.done?.file?.fileName).toBe('居民信息登记表-H-100-2026-11-22.pdf');
    const text = pdfText(jobFile(hall, end), 'household.pdf');
    for (const s of [
      '居民信息登记表',
      '幸福社区居民委员会',
      'H-100',
      '幸福小区3栋2单元501',
      '人户一致',
      '第一网格',
      '张三',
      '李四',
      '配偶',
      mask(li),
      '139****9000',
      '登记人',
      '户主签字',
      '日期',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(li);
    expect(text).not.toContain('王五');
  });

  it('comes only as PDF, and names an unknown household', async () => {
    expect((await hall.fail('reports.run', { name: 'residents.household_form', format: 'xlsx', params: { household: 'H-100' } })).code).toBe(
      'reports.format_unsupported',
    );
    expect((await run('residents.household_form', 'pdf', { household: 'nope' })).failed?.error.code).toBe('residents.household_not_found');
  });
});

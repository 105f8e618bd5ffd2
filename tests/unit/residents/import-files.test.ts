import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { csv, fixture, makeId, preview, previewFails, xlsx } from '../../fixtures/residents/support';
import { readSpreadsheet } from '../../../src/main/core/spreadsheet/read-file';
import { headerTest } from '../../../src/main/core/features/residents/import/mapping';

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await makePlaces(hall);
});
afterAll(() => hall.close());

const id1 = makeId('110105', '1980-01-01', 11);
const id2 = makeId('110105', '1982-03-04', 22);
const loNames = ['陈一', '陈二', '林三', '林小四'];

describe('files as Excel, WPS and LibreOffice write them', () => {
  it('reads LibreOffice XLSX: text IDs, date cells, rich text, numbers in 楼栋/单元/房号', async () => {
    const p = await preview(hall, 'lo-residents.xlsx', fixture('lo-residents.xlsx'));
    expect(p.sheetName).toBe('lo-residents');
    expect(p.counts).toEqual({ add: 4, update: 0, unchanged: 0, reject: 0 });
    expect(p.rows.map((r) => [r.row, r.name, r.address])).toEqual([
      [2, '陈一', '幸福小区3栋1单元101'],
      [3, '陈二', '幸福小区3栋1单元101'],
      [4, '林三', '幸福小区3栋2单元201'],
      [5, '林小四', '幸福小区3栋2单元201'],
    ]);
  });

  it('names every ID number LibreOffice or Excel turned into a number (precision lost): id.scientific with the cell as shown', async () => {
    const p = await preview(hall, 'lo-mangled.xlsx', fixture('lo-mangled.xlsx'));
    // 15020419880101031X ends in X: LibreOffice kept it as text, and it is fine.
    expect(p.counts).toEqual({ add: 1, update: 0, unchanged: 0, reject: 3 });
    expect(p.rows.filter((r) => r.action === 'reject').map((r) => r.problems)).toEqual([
      [{ row: 2, field: 'idNumber', code: 'id.scientific', params: { value: '1.50203E+17' } }],
      [{ row: 3, field: 'idNumber', code: 'id.scientific', params: { value: '1.50203E+17' } }],
      [{ row: 5, field: 'idNumber', code: 'id.scientific', params: { value: '1.50204E+17' } }],
    ]);
    // As text in a CSV (what Excel writes after showing it): the same code.
    const q = await preview(
      hall,
      'excel.csv',
      csv([
        ['姓名', '身份证号', '人员类型'],
        ['甲', '1.10105E+17', '户籍'],
      ]),
    );
    expect(q.rows[0].problems).toEqual([{ row: 2, field: 'idNumber', code: 'id.scientific', params: { value: '1.10105E+17' } }]);
  });

  it('reads CSV in GBK (LibreOffice, charset GBK), UTF-8 without and with BOM, tab- and semicolon-separated', async () => {
    const gbk = fixture('lo-residents-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    for (const [name, bytes] of [
      ['lo-residents-gbk.csv', gbk],
      ['lo-residents.csv', fixture('lo-residents.csv')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('lo-residents.csv')])],
      ['lo-residents-tab.csv', fixture('lo-residents-tab.csv')],
      ['lo-residents-semicolon.csv', fixture('lo-residents-semicolon.csv')],
    ] as const) {
      const p = await preview(hall, name, bytes);
      expect([name, p.rows.map((r) => r.name), p.counts.add]).toEqual([name, loNames, 4]);
      expect(p.mapping).toMatchObject({ name: '姓名', idNumber: '身份证号码', registeredOn: '登记日期' });
    }
    const sheet = await readSpreadsheet(fixture('lo-residents-gbk.csv'), headerTest(undefined));
    expect([sheet.encoding, sheet.separator]).toEqual(['gbk', ',']);
    expect((await readSpreadsheet(fixture('lo-residents-tab.csv'), headerTest(undefined))).separator).toBe('\t');
    expect((await readSpreadsheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('lo-residents.csv')]), headerTest(undefined))).encoding).toBe(
      'utf-8-bom',
    );
  });

  it('a CSV whose line endings are mixed (\\r\\n, \\n and \\r alternating) has one row per line, line ends inside quotes kept', async () => {
    const ends = ['\r\n', '\n', '\r'];
    const lines = ['姓名,身份证号,人员类型'];
    for (let i = 0; i < 20; i++) lines.push(`人${i},,户籍`);
    const text = lines.map((l, i) => l + ends[i % 3]).join('') + '"多行\r\n姓名",,户籍\r';
    const sheet = await readSpreadsheet(Buffer.from(text, 'utf8'), headerTest(undefined));
    expect(sheet.rows.length).toBe(21);
    expect(sheet.rows.map((r) => r.cells[0])).toEqual([...Array.from({ length: 20 }, (_, i) => `人${i}`), '多行\r\n姓名']);
    // Fed in 32 KiB pieces, a \r\n cut between two pieces is still one line end.
    const long = Array.from({ length: 4000 }, (_, i) => `人${i},,户籍`).join('\r\n');
    const big = await readSpreadsheet(Buffer.from(`姓名,身份证号,人员类型\r\n${long}\r\n`, 'utf8'), headerTest(undefined));
    expect(big.rows.length).toBe(4000);
  });

  it('dates as text, as Excel serial numbers and as date cells', async () => {
    const file = await xlsx([
      ['姓名', '证件类型', '证件号码', '出生日期', '人员类型', '登记日期'],
      ['甲', '护照', 'E1', '1980-01-05', '流动人口', '2026/1/5'],
      ['乙', '护照', 'E2', '1980年1月5日', '流动人口', 46027],
      ['丙', '护照', 'E3', 19800105, '流动人口', new Date(Date.UTC(2026, 0, 5))],
      ['丁', '护照', 'E4', '1980-02-30', '流动人口', '20260105'],
    ]);
    const p = await preview(hall, 'dates.xlsx', file);
    expect(p.counts).toEqual({ add: 3, update: 0, unchanged: 0, reject: 1 });
    expect(p.rows[0].problems).toEqual([{ row: 5, field: 'birthDate', code: 'import.bad_date', params: { value: '1980-02-30' } }]);
  });

  it('formulas: the cached result is used; a formula without one is a problem naming the cell', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '人员类型', '备注'],
      [{ formula: '"张"&"三"', result: '张三' }, id1, '户籍', ''],
      ['李四', id2, '户籍', { formula: 'A2&"的配偶"' }],
    ]);
    const p = await preview(hall, 'formulas.xlsx', file);
    expect(p.rows.find((r) => r.row === 2)).toMatchObject({ action: 'add', name: '张三' });
    expect(p.rows.find((r) => r.row === 3)!.problems).toEqual([{ row: 3, field: 'notes', code: 'import.formula', params: { cell: 'D3' } }]);
  });

  it('a title merged above the header is fine, merged data cells are filled, a merged header is refused', async () => {
    const withTitle = await xlsx(
      [['幸福社区实有人口登记表'], ['姓名', '身份证号', '人员类型', '户号'], ['张三', id1, '户籍', 'M-01'], ['李四', id2, null, null]],
      {
        after: (ws) => {
          ws.mergeCells('A1:D1');
          ws.mergeCells('C3:C4');
          ws.mergeCells('D3:D4');
        },
      },
    );
    const p = await preview(hall, 'title.xlsx', withTitle);
    expect(p.counts).toEqual({ add: 2, update: 0, unchanged: 0, reject: 0 });
    expect(p.rows.map((r) => r.row)).toEqual([3, 4]);

    const mergedHeader = await xlsx(
      [
        ['姓名', '身份证号', '地址', null],
        ['张三', id1, '3栋', '101'],
      ],
      { after: (ws) => ws.mergeCells('C1:D1') },
    );
    expect(await previewFails(hall, 'merged.xlsx', mergedHeader)).toMatchObject({ code: 'import.merged_header', params: { row: 1, range: 'C1:D1' } });
  });

  it('an ID number typed into a number cell by Excel is named; an old 15-digit number is exact and converted', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '人员类型'],
      ['张三', 110105194912310000, '户籍'],
      ['李四', 130503670401001, '户籍'],
    ]);
    const p = await preview(hall, 'numbers.xlsx', file);
    expect(p.rows.find((r) => r.row === 2)!.problems).toEqual([{ row: 2, field: 'idNumber', code: 'id.scientific', params: { value: '1.10105E+17' } }]);
    expect(p.rows.find((r) => r.row === 3)).toMatchObject({ action: 'add', idMasked: '130***********0016' });
  });
});

describe('files that are refused, with nothing imported', () => {
  const header = '姓名,身份证号,人员类型\r\n';

  it('not a spreadsheet', async () => {
    expect((await previewFails(hall, 'a.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).code).toBe('import.not_spreadsheet');
    expect((await previewFails(hall, 'a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).code).toBe('import.not_spreadsheet');
    expect((await previewFails(hall, 'a.docx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).code).toBe('import.not_spreadsheet');
  });

  it('a password-protected workbook (an OLE compound file holding EncryptedPackage) and a legacy .xls', async () => {
    // What Excel writes for "Encrypt with password": a compound file whose directory names EncryptionInfo
    // and EncryptedPackage (UTF-16). LibreOffice cannot write one from the command line, so it is built here.
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1152);
    expect(await previewFails(hall, 'secret.xlsx', cfb)).toMatchObject({ code: 'import.encrypted' });
    expect(await previewFails(hall, 'old.xls', fixture('lo-legacy.xls'))).toMatchObject({ code: 'import.legacy_xls' });
  });

  it('empty, header only', async () => {
    expect((await previewFails(hall, 'empty.csv', Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('import.empty');
    // A 0-byte file (what a failed download or a fresh "New file" leaves), .csv or .xlsx: empty, not a contract error.
    expect((await previewFails(hall, 'zero.csv', Buffer.alloc(0))).code).toBe('import.empty');
    expect((await previewFails(hall, 'zero.xlsx', Buffer.alloc(0))).code).toBe('import.empty');
    expect((await previewFails(hall, 'blank.csv', '\r\n ,,\r\n\r\n')).code).toBe('import.empty');
    expect(await previewFails(hall, 'empty.xlsx', await xlsx([]))).toMatchObject({ code: 'import.empty' });
    expect(await previewFails(hall, 'header.csv', header + ',,\r\n')).toMatchObject({ code: 'import.header_only', params: { row: 1 } });
    expect(await previewFails(hall, 'header.xlsx', await xlsx([['说明：请勿修改表头'], ['姓名', '身份证号', '人员类型']]))).toMatchObject({
      code: 'import.header_only',
      params: { row: 2 },
    });
  });

  it('more than 200,000 rows', async () => {
    const body = Buffer.from(header + '甲,1,户籍\r\n'.repeat(200_001), 'utf8');
    expect(await previewFails(hall, 'big.csv', body)).toMatchObject({ code: 'import.too_many_rows', params: { max: 200_000 } });
  }, 60_000);
});

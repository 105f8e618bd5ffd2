import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { headerTest } from '../../../src/main/core/features/residents/import/mapping';
import { readXlsx } from '../../../src/main/core/spreadsheet/read-xlsx';
import { isDateFormat, serialDate } from '../../../src/main/core/spreadsheet/xlsx/date-formats';
import { partPath } from '../../../src/main/core/spreadsheet/xlsx/workbook';
import { entryChunks, zipEntries, type ZipEntry } from '../../../src/main/core/spreadsheet/xlsx/zip';
import { MAX_TEXT_CHARS } from '../../../src/main/core/spreadsheet/xlsx/xml-parts';
import { translator } from '../../../src/shared/i18n/translate';
import type { CellValue, HeaderTest, Sheet, SheetRow } from '../../../src/main/core/spreadsheet/sheet';
import { fixture, fixturesDir, makeId, xlsx } from '../../fixtures/residents/support';
import { readXlsxWithExceljs } from './xlsx-exceljs-reference';

/**
 * The XLSX reader parses the workbook's XML itself (htmlparser2). First: on every XLSX fixture and on
 * workbooks exceljs writes, it gives exactly what the reader it replaced (exceljs' streaming reader, kept
 * in xlsx-exceljs-reference.ts) gave. Then: workbooks written here part by part, for what other writers
 * put in a file (prefixed elements, inline and rich text, East Asian date formats, cells without a
 * position, sheets at other paths), where exceljs' reader was wrong or blind.
 */

type Outcome = { sheet: Sheet } | { refused: string; params?: unknown };

async function outcome(read: () => Promise<Sheet>): Promise<Outcome> {
  try {
    return { sheet: await read() };
  } catch (err) {
    if (err instanceof AppError) return { refused: err.code, params: err.params };
    throw err;
  }
}

const anyRowIsHeader: HeaderTest = () => false;

/** Both readers, with the app's header test and with none (the first row is the header, every other row read). */
async function compare(buf: Buffer): Promise<Outcome[]> {
  const seen: Outcome[] = [];
  for (const isHeader of [headerTest(undefined), anyRowIsHeader]) {
    const ours = await outcome(() => readXlsx(buf, isHeader));
    const theirs = await outcome(() => readXlsxWithExceljs(buf, isHeader));
    expect(ours).toEqual(theirs);
    // …and handing the rows to a sink gives the same rows.
    if ('sheet' in ours) {
      const streamed: SheetRow[] = [];
      const head = await readXlsx(buf, isHeader, { start: () => {}, row: (r) => streamed.push(r) });
      expect(head.rows).toEqual([]);
      expect(streamed).toEqual(ours.sheet.rows);
    }
    seen.push(ours);
  }
  return seen;
}

function rowsOf(o: Outcome): [number, CellValue[]][] {
  if (!('sheet' in o)) throw new Error(`refused: ${o.refused}`);
  return o.sheet.rows.map((r) => [r.row, r.cells]);
}

const id1 = makeId('110105', '1980-01-01', 11);
const id2 = makeId('110105', '1982-03-04', 22);

describe('the same cells as exceljs’ streaming reader', () => {
  const fixtures = fs.readdirSync(fixturesDir).filter((n) => n.endsWith('.xlsx'));

  it.each(fixtures)('fixture %s', async (name) => {
    const [withHeaderTest, firstRow] = await compare(fixture(name));
    expect('sheet' in withHeaderTest && withHeaderTest.sheet.rows.length).toBe(4);
    expect('sheet' in firstRow && firstRow.sheet.headers[0]).toBe('姓名');
  });

  it('the LibreOffice fixture, cell by cell: text IDs, date cells, numbers', async () => {
    const sheet = await readXlsx(fixture('lo-residents.xlsx'), headerTest(undefined));
    expect(sheet.headers).toEqual([
      '姓名',
      '身份证号码',
      '性别',
      '出生日期',
      '联系电话',
      '人员类型',
      '小区',
      '楼栋',
      '单元',
      '房号',
      '户号',
      '与户主关系',
      '登记日期',
    ]);
    expect(sheet.rows[0]).toEqual({
      row: 2,
      cells: ['陈一', '150203197503120114', '男', { date: '1975-03-12' }, '13800000001', '户籍', '幸福小区', 3, 1, 101, 'LO-001', '户主', '2026/1/5'],
    });
    const mangled = await readXlsx(fixture('lo-mangled.xlsx'), headerTest(undefined));
    expect(mangled.rows[0].cells.slice(0, 2)).toEqual(['陈一', 1.5020319750312e17]); // LibreOffice keeps 15 digits
  });

  it('everything exceljs writes: text, rich text, numbers, dates in several formats, booleans, errors, formulas, hyperlinks, merges, blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    for (let i = 0; i < 12; i++) notes.addRow([`第${i + 1}条：请按表头填写`]);
    wb.addWorksheet('空白');
    const ws = wb.addWorksheet('居民');
    ws.addRow(['幸福社区实有人口登记表']);
    ws.addRow(['姓名', '身份证号', '人员类型', '出生日期', '登记日期', '备注', '数量', '党员', '错误', '公式', '链接', '时间', '金额']);
    ws.addRow([
      { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] },
      id1,
      '户籍',
      new Date(Date.UTC(1980, 0, 1)),
      46027,
      'a & b <c> "d" \'e\' &amp;',
      3.14159,
      true,
      { error: '#N/A' },
      { formula: 'G3*2', result: 6.28318 },
      { text: '链接', hyperlink: 'https://example.org' },
      0.5,
      1234.5,
    ]);
    ws.addRow([
      '李四',
      id2,
      null,
      new Date(Date.UTC(1982, 2, 4)),
      46028,
      '  前后有空格  ',
      -2,
      false,
      { error: '#DIV/0!' },
      { formula: 'A4&"的"' },
      null,
      0.75,
      -0.5,
    ]);
    ws.addRow([]);
    ws.addRow(['王五', 110105194912310000, '流动人口', null, null, '一\n二', 1e21, null, null, { formula: 'SUM(G3:G4)', result: 1.14159 }]);
    ws.addRow([null, null, null, null, null, null, null, null, null, null, null, null, 7]);
    ws.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
    ws.getColumn(5).numFmt = 'yyyy\\-mm\\-dd';
    ws.getColumn(7).numFmt = '0.00';
    ws.getColumn(12).numFmt = 'h:mm';
    ws.getColumn(13).numFmt = '[Red]0.00';
    ws.mergeCells('A1:M1');
    ws.mergeCells('C3:C4');
    const [withHeaderTest, firstRow] = await compare(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rowsOf(withHeaderTest)).toEqual([
      [
        3,
        [
          '张三',
          id1,
          '户籍',
          { date: '1980-01-01' },
          { date: '2026-01-05' },
          'a & b <c> "d" \'e\' &amp;',
          3.14159,
          true,
          { error: '#N/A' },
          6.28318,
          '链接',
          { date: '1899-12-30' },
          1234.5,
        ],
      ],
      [
        4,
        [
          '李四',
          id2,
          '户籍',
          { date: '1982-03-04' },
          { date: '2026-01-06' },
          '  前后有空格  ',
          -2,
          false,
          { error: '#DIV/0!' },
          { formula: 'A4&"的"' },
          null,
          { date: '1899-12-30' },
          -0.5,
        ],
      ],
      [6, ['王五', 110105194912310000, '流动人口', null, null, '一\n二', 1e21, null, null, 1.14159]],
      [7, [null, null, null, null, null, null, null, null, null, null, null, null, 7]],
    ]);
    // No recognised header anywhere: the first sheet with content, its first row as the header.
    expect('sheet' in firstRow && [firstRow.sheet.sheetName, firstRow.sheet.headers, firstRow.sheet.rows.length]).toEqual([
      '说明',
      ['第1条：请按表头填写'],
      11,
    ]);
  });

  it('a sheet written by exceljs’ streaming writer, with inline strings and with shared strings', async () => {
    let inline: Outcome | null = null;
    for (const useSharedStrings of [false, true]) {
      const file = `${fs.mkdtempSync('/tmp/linli-xlsx-')}/w.xlsx`;
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('居民');
      ws.getColumn(4).numFmt = 'yyyy-mm-dd';
      ws.addRow(['姓名', '身份证号', '人员类型', '出生日期', '楼栋']).commit();
      for (let i = 0; i < 300; i++)
        ws.addRow([
          `居民${i} & <${i}>`,
          makeId('110105', '1980-01-01', i),
          i % 2 ? '户籍' : '流动人口',
          new Date(Date.UTC(1950 + (i % 50), i % 12, 1 + (i % 28))),
          i % 30,
        ]).commit();
      ws.commit();
      await wb.commit();
      // With shared strings, that writer puts them after the sheet, and exceljs' streaming reader then
      // sometimes reads the sheet before them (a race inside it: under load the strings came back empty).
      // That file must read exactly as the same rows written inline, which are compared with exceljs.
      const withHeaderTest = useSharedStrings
        ? { sheet: await readXlsx(fs.readFileSync(file), headerTest(undefined)) }
        : (await compare(fs.readFileSync(file)))[0];
      if (useSharedStrings) expect(withHeaderTest).toEqual(inline);
      else inline = withHeaderTest;
      const rows = rowsOf(withHeaderTest);
      expect(rows).toHaveLength(300);
      expect(rows[299]).toEqual([301, ['居民299 & <299>', makeId('110105', '1980-01-01', 299), '户籍', { date: '1999-12-20' }, 29]]);
      fs.rmSync(file);
    }
  });

  it('a 1904 workbook, an empty one, a merged header, a header without rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('居民');
    ws.addRow(['姓名', '身份证号', '人员类型', '出生日期']);
    ws.addRow(['张三', id1, '户籍', 44565]);
    ws.getColumn(4).numFmt = 'yyyy-mm-dd';
    const [book1904] = await compare(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rowsOf(book1904)).toEqual([[2, ['张三', id1, '户籍', { date: '2026-01-05' }]]]);

    expect(await compare(await xlsx([]))).toEqual([
      { refused: 'import.empty', params: undefined },
      { refused: 'import.empty', params: undefined },
    ]);
    const merged = await xlsx(
      [
        ['姓名', '身份证号', '地址', null],
        ['张三', id1, '3栋', '101'],
      ],
      { after: (s) => s.mergeCells('C1:D1') },
    );
    expect((await compare(merged))[0]).toEqual({ refused: 'import.merged_header', params: { row: 1, range: 'C1:D1' } });
    const headerOnly = await xlsx([['说明：请勿修改表头'], ['姓名', '身份证号', '人员类型']]);
    expect((await compare(headerOnly))[0]).toEqual({ refused: 'import.header_only', params: { row: 2 } });
  });
});

// ---------------------------------------------------------------------------------------------------
// Workbooks written part by part

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface PartSheet {
  name: string;
  /** The whole worksheet part, or only what goes in <sheetData>. */
  xml?: string;
  rows?: string;
  /** After </sheetData> (merges). */
  after?: string;
  /** Where the part is in the ZIP, and the target the workbook's rels give (relative to xl/ unless absolute). */
  path?: string;
  target?: string;
}

async function book(opts: { sheets: PartSheet[]; strings?: string; styles?: string; workbookPr?: string; workbook?: string }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const sheets: string[] = [];
  opts.sheets.forEach((s, i) => {
    const path = s.path ?? `xl/worksheets/sheet${i + 1}.xml`;
    const target = s.target ?? path.replace(/^xl\//, '');
    rels.push(`<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="${target}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    zip.file(
      path,
      s.xml ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData>${s.rows ?? ''}</sheetData>${s.after ?? ''}</worksheet>`,
    );
  });
  if (opts.strings !== undefined) {
    rels.push(`<Relationship Id="rId90" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" xmlns:x="${MAIN}">${opts.strings}</sst>`);
  }
  if (opts.styles !== undefined) {
    rels.push(`<Relationship Id="rId91" Type="${RELS}/styles" Target="styles.xml"/>`);
    zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`);
  }
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    opts.workbook ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}">${opts.workbookPr ?? ''}<sheets>${sheets.join('')}</sheets></workbook>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEAD = `<row r="1">${inline('A1', '姓名')}${inline('B1', '身份证号')}${inline('C1', '人员类型')}</row>`;

/** Every row under the first (taken as the header), as [row, cells]. */
async function cells(buf: Buffer): Promise<[number, CellValue[]][]> {
  return (await readXlsx(buf, anyRowIsHeader)).rows.map((r) => [r.row, r.cells]);
}

describe('workbooks as other writers make them', () => {
  it('x:-prefixed elements everywhere (workbook, shared strings, sheet, merges)', async () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>户号</x:t></x:is></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>42</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>李四</x:t></x:is></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>`;
    const workbook = `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:rel="${RELS}"><x:sheets><x:sheet name="前缀" sheetId="7" rel:id="rId1"/></x:sheets></x:workbook>`;
    const buf = await book({ sheets: [{ name: 'unused', xml: sheet }], workbook, strings: '<x:si><x:t>姓名</x:t></x:si><x:si><x:t>张三</x:t></x:si>' });
    const read = await readXlsx(buf, anyRowIsHeader);
    expect([read.sheetName, read.headers]).toEqual(['前缀', ['姓名', '户号']]);
    expect(read.rows).toEqual([
      { row: 2, cells: ['张三', 42] },
      { row: 3, cells: ['李四', 42] },
    ]);
    // exceljs' reader failed on such a workbook (it knew no <x:sheet>): with a TypeError, or, when its stream
    // happens to reach the sheet before the workbook part (it does under load), by finding no rows at all.
    await expect(readXlsxWithExceljs(buf, anyRowIsHeader)).rejects.toThrow();
  });

  it('inline strings and shared strings: rich text joined, phonetic runs left out, entities decoded, spaces kept', async () => {
    const strings = [
      '<si><t>张三</t></si>',
      '<si><r><t>王</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 五 </t></r><rPh sb="0" eb="1"><t>ワン</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t>A&amp;B &lt;户&gt; &#x5F20;&#24352; &quot;q&quot; &apos;a&apos;</t></si>',
      '<si><t xml:space="preserve">  前后  </t></si>',
      '<si><t/></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>',
    ].join('');
    const rows =
      HEAD +
      `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c></row>` +
      `<row r="3">${inline('A3', '李&amp;四')}<c r="B3" t="inlineStr"><is><r><t>赵</t></r><r><rPr><i/></rPr><t>六</t></r><rPh sb="0" eb="1"><t>zhao</t></rPh></is></c>` +
      `<c r="C3" t="inlineStr"><is><t xml:space="preserve"> 空 格 </t></is></c><c r="D3" t="str"><v>&#x5F20;&amp;lt;</v></c></row>`;
    expect(await cells(await book({ sheets: [{ name: '居民', rows }], strings }))).toEqual([
      [2, ['张三', '王 五 ', 'A&B <户> 张张 "q" \'a\'', '  前后  ', null, '東京']],
      [3, ['李&四', '赵六', ' 空 格 ', '张&lt;']],
    ]);
  });

  it('dates by number format: built-in 14, 22, 31, 57, 58 and custom codes; numbers by 0.00, [Red]0, quoted and escaped letters', async () => {
    const formats: [number, string][] = [
      [164, 'yyyy"年"m"月"d"日"'],
      [165, '0.00'],
      [166, '[Red]0'],
      [167, '[h]:mm:ss'],
      [168, '[$-804]0.00'],
      [169, '"day"0'],
      [170, 'yyyy\\-mm\\-dd'],
      [171, '0\\ \\d'],
      [172, '[DBNum1][$-804]yyyy"年"m"月"d"日"'],
      [173, 'General'],
      [174, 'G/通用格式'],
      [175, '#,##0.00_);[Red]\\(#,##0.00\\)'],
      [176, '[mm]:ss'],
    ];
    const xfIds = [0, 14, 22, 31, 57, 58, 2, ...formats.map(([id]) => id)];
    const styles =
      `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="${xfIds.length}">${xfIds.map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
      `<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs>`;
    const row = xfIds.map((_, s) => `<c r="${String.fromCharCode(65 + s)}2" s="${s}"><v>46027.75</v></c>`).join('');
    const got = await cells(await book({ sheets: [{ name: '居民', rows: `${HEAD}<row r="2">${row}</row>` }], styles }));
    const day = { date: '2026-01-05' }; // 46027.75 is 2026-01-05 18:00: the time of day is left out
    expect(serialDate(46027.75, false)).toEqual(day);
    expect(got).toEqual([
      [
        2,
        [46027.75, day, day, day, day, day, 46027.75, day, 46027.75, 46027.75, day, 46027.75, 46027.75, day, 46027.75, day, 46027.75, 46027.75, 46027.75, day],
      ],
    ]);
  });

  it('the same serial as a date in the 1900 and in the 1904 system, as exceljs converted it', async () => {
    const styles = `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs>`;
    const rows = `${HEAD}<row r="2"><c r="A2" s="1"><v>46027</v></c><c r="B2" s="1"><v>1</v></c><c r="C2" s="1"><v>60</v></c><c r="D2" s="1"><v>0</v></c></row>`;
    expect(await cells(await book({ sheets: [{ name: '居民', rows }], styles }))).toEqual([
      [2, [{ date: '2026-01-05' }, { date: '1899-12-31' }, { date: '1900-02-28' }, { date: '1899-12-30' }]],
    ]);
    for (const pr of ['<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>']) {
      expect(await cells(await book({ sheets: [{ name: '居民', rows }], styles, workbookPr: pr }))).toEqual([
        [2, [{ date: '2030-01-06' }, { date: '1904-01-02' }, { date: '1904-03-01' }, { date: '1904-01-01' }]],
      ]);
    }
    expect(serialDate(46027, true)).toEqual({ date: '2030-01-06' });
  });

  it('cells and rows without a position follow the one before; a row’s cells end at its last value', async () => {
    const rows =
      HEAD +
      `<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c r="D2"><v>4</v></c><c><v>5</v></c><c r="H2"/></row>` +
      `<row><c><v>1</v></c><c/><c><v>3</v></c></row>` +
      `<row r="9"><c r="b9"><v>2</v></c></row>` +
      `<row><c r="C10" t="inlineStr"><is><t></t></is></c></row>`;
    expect(await cells(await book({ sheets: [{ name: '居民', rows }] }))).toEqual([
      [2, ['a', null, null, 4, 5]],
      [3, [1, null, 3]],
      [9, [null, 2]],
    ]);
  });

  it('sheets in the workbook’s order, found through its rels (absolute, relative, any file name); merges of that sheet', async () => {
    const data = `<row r="2">${inline('A2', '张三')}${inline('B2', id1)}${inline('C2', '户籍')}</row><row r="3">${inline('A3', '李四')}</row>`;
    const buf = await book({
      sheets: [
        {
          name: '说明',
          rows: `<row r="1">${inline('A1', '请勿修改表头')}</row><row r="2">${inline('A2', '见下一页')}</row>`,
          path: 'xl/worksheets/sheet1.xml',
          target: '/xl/worksheets/sheet1.xml',
        },
        {
          name: '居民',
          rows: HEAD + data,
          after: '<mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>',
          path: 'xl/data/people.xml',
          target: '/xl/data/people.xml',
        },
        { name: '旧表', rows: HEAD, path: 'xl/worksheets/sheet3.xml', target: './worksheets/../worksheets/sheet3.xml' },
      ],
    });
    const sheet = await readXlsx(buf, headerTest(undefined));
    expect([sheet.sheetName, sheet.headerRow, sheet.rows]).toEqual([
      '居民',
      1,
      [
        { row: 2, cells: ['张三', id1, id1] },
        { row: 3, cells: ['李四', id1, id1] },
      ],
    ]);
    // No header test passes: the first sheet with content, in the workbook's order, is taken.
    expect((await readXlsx(buf, anyRowIsHeader)).sheetName).toBe('说明');

    const merged = await book({
      sheets: [
        {
          name: '居民',
          rows: HEAD + data,
          after: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
          path: 'xl/worksheets/people.xml',
          target: '/xl/worksheets/people.xml',
        },
      ],
    });
    await expect(readXlsx(merged, headerTest(undefined))).rejects.toMatchObject({ code: 'import.merged_header', params: { row: 1, range: 'A1:B1' } });
    expect(partPath('xl/', '../xl/worksheets/./sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });

  it('booleans, errors, ISO dates, formulas with and without a cached value', async () => {
    const styles = `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`;
    const rows =
      HEAD +
      `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="d"><v>2026-01-05T00:00:00Z</v></c><c r="F2" t="d"><v>2026-01-06</v></c></row>` +
      `<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"张"&amp;"三"</f><v>张三</v></c><c r="C3"><f>SUM(A1:A2)</f></c><c r="D3"><f t="shared" ref="D3:D4" si="0">A3*2</f><v>4</v></c><c r="E3"><f t="shared" si="0"/><v>6</v></c><c r="F3"><f t="shared" si="0"/></c></row>` +
      `<row r="4"><c r="A4" t="b"><f>TRUE()</f><v>1</v></c><c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4"><f>A3-2</f><v>0</v></c><c r="D4" s="1"><f>DATE(2026,1,5)</f><v>46027</v></c><c r="E4" t="str"><f>IF(A3=2,"","x")</f><v></v></c><c r="F4" t="str"><f>A9</f></c></row>`;
    expect(await cells(await book({ sheets: [{ name: '居民', rows }], styles }))).toEqual([
      [2, [true, false, { error: '#N/A' }, { error: '#DIV/0!' }, { date: '2026-01-05' }, { date: '2026-01-06' }]],
      [3, [2, '张三', { formula: 'SUM(A1:A2)' }, 4, 6, { formula: '' }]],
      [4, [true, { error: '#DIV/0!' }, 0, { date: '2026-01-05' }, '', { formula: 'A9' }]],
    ]);
  });

  it('a sheet whose header is not in the first rows is read again with its first row as the header', async () => {
    const notes = Array.from({ length: 12 }, (_, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, `说明${i + 1}`)}</row>`).join('');
    const buf = await book({ sheets: [{ name: '居民', rows: notes + HEAD.replace(/r="1"/, 'r="13"').replace(/([A-C])1"/g, '$113"') }] });
    const sheet = await readXlsx(buf, headerTest(undefined));
    expect([sheet.headerRow, sheet.headers, sheet.rows.length, sheet.rows[0]]).toEqual([1, ['说明1'], 12, { row: 2, cells: ['说明2'] }]);
  });

  it('more rows than allowed: refused while reading', async () => {
    let rows = HEAD;
    for (let r = 2; r <= 200_002; r++) rows += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>${r}</v></c></row>`;
    const file = await book({ sheets: [{ name: '居民', rows }], strings: '<si><t>甲</t></si>' });
    let handed = 0;
    await expect(readXlsx(file, headerTest(undefined), { start: () => {}, row: () => handed++ })).rejects.toMatchObject({
      code: 'import.too_many_rows',
      params: { max: 200_000 },
    });
    expect(handed).toBe(200_000);
  }, 60_000);

  it('a ZIP whose central directory gives sizes and offsets in ZIP64 extra fields', async () => {
    const plain = fixture('lo-residents.xlsx');
    const zip64 = withZip64Extras(plain);
    expect(zip64.readUInt32LE(zip64.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 20)).toBe(0xffffffff);
    const names = async (buf: Buffer) => (await zipEntries(buf))!.map((e) => [e.name, e.compressedSize, e.uncompressedSize]);
    expect(await names(zip64)).toEqual(await names(plain));
    expect(await readXlsx(zip64, headerTest(undefined))).toEqual(await readXlsx(plain, headerTest(undefined)));
  });

  it('not a workbook: a ZIP without xl/workbook.xml', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    await expect(readXlsx(await zip.generateAsync({ type: 'nodebuffer' }), headerTest(undefined))).rejects.toMatchObject({ code: 'import.not_spreadsheet' });
  });
});

describe('a zip bomb: parts that inflate to far more than the file', () => {
  it('a shared string of millions of characters (a few KiB deflated) is refused as too large or damaged, not read into memory', async () => {
    const huge = 'A'.repeat(MAX_TEXT_CHARS + 10);
    const file = await book({ sheets: [{ name: 'S', rows: `${HEAD}<row r="2"><c r="A2" t="s"><v>0</v></c></row>` }], strings: `<si><t>${huge}</t></si>` });
    expect(file.length).toBeLessThan(64 * 1024);
    await expect(readXlsx(file, headerTest(undefined))).rejects.toMatchObject({ code: 'import.too_large', params: { part: 'sharedStrings' } });
    // Inline text in the sheet itself, the same.
    const inlineBomb = await book({ sheets: [{ name: 'S', rows: `${HEAD}<row r="2">${inline('A2', huge)}</row>` }] });
    await expect(readXlsx(inlineBomb, headerTest(undefined))).rejects.toMatchObject({ code: 'import.too_large', params: { part: 'sheet' } });
  });

  it('a part over its cap is refused on the size the directory declares, and on the bytes inflated when the directory understates it', async () => {
    const file = await book({ sheets: [{ name: 'S', rows: HEAD }], strings: '<si><t>x</t></si>'.repeat(2000) });
    const strings = (await zipEntries(file))!.find((e) => e.name === 'xl/sharedStrings.xml')!;
    const drain = async (entry: ZipEntry, cap: number) => {
      let n = 0;
      for await (const chunk of entryChunks(entry, cap)) n += chunk.length;
      return n;
    };
    expect(await drain(strings, strings.uncompressedSize)).toBe(strings.uncompressedSize);
    await expect(drain(strings, 1000)).rejects.toMatchObject({ code: 'import.too_large', params: { part: 'xl/sharedStrings.xml' } });
    await expect(drain({ ...strings, uncompressedSize: 10 }, 1000)).rejects.toMatchObject({ code: 'import.too_large' });
  });

  it('says it in Chinese: 文件过大或已损坏', () => {
    expect(translator('zh-CN')('errors.import.too_large', { part: 'xl/sharedStrings.xml', max: 256 })).toContain('文件过大或已损坏');
    expect(translator('zh-CN')('errors.import.damaged', { part: 'xl/worksheets/sheet1.xml' })).toContain('已损坏');
  });
});

describe('number format codes', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['[mm]:ss', true],
    ['[ss]', true],
    ['YYYY/MM/DD', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['General', false],
    ['G/通用格式', false],
    ['0.00', false],
    ['[Red]0', false],
    ['[$-804]0.00', false],
    ['"年"0', false],
    ['0"天"', false],
    ['0\\d', false],
    ['#,##0_);[Red](#,##0)', false],
    ['0.00E+00', false],
    ['@', false],
    ['_-* #,##0_-;-* #,##0_-', false],
  ] as const)('%s → date: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

/** The same ZIP with every central-directory record's sizes and local header offset moved into a ZIP64 extra field. */
function withZip64Extras(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const start = zip.readUInt32LE(eocd + 16);
  const parts: Buffer[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    const [n, x, c] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)];
    const head = Buffer.from(zip.subarray(p, p + 46));
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4); // uncompressed size
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12); // compressed size
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20); // local header offset
    for (const at of [20, 24, 42]) head.writeUInt32LE(0xffffffff, at);
    head.writeUInt16LE(x + extra.length, 30);
    parts.push(head, zip.subarray(p + 46, p + 46 + n + x), extra, zip.subarray(p + 46 + n + x, p + 46 + n + x + c));
    p += 46 + n + x + c;
  }
  const directory = Buffer.concat(parts);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(directory.length, 12);
  return Buffer.concat([zip.subarray(0, start), directory, end]);
}

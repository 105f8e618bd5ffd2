import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, DocumentModel } from '../../../src/main/core/documents/model';
import { documentToHtml, renderDocument } from '../../../src/main/core/documents';
import { writesPdfDirectly } from '../../../src/main/core/documents/render';
import { scanPublicOutput } from '../../../src/main/core/documents/public-scan';
import { documentToPdf } from '../../../src/main/core/documents/pdf/document-pdf';
import { openFaces } from '../../../src/main/core/documents/pdf/faces';
import { documentToPrintablePage } from '../../../src/main/core/documents/html/render';
import { isLongTable, pageTable, tablePaging } from '../../../src/main/core/documents/html/table-pages';
import { cellText } from '../../../src/main/core/documents/html/blocks';
import type { PdfRenderer } from '../../../src/main/core/reports/model';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';

// A document with a table longer than two pages is written directly by pdfkit (pdf/document-pdf.ts); where the
// fonts for that are missing, Chromium prints it with the table cut into one table per page
// (html/table-pages.ts), because it fragments one long table in time that grows with the square of its rows.
// Both must print what matters: every row once, the header on every page, the totals at the end, rows kept
// whole, page numbers, and what follows the table.

const tmp = mkdtempSync(join(tmpdir(), 'linli-long-tables-'));
let pdf: PdfRenderer;
beforeAll(() => {
  pdf = createChromiumPdfRenderer();
});
afterAll(async () => {
  await pdf.close();
  rmSync(tmp, { recursive: true, force: true });
});

type Table = Extract<Block, { kind: 'table' }>;

/** 600 rows; every seventh has a purpose long enough to wrap onto a second or third line. */
function longTable(rows = 600): Table {
  return {
    kind: 'table',
    caption: '一、收入明细',
    columns: [
      { header: '序号', width: 10 },
      { header: '日期', width: 18 },
      { header: '捐赠人', width: 16 },
      { header: '用途', width: 30 },
      { header: '金额（元）', kind: 'fen', width: 18 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      i + 1,
      '2025-01-15',
      `捐赠人${i % 300}`,
      i % 7 === 0 ? `第${i + 1}行：冬季困难家庭慰问、大病医疗救助与助学金的定向捐赠款项` : '大病救助',
      (i + 1) * 100,
    ]),
    totals: ['合计', '', '', '', Array.from({ length: rows }, (_, i) => (i + 1) * 100).reduce((a, b) => a + b, 0)],
  };
}

function doc(layout: DocumentModel['layout'], table: Table): DocumentModel {
  return {
    layout,
    title: '长表格测试',
    letterhead: { communityName: '幸福社区居民委员会', unitName: '幸福社区居民委员会' },
    blocks: [
      { kind: 'paragraph', content: ['表格之前的一段。'] },
      table,
      { kind: 'paragraph', content: ['表格之后的一段：全部行已列出。'] },
      { kind: 'qr', data: 'a'.repeat(64), caption: '账本链头' },
    ],
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: '2025-04-01T00:00:00Z',
  };
}

/** Each page's text; with `layout` columns kept apart by spaces. */
function pages(bytes: Uint8Array, name: string): string[] {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

function fonts(bytes: Uint8Array, name: string): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** What every printing of the long table must show, however it was printed. */
function expectWholeTable(printed: string[], layout: DocumentModel['layout'], tablePages: string[]) {
  expect(printed[0]).toContain('表格之前的一段');
  for (const page of tablePages) expect(page).toMatch(/序号\s+日期\s+捐赠人\s+用途\s+金额（元）/);
  const all = printed.join('\n');
  for (let i = 1; i <= 600; i++) expect(all).toMatch(new RegExp(`^\\s*${i}\\s+2025-01-15`, 'm'));
  expect(all.match(/^\s*\d+\s+2025-01-15/gm)?.length).toBe(600);
  expect(tablePages.at(-1)).toMatch(/合计\s+180,300\.00/);
  expect(all.replace(/\s+/g, '')).toContain('表格之后的一段：全部行已列出。');
  expect(all.replace(/\s+/g, '')).toContain('账本链头');
  if (layout === 'form') expect(all).toContain(`第 ${printed.length} 页 / 共 ${printed.length} 页`);
  else expect(all).toMatch(new RegExp(`—\\s*${printed.length}\\s*—`));
}

describe('a long table written directly (pdf/document-pdf.ts)', () => {
  for (const layout of ['official', 'form'] as const) {
    it(`${layout}: every row once and whole on one page, the header on every page, totals and what follows at the end, real fonts`, async () => {
      const table = longTable();
      const model = doc(layout, table);
      expect(writesPdfDirectly(model)).toBe(true);
      const bytes = (await renderDocument(model, 'pdf', pdf)).bytes;
      // Written directly: the CJK faces embedded as subsets with their Unicode, not Chromium's Type 3 glyphs.
      const used = fonts(bytes, `${layout}-fonts.pdf`);
      expect(used).toMatch(/\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
      expect(used).not.toContain('Type 3');
      const printed = pages(bytes, `${layout}-direct.pdf`);
      const tablePages = printed.filter((p) => /序号\s+日期/.test(p));
      expect(tablePages.length).toBeGreaterThan(10);
      expectWholeTable(printed, layout, tablePages);
      // A wrapped purpose stays on its row's page: each of its three lines is on the page of its number.
      for (const page of tablePages) {
        for (const m of page.matchAll(/第(\d+)行/g)) expect(page).toMatch(new RegExp(`^\\s*${m[1]}\\s+2025-01-15`, 'm'));
      }
      // Pages run in order: each table page's first row follows the last row of the page before.
      const firsts = tablePages.map((p) => Number(/^\s*(\d+)\s+2025-01-15/m.exec(p)?.[1]));
      const lasts = tablePages.map((p) => Math.max(...[...p.matchAll(/^\s*(\d+)\s+2025-01-15/gm)].map((m) => Number(m[1]))));
      for (let i = 1; i < tablePages.length; i++) expect(firsts[i]).toBe(lasts[i - 1] + 1);
    });
  }

  it('a public one is read back and refused when a cell holds an ID number, a phone or an address', async () => {
    for (const [value, kind] of [
      ['11010519491231002X', 'idNumber'],
      ['13812345678', 'phone'],
      ['幸福里3栋2单元301室', 'address'],
    ] as const) {
      const table = longTable();
      table.rows[450][2] = value;
      const model = { ...doc('official', table), public: true };
      await expect(renderDocument(model, 'pdf', pdf)).rejects.toMatchObject({ code: 'reports.public_personal_data', params: { kind } });
    }
    await expect(renderDocument({ ...doc('official', longTable()), public: true }, 'pdf', pdf)).resolves.toBeDefined();
  });

  it('read back alone, in drawing order (pdftotext -raw), a value is found in a cell right after digits', async () => {
    const faces = openFaces()!;
    for (const [value, kind] of [
      ['11010519491231002X', 'idNumber'],
      ['13812345678', 'phone'],
    ] as const) {
      const table = longTable();
      // The cell before it, the donor 捐赠人300, ends in digits: run together, the value would not be seen.
      table.rows[300][3] = value;
      const written = await documentToPdf({ ...doc('official', table), public: true }, faces);
      const source = { text: '', checked: true, pages: written.pages, drawnInReadingOrder: true };
      await expect(scanPublicOutput('pdf', written.bytes, '长表格', source)).rejects.toMatchObject({ code: 'reports.public_personal_data', params: { kind } });
    }
  });

  it('a short document is still printed from its page by Chromium', async () => {
    const model = doc('official', longTable(30));
    expect(writesPdfDirectly(model)).toBe(false);
    expect(fonts((await renderDocument(model, 'pdf', pdf)).bytes, 'short-fonts.pdf')).toContain('Type 3');
  });
});

describe('a long table printed by Chromium (where the fonts for the direct writer are missing)', () => {
  for (const layout of ['official', 'form'] as const) {
    it(`${layout}: one table per page, every row once, the header on every page, totals and what follows at the end`, async () => {
      const table = longTable();
      const plan = pageTable(table, tablePaging(doc(layout, table)), (cells) => table.columns.map((c, i) => cellText(cells[i] ?? null, c.kind)));
      expect(plan).not.toBeNull();
      const page = documentToPrintablePage(doc(layout, table));
      expect(page.html.match(/<table class="grid paged"/g)?.length).toBe(plan!.pages.length);

      const printed = pages(await pdf.renderPdf(page), `${layout}.pdf`);
      // The text before the table on page 1, then exactly one printed page per planned table page: no cut
      // table spilled over onto a page of its own (the heights were estimated right), then the rest.
      expect(printed.length).toBeGreaterThanOrEqual(plan!.pages.length + 1);
      expect(printed.length).toBeLessThanOrEqual(plan!.pages.length + 2);
      const tablePages = printed.slice(1, 1 + plan!.pages.length);
      const firstNumbers = tablePages.map((p) => Number(/^\s*(\d+)\s+2025-01-15/m.exec(p)?.[1]));
      expect(firstNumbers).toEqual(plan!.pages.map((p) => p.start + 1));
      expectWholeTable(printed, layout, tablePages);
    });
  }

  it('isLongTable, which stops measuring once it knows, says what pageTable says', () => {
    for (const rows of [10, 30, 50, 60, 70, 90, 600])
      for (const layout of ['official', 'form', 'poster'] as const) {
        const table = longTable(rows);
        const paging = tablePaging(doc(layout, table));
        const text = (cells: (string | number | null)[]) => table.columns.map((c, i) => cellText(cells[i] ?? null, c.kind));
        expect(isLongTable(table, paging, text)).toBe(pageTable(table, paging, text) !== null);
      }
  });

  it('a table of two pages or less prints as one table, and the website page never cuts a table', () => {
    const short = longTable(30);
    expect(documentToPrintablePage(doc('official', short)).html.match(/<table class="grid/g)?.length).toBe(1);
    expect(documentToHtml(doc('official', longTable())).match(/<table class="grid/g)?.length).toBe(1);
  });
});

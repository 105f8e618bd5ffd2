import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TableReport } from '../../../src/main/core/reports/model';
import { formatCell, formatFen } from '../../../src/main/core/reports/format-cell';
import { escapeHtml, renderTableReport, tableToCsv, tableToPrintablePage } from '../../../src/main/core/reports/formats/index';
import { chromiumPath, createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';

const ROWS = 120;
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊'];

function sampleReport(): TableReport {
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    seq: i + 1,
    at: new Date(Date.UTC(2026, 10, 21, 16, 5) + i * 3_600_000).toISOString(), // 2026-11-22 00:05 in Shanghai
    actor: NAMES[i % NAMES.length],
    action: i === ROWS - 1 ? '末行记录：低保复核完成' : `办理居住证明（第${i + 1}件）`,
    amount: 123456 + i,
  }));
  rows[3].action = '含逗号,和"引号"';
  rows[4].action = '=HYPERLINK("http://x")';
  rows[5].action = '<script>alert(1)</script>';
  return {
    kind: 'table',
    title: '审计日志',
    subtitle: '2026年11月',
    meta: [
      { label: '时间范围', value: '2026-11-01 至 2026-11-22' },
      { label: '导出人', value: '周敏' },
    ],
    columns: [
      { key: 'seq', header: '序号', kind: 'integer', width: 5 },
      { key: 'at', header: '时间', kind: 'datetime', width: 16 },
      { key: 'actor', header: '操作人', width: 8 },
      { key: 'action', header: '事项', width: 30 },
      { key: 'amount', header: '金额（元）', kind: 'fen', width: 12 },
    ],
    rows,
    totals: { amount: rows.reduce((s, r) => s + r.amount, 0) },
    notes: ['注：本表由系统自动生成。'],
    letterhead: {
      communityName: '青山区幸福社区居民委员会',
      unitName: '幸福社区居民委员会',
      streetOffice: '青山街道办事处',
      complaintPhone: '027-12345678',
    },
    generatedAt: '2026-11-22T02:30:00.000Z',
    generatedBy: '周敏',
    labels: { page: '第 {n} 页', of: '共 {n} 页', generatedAt: '导出时间', generatedBy: '导出人', total: '合计' },
  };
}

const unused = { renderPdf: () => Promise.reject(new Error('not used')), close: async () => {} };
const tmp = mkdtempSync(join(tmpdir(), 'linli-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('formatCell', () => {
  it('formats fen with integer arithmetic and datetimes in Asia/Shanghai', () => {
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(100000000001)).toBe('1,000,000,000.01');
    expect(formatCell('2026-11-21T16:05:00Z', { key: 'a', header: 'a', kind: 'datetime' })).toBe('2026-11-22 00:05');
    expect(formatCell(null, { key: 'a', header: 'a' })).toBe('');
  });
});

describe('xlsx', () => {
  it('round-trips title, headers, Chinese text and fen as a formatted number', async () => {
    const file = await renderTableReport(sampleReport(), 'xlsx', unused);
    expect(file.fileName).toBe('审计日志-2026-11-22.xlsx');
    const wb = await new ExcelJS.Workbook().xlsx.load(Buffer.from(file.bytes) as never);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws).toBeDefined();
    expect(ws.getCell('A1').value).toBe('青山区幸福社区居民委员会');
    expect(String(ws.getCell('A2').value)).toContain('审计日志');
    expect(ws.getRow(4).values).toEqual([undefined, '序号', '时间', '操作人', '事项', '金额（元）']);
    expect(ws.getCell('C5').value).toBe('张伟');
    expect(ws.getCell('B5').value).toBe('2026-11-22 00:05');
    expect(ws.getCell('E5').value).toBe(1234.56);
    expect(ws.getCell('E5').numFmt).toBe('#,##0.00');
    expect(ws.getCell(`A${5 + ROWS}`).value).toBe('合计');
    expect(ws.getCell(`D${4 + ROWS}`).value).toBe('末行记录：低保复核完成');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // 3 banner rows + header + data + totals + blank + note + exporter + signature.
    expect(ws.rowCount).toBe(4 + ROWS + 1 + 4);
  });
});

describe('docx', () => {
  it('contains the title, Chinese cells and a repeating header row', async () => {
    const file = await renderTableReport(sampleReport(), 'docx', unused);
    expect(file.mimeType).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('审计日志');
    expect(xml).toContain('末行记录：低保复核完成');
    expect(xml).toContain('1,234.56');
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader/s);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/footer\d*\.xml/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(footers.join('')).toMatch(/NUMPAGES/);
  });
});

describe('csv', () => {
  const text = new TextDecoder().decode(tableToCsv(sampleReport()).subarray(3));
  const lines = text.split('\r\n');
  it('starts with a BOM and uses CRLF', () => {
    expect([...tableToCsv(sampleReport()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('序号,时间,操作人,事项,金额（元）');
  });
  it('quotes, guards formulas and writes plain fen', () => {
    expect(lines[4]).toBe('4,2026-11-22 03:05,刘洋,"含逗号,和""引号""",1234.59');
    expect(lines[5]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1].endsWith(',1234.56')).toBe(true);
    expect(lines[ROWS + 1].startsWith('合计,')).toBe(true);
    const neg = sampleReport();
    neg.rows = [{ seq: 1, at: null, actor: '-1', action: '@SUM(A1)', amount: -250 }];
    const row = new TextDecoder().decode(tableToCsv(neg)).split('\r\n')[1];
    expect(row).toBe("1,,'-1,'@SUM(A1),-2.50");
  });
});

describe('html', () => {
  it('escapes cell text', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const page = tableToPrintablePage(sampleReport());
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.footerTemplate).toContain('第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页');
  });
});

describe('pdf (headless Chromium + poppler)', () => {
  const renderer = createChromiumPdfRenderer();
  afterAll(() => renderer.close());

  function tool(name: string): string {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error(`${name} is required for the PDF test but was not found; install poppler-utils.`);
    }
  }

  it('renders a multi-page A4 PDF with Chinese text and page numbers', async () => {
    // Fail loudly (never skip) when the machine lacks the tools this test proves.
    if (!existsSync(chromiumPath())) throw new Error(`Chromium not found at ${chromiumPath()}; set CHROMIUM_PATH.`);
    const pdftotext = tool('pdftotext');
    const pdfinfo = tool('pdfinfo');

    const file = await renderTableReport(sampleReport(), 'pdf', renderer);
    expect(file.fileName).toBe('审计日志-2026-11-22.pdf');
    expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const path = join(tmp, file.fileName);
    writeFileSync(path, file.bytes);

    const text = execFileSync(pdftotext, ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('审计日志');
    expect(text).toContain('青山区幸福社区居民委员会');
    expect(text).toContain('末行记录：低保复核完成');
    expect(text).toContain('第 2 页');
    expect(text).toContain('1,234.56');
    expect(text).toContain('<script>alert(1)</script>'); // shown as text, not executed

    const info = execFileSync(pdfinfo, [path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`共 ${pages} 页`);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/); // portrait

    if (process.env.REPORT_PNG) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, process.env.REPORT_PNG]);
      execFileSync('cp', [path, `${process.env.REPORT_PNG}.pdf`]);
    }
  }, 60_000);

  it('explains a missing Chromium', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const r = createChromiumPdfRenderer();
      await expect(r.renderPdf(tableToPrintablePage(sampleReport()))).rejects.toThrow(/Chromium was not found at \/nonexistent\/chromium.*CHROMIUM_PATH/);
      await r.close();
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

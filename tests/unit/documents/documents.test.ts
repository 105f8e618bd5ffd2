import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { DocumentModel } from '../../../src/main/core/documents/model';
import { documentToHtml, renderDocument, scanPublicOutput } from '../../../src/main/core/documents';
import type { PdfRenderer } from '../../../src/main/core/reports/model';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { renderReportModel } from '../../../src/main/core/reports/formats/index';
import { formSample, officialSample, posterSample } from './samples';

// LINLI_KEEP_DOCS=/some/folder keeps the rendered files, to look at them (pdftoppm -png).
const keep = process.env.LINLI_KEEP_DOCS;
const tmp = mkdtempSync(join(tmpdir(), 'linli-documents-'));
let pdf: PdfRenderer;
beforeAll(() => {
  pdf = createChromiumPdfRenderer();
});
afterAll(async () => {
  await pdf.close();
  rmSync(tmp, { recursive: true, force: true });
});

function save(name: string, bytes: Uint8Array): string {
  const file = join(keep ?? tmp, name);
  writeFileSync(file, bytes);
  return file;
}

/** pdftotext without -layout: the reading order, one line per printed line. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
function pdfPageSize(file: string): string {
  return /Page size:\s+(.*)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1];
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function docxXml(bytes: Uint8Array, part = 'word/document.xml'): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}
function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('official layout (GB/T 9704)', () => {
  it('prints A4 with the Chinese text intact and page numbers as — n —, odd right and even left', async () => {
    const file = save('official.pdf', (await renderDocument(officialSample(), 'pdf', pdf)).bytes);
    expect(pdfPageSize(file)).toMatch(/\(A4\)$/);
    const text = squeeze(pdfText(file));
    expect(text).toContain('青山区幸福社区居民委员会');
    expect(text).toContain('幸福社区居民代表会议纪要');
    expect(text).toContain('会议同意3栋1单元加装电梯方案，费用按楼层分摊');
    expect(text).toContain('一、关于3栋加装电梯');
    expect(text).toContain('出席：王建国、李秀英');
    expect(text).toContain('—1—');
    expect(text).toContain('—2—');
    // The odd page's number is at the right edge, the even page's at the left.
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
    const numberLine = (page: string) => page.split('\n').find((l) => /—\s*\d+\s*—/.test(l))!;
    expect(numberLine(layout[0]).search(/\S/)).toBeGreaterThan(20);
    expect(numberLine(layout[1]).search(/\S/)).toBeLessThan(5);
  });

  it('lays the body out at 3号 on the 28-character line', async () => {
    const html = (await renderDocument(officialSample(), 'html', pdf)).bytes;
    const page = new TextDecoder().decode(html);
    expect(page).toContain('font-size: 16pt');
    expect(page).toContain('"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif');
    expect(page).toContain('"方正小标宋简体"');
  });

  it('comes as DOCX with the same text, margins, fonts and page numbers on odd and even pages', async () => {
    const file = await renderDocument(officialSample(), 'docx', pdf);
    expect(file.fileName).toBe('幸福社区居民代表会议纪要-2026-11-22.docx');
    save('official.docx', file.bytes);
    const xml = await docxXml(file.bytes);
    const text = docxText(xml);
    expect(text).toContain('幸福社区居民代表会议纪要');
    expect(text).toContain('会议同意3栋1单元加装电梯方案，费用按楼层分摊');
    expect(text).toContain('幸福社区居民委员会2026年11月22日');
    // 37 / 26 / 35 / 28 mm in twips.
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files).some((n) => /^word\/media\/.*\.png$/.test(n))).toBe(true); // the QR code
  });
});

describe('form layout (receipt)', () => {
  it('prints the amount in figures and in uppercase, in a bordered form, with its serial', async () => {
    const file = save('form.pdf', (await renderDocument(formSample(), 'pdf', pdf)).bytes);
    const text = squeeze(pdfText(file));
    expect(text).toContain('捐赠收据');
    expect(text).toContain('No.2026-000123');
    expect(text).toContain('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect(text).toContain('¥1,234.56');
    expect(text).toContain('困难家庭冬季慰问');
    expect(text).toContain('第1页/共1页');
  });

  it('comes as DOCX with the uppercase amount', async () => {
    const file = await renderDocument(formSample(), 'docx', pdf);
    save('form.docx', file.bytes);
    const text = docxText(await docxXml(file.bytes));
    expect(text).toContain('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect(text).toContain('¥1,234.56');
    expect(text).toContain('捐赠人张伟');
  });
});

describe('poster layout', () => {
  it('prints on A3, and as DOCX on A3', async () => {
    const file = save('poster.pdf', (await renderDocument(posterSample(), 'pdf', pdf)).bytes);
    expect(pdfPageSize(file)).toMatch(/\(A3\)$/);
    const text = squeeze(pdfText(file));
    expect(text).toContain('关于2026年第四季度低保评议结果的公示');
    expect(text).toContain('3,100.00');
    const xml = await docxXml((await renderDocument(posterSample(), 'docx', pdf)).bytes);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="23811"/);
  });
});

describe('self-contained HTML', () => {
  it('is one file: inline CSS, the QR code as SVG, nothing loaded from elsewhere, text escaped', () => {
    const doc = officialSample();
    doc.blocks.push({ kind: 'paragraph', content: ['<script>alert(1)</script>', { text: '<img src=x onerror=alert(1)>', bold: true }] });
    const html = documentToHtml(doc);
    save('official.html', new TextEncoder().encode(html));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
  });
});

describe('public outputs', () => {
  const withValue = (value: string): DocumentModel => {
    const doc = posterSample();
    doc.blocks.splice(1, 0, { kind: 'paragraph', content: [`联系人：${value}`] });
    return doc;
  };

  it('pass when they hold no personal data', async () => {
    for (const format of ['pdf', 'docx', 'html'] as const) await expect(renderDocument(posterSample(), format, pdf)).resolves.toBeDefined();
  });

  for (const [kind, value] of [
    ['idNumber', '11010519491231002X'],
    ['phone', '13812345678'],
    ['address', '幸福里3栋2单元301室'],
  ] as const) {
    it(`are refused when they show a ${kind} (${value}) in PDF, DOCX and HTML`, async () => {
      for (const format of ['pdf', 'docx', 'html'] as const) {
        await expect(renderDocument(withValue(value), format, pdf)).rejects.toMatchObject({ code: 'reports.public_personal_data', params: { kind } });
      }
    });
  }

  it('are refused when the value sits in a table cell of the PDF', async () => {
    const doc = posterSample();
    const table = doc.blocks[1];
    if (table.kind !== 'table') throw new Error('sample changed');
    table.rows[0][1] = '13812345678';
    const err = await renderDocument(doc, 'pdf', pdf).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'reports.public_personal_data', params: { kind: 'phone', value: '138****5678' } });
  });

  it('may show the same values when not public; the PDF read back by pdftotext alone is refused', async () => {
    const doc = withValue('11010519491231002X 13812345678 幸福里3栋2单元301室');
    doc.public = false;
    const bytes = (await renderDocument(doc, 'pdf', pdf)).bytes;
    expect(squeeze(pdfText(save('not-public.pdf', bytes)))).toContain('11010519491231002X13812345678幸福里3栋2单元301室');
    // Without the printed HTML: what pdftotext reads from the PDF is what is checked.
    await expect(scanPublicOutput('pdf', bytes, doc.title)).rejects.toMatchObject({ code: 'reports.public_personal_data', params: { count: 3 } });
  });
});

describe('a document as a report', () => {
  it('renders through the report engine as PDF, Word or HTML, not as a spreadsheet', async () => {
    const model = { kind: 'document' as const, document: formSample() };
    const html = await renderReportModel(model, 'html', pdf);
    expect(html).toMatchObject({ fileName: '捐赠收据-2026-11-22.html', mimeType: 'text/html; charset=utf-8' });
    expect(new TextDecoder().decode(html.bytes)).toContain('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect((await renderReportModel(model, 'docx', pdf)).fileName).toBe('捐赠收据-2026-11-22.docx');
    await expect(renderReportModel(model, 'xlsx', pdf)).rejects.toThrow(/PDF, Word or HTML/);
  });
});

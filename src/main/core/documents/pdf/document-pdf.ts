import type { DocumentModel } from '../model';
import { splitForm } from '../form-parts';
import { bodyText, drawBlock, flowText } from './blocks';
import type { Faces } from './faces';
import { drawFrame } from './form';
import { breakLines, textWidth } from './lines';
import { MM, PdfPages } from './pages';

// The direct PDF writer: the same DocumentModel the HTML page prints, written with pdfkit page by page, without
// a browser. Chromium prints about 1.5 ms a table row on this machine (76 s for a quarter's 50,000-row notice);
// this writes the same notice in a few seconds. It lays pages out as html/styles.ts does: the GB/T 9704 page
// and its red head, the form's frame, the poster; text in the same faces, embedded as subsets with their
// Unicode, so pdftotext (the public scan) reads it back as printed.

const RED = '#d00';

function stamp(p: PdfPages, text: string): void {
  const style = p.style('sans', 16, { spacingPt: 16 * 0.3, color: RED });
  const w = textWidth(text, style) + 6 * MM;
  const h = 16 * 1.3 + 1 * MM;
  const x = p.right - w;
  p.graphics()
    .save()
    .opacity(0.85)
    .rotate(6, { origin: [x + w / 2, p.y + h / 2] });
  p.graphics().rect(x, p.y, w, h).lineWidth(2.5).strokeColor(RED).stroke();
  p.drawLine(breakLines([{ text, style }], Infinity)[0], x + 3 * MM + (16 * 0.3) / 2, p.y, h);
  p.graphics().restore();
  p.y += h + 2 * MM;
}

function centred(p: PdfPages, text: string, style: ReturnType<PdfPages['style']>, lineH: number): void {
  flowText(p, [{ text, style }], { lineH, align: 'center' });
}

function officialHead(p: PdfPages): void {
  const m = p.model;
  const body = bodyText(p);
  const poster = m.layout === 'poster';
  const unit = m.letterhead.communityName;
  if (unit) {
    // 版头: the issuing unit in red over a red rule.
    const size = poster ? 40 : 30;
    p.y += poster ? 0 : 2 * MM;
    centred(p, unit, p.style('serifBold', size, { spacingPt: size * 0.1, color: RED }), size * (poster ? 1.75 : 1.3));
    if (poster) {
      p.y += 4 * MM;
      p.rule(p.area.left, p.y, p.right, p.y, 3, RED);
    } else {
      p.y += 4 * MM;
      p.rule(p.area.left, p.y, p.right, p.y, 1.5, RED);
    }
  }
  if (poster) {
    p.y += 14 * MM;
    centred(p, m.title, p.style('sansBold', 64, { spacingPt: 32, color: RED }), 64 * 1.2);
    p.y += 4 * MM;
    if (m.subtitle) centred(p, m.subtitle, p.style('serif', 24), 24 * 1.75);
    p.y += 8 * MM;
    return;
  }
  p.y += body.lineH;
  centred(p, m.title, p.style('serifBold', 22, { spacingPt: 22 * 0.05 }), 22 * 1.45);
  if (m.subtitle) centred(p, m.subtitle, p.style('serif', body.sizePt, { spacingPt: body.spacingPt }), body.lineH);
  p.y += body.lineH;
}

function formHead(p: PdfPages): void {
  const m = p.model;
  if (m.letterhead.communityName) centred(p, m.letterhead.communityName, p.style('serif', 12, { spacingPt: 12 * 0.2 }), 12 * 1.6);
  p.y += 1 * MM;
  const title = p.style('serifBold', 22, { spacingPt: 11 });
  const lines = breakLines([{ text: m.title, style: title }], p.area.width - 40 * MM);
  const lineH = 22 * 1.6;
  lines.forEach((line) => {
    const x = p.area.left + (p.area.width - line.widthPt) / 2;
    p.drawLine(line, x, p.y, lineH);
    p.y += lineH;
  });
  // The title's double underline (border-bottom: 3pt double).
  const widest = Math.max(...lines.map((l) => l.widthPt)) + 4 * MM;
  const x0 = p.area.left + (p.area.width - widest) / 2;
  p.rule(x0, p.y, x0 + widest, p.y, 1);
  p.rule(x0, p.y + 2, x0 + widest, p.y + 2, 1);
  if (m.serial) {
    const serial = breakLines([{ text: `No. ${m.serial}`, style: p.style('serif', 13, { color: '#c00' }) }], Infinity)[0];
    p.drawLine(serial, p.right - serial.widthPt, p.y - 13 * 1.6 - 1 * MM, 13 * 1.6);
  }
  p.y += 3 + 3 * MM;
  if (m.subtitle) {
    centred(p, m.subtitle, p.style('serif', 11), 11 * 1.6);
    p.y += 2 * MM;
  }
}

/** An official page's number: — n — 7 mm under the type area, one character in from the outer edge (right on odd pages, left on even). */
function officialNumber(p: PdfPages, n: number): void {
  const style = p.style('serif', 14);
  const line = breakLines([{ text: `— ${n} —`, style }], Infinity)[0];
  const x = n % 2 === 1 ? p.right - 14 - line.widthPt : p.area.left + 14;
  p.drawLine(line, x, p.bottom + 7 * MM, 14 * 1.4);
}

/** A form's 第 n 页 / 共 N 页 in the middle of the bottom margin, written once the pages are counted. */
function formNumbers(p: PdfPages): void {
  const range = p.graphics().bufferedPageRange();
  const total = range.count;
  const words = (label: string, n: number) => (label.includes('{n}') ? label.replace('{n}', String(n)) : `${label} ${n}`);
  const style = p.style('serif', 9, { color: '#444' });
  for (let i = 0; i < total; i++) {
    p.switchToPage(range.start + i);
    const line = breakLines([{ text: `${words(p.model.labels.page, i + 1)} / ${words(p.model.labels.of, total)}`, style }], Infinity)[0];
    p.drawLine(line, p.area.left + (p.area.width - line.widthPt) / 2, p.bottom, p.setup.margin.bottom * MM);
  }
}

export interface WrittenPdf {
  bytes: Uint8Array;
  pages: number;
}

/** The document as a PDF file, written directly (see the top of this file). */
export async function documentToPdf(model: DocumentModel, faces: Faces): Promise<WrittenPdf> {
  const p = new PdfPages(model, faces);
  if (model.layout === 'official') p.onPageEnd = (n) => officialNumber(p, n);
  if (model.stamp) stamp(p, model.stamp);
  if (model.layout === 'form') {
    formHead(p);
    const { framed, after } = splitForm(model.blocks);
    if (framed.length) drawFrame(p, framed);
    p.y += 5 * MM;
    for (const block of after) drawBlock(p, block);
  } else {
    officialHead(p);
    for (const block of model.blocks) drawBlock(p, block);
  }
  if (model.layout === 'form') formNumbers(p);
  return { bytes: await p.end(), pages: p.pageCount };
}

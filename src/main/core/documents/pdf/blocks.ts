import { fenToChineseUppercase } from '../../../../shared/values/money-words';
import { formatFen } from '../../../../shared/values/money';
import type { Block, DocumentModel, Inline } from '../model';
import { safeSealImage } from '../html/blocks';
import { OFFICIAL_GRID, officialGridMm } from '../html/page-setup';
import { qrMatrix } from '../qr';
import type { FaceRole } from './faces';
import { breakLines, textWidth, type Line, type StyledText } from './lines';
import { MM, PdfPages } from './pages';
import { drawTable } from './table';

// Every block kind as the printed page lays it out (html/styles.ts and html/blocks.tsx are the reference: the
// same sizes, fonts, indents and margins, in points).

type Layout = DocumentModel['layout'];
type Align = 'left' | 'center' | 'right' | 'justify' | undefined;

/** Body text of each layout: official 3号 on the 22 × 28 grid, a form's 12 pt, a poster's 22 pt. */
export function bodyText(p: PdfPages): { sizePt: number; lineH: number; spacingPt: number } {
  switch (p.model.layout) {
    case 'official': {
      const grid = officialGridMm({ width: p.area.width / MM, height: p.area.height / MM });
      return { sizePt: OFFICIAL_GRID.fontPt, lineH: grid.lineMm * MM, spacingPt: grid.charMm * MM - OFFICIAL_GRID.fontPt };
    }
    case 'form':
      return { sizePt: 12, lineH: 12 * 1.6, spacingPt: 0 };
    case 'poster':
      return { sizePt: 22, lineH: 22 * 1.75, spacingPt: 0 };
  }
}

/** Lines of text down the page from the cursor, a new page whenever the next line does not fit. */
export function flowLines(p: PdfPages, lines: Line[], o: { x: number; width: number; lineH: number; indents: [number, number]; align?: Align }): void {
  lines.forEach((line, i) => {
    p.ensure(o.lineH);
    const indent = i === 0 ? o.indents[0] : o.indents[1];
    p.drawLine(line, PdfPages.aligned(o.align, o.x + indent, o.width - indent, line.widthPt), p.y, o.lineH);
    p.y += o.lineH;
  });
}

/** Text broken to a width and flowed: `indents` are the first line's and the others' (a hanging indent). */
export function flowText(p: PdfPages, runs: StyledText[], o: { x?: number; width?: number; lineH: number; indents?: [number, number]; align?: Align }): void {
  const x = o.x ?? p.area.left;
  const width = o.width ?? p.area.width;
  const indents = o.indents ?? [0, 0];
  flowLines(p, breakLines(runs, width - indents[0], width - indents[1]), { x, width, lineH: o.lineH, indents, align: o.align });
}

function runsOf(p: PdfPages, content: Inline[], sizePt: number, spacingPt: number): StyledText[] {
  return content.map((run) => {
    if (typeof run === 'string') return { text: run, style: p.style('serif', sizePt, { spacingPt }) };
    return { text: run.text, style: p.style(run.bold ? 'serifBold' : 'serif', sizePt, { spacingPt, underline: run.underline }) };
  });
}

function heading(p: PdfPages, block: Extract<Block, { kind: 'heading' }>, inset: number): void {
  const body = bodyText(p);
  if (p.model.layout === 'form') {
    flowText(p, [{ text: block.text, style: p.style('serifBold', body.sizePt) }], {
      lineH: body.lineH,
      x: p.area.left + inset,
      width: p.area.width - 2 * inset,
    });
    return;
  }
  const poster = p.model.layout === 'poster';
  const sizePt = poster ? 24 : body.sizePt;
  // 一、 in 黑体, （一） in 楷体 (Noto Serif stands in), 1. in 仿宋.
  const role: FaceRole = poster || block.level === 1 ? 'sans' : 'serif';
  if (poster) p.y += 4 * MM;
  const style = p.style(role, sizePt, { spacingPt: poster ? 0 : body.spacingPt });
  flowText(p, [{ text: block.text, style }], { lineH: poster ? sizePt * 1.75 : body.lineH, indents: [2 * sizePt, 0] });
}

function paragraph(p: PdfPages, block: Extract<Block, { kind: 'paragraph' }>, inset: number): void {
  const body = bodyText(p);
  const em = body.sizePt + body.spacingPt;
  const indent = (block.indent ?? p.model.layout !== 'form') ? 2 * em : 0;
  const hanging = (block.hanging ?? 0) * em;
  flowText(p, runsOf(p, block.content, body.sizePt, body.spacingPt), {
    x: p.area.left + inset,
    width: p.area.width - 2 * inset,
    lineH: body.lineH,
    indents: [indent, indent + hanging],
    align: block.align,
  });
}

/** Label：value lines; on an official page two characters in, wrapped lines aligned after the colon (出席：…). */
function fields(p: PdfPages, block: Extract<Block, { kind: 'fields' }>): void {
  const body = bodyText(p);
  const label = p.style('sans', body.sizePt);
  const value = p.style('serif', body.sizePt);
  const official = p.model.layout === 'official';
  const gap = 8 * MM;
  const half = (p.area.width - gap) / 2;
  const laid = block.fields.map((f) => {
    const runs = [
      { text: `${f.label}：`, style: label },
      { text: f.value, style: value },
    ];
    const two = (block.columns ?? 1) === 2 && !f.wide;
    const width = two ? half : p.area.width;
    const first = official ? 2 * body.sizePt : 0;
    const rest = official ? first + textWidth(`${f.label}：`, label) : 0;
    return { two, width, indents: [first, rest] as [number, number], lines: breakLines(runs, width - first, width - rest) };
  });
  for (let i = 0; i < laid.length; i++) {
    const f = laid[i];
    const next = laid[i + 1];
    if (f.two && next?.two) {
      // Two fields side by side: the row is as tall as the longer.
      const rows = Math.max(f.lines.length, next.lines.length);
      for (let k = 0; k < rows; k++) {
        p.ensure(body.lineH);
        if (f.lines[k]) p.drawLine(f.lines[k], p.area.left + (k === 0 ? f.indents[0] : f.indents[1]), p.y, body.lineH);
        if (next.lines[k]) p.drawLine(next.lines[k], p.area.left + half + gap + (k === 0 ? next.indents[0] : next.indents[1]), p.y, body.lineH);
        p.y += body.lineH;
      }
      i++;
    } else flowLines(p, f.lines, { x: p.area.left, width: f.width, lineH: body.lineH, indents: f.indents });
  }
}

function amount(p: PdfPages, block: Extract<Block, { kind: 'amount' }>): void {
  const body = bodyText(p);
  const text = `${block.wordsLabel}：${fenToChineseUppercase(block.fen, true)}　${block.figuresLabel}：${formatFen(block.fen)}`;
  const em = body.sizePt + body.spacingPt;
  flowText(p, [{ text, style: p.style('serif', body.sizePt, { spacingPt: body.spacingPt }) }], { lineH: body.lineH, indents: [2 * em, 0] });
}

const AFTER_MM: Record<Layout, { signatures: number; seal: number; sealPad: number; qr: number; qrMm: number; captionPt: number; captionMm: number }> = {
  official: { signatures: 0, seal: 0, sealPad: 0, qr: 4, qrMm: 25, captionPt: 9, captionMm: 60 },
  form: { signatures: 6, seal: 6, sealPad: 8, qr: 4, qrMm: 22, captionPt: 9, captionMm: 60 },
  poster: { signatures: 12, seal: 16, sealPad: 12, qr: 8, qrMm: 50, captionPt: 14, captionMm: 90 },
};

/** 主持人：____ 记录人：____ spread across the line, wrapping to another row when they do not fit. */
function signatures(p: PdfPages, block: Extract<Block, { kind: 'signatures' }>): void {
  const body = bodyText(p);
  const style = p.style('serif', body.sizePt);
  const minLine = (p.model.layout === 'form' ? 25 : 30) * MM;
  const gap = 10 * MM;
  p.y += p.model.layout === 'official' ? body.lineH : AFTER_MM[p.model.layout].signatures * MM;
  const laid = block.signers.map((s) => {
    const role = textWidth(`${s.role}：`, style);
    const line = Math.max(minLine, textWidth(s.name ?? '', style) + 2 * MM);
    return { s, role, line, width: Math.max(role + line, p.model.layout === 'form' ? 0 : 45 * MM) };
  });
  const rows: (typeof laid)[] = [];
  for (const item of laid) {
    const row = rows[rows.length - 1];
    if (row && row.reduce((a, r) => a + r.width + gap, 0) + item.width <= p.area.width) row.push(item);
    else rows.push([item]);
  }
  for (const row of rows) {
    const hasDate = row.some((r) => r.s.date);
    const height = body.lineH * (hasDate ? 2 : 1) + (hasDate ? 1 * MM : 0);
    p.ensure(height);
    const free = p.area.width - row.reduce((a, r) => a + r.width, 0);
    const between = row.length > 1 ? free / (row.length - 1) : 0;
    let x = p.area.left;
    for (const r of row) {
      const name = breakLines([{ text: r.s.name ?? '', style }], Infinity)[0];
      p.drawLine(breakLines([{ text: `${r.s.role}：`, style }], Infinity)[0], x, p.y, body.lineH);
      p.drawLine(name, x + r.role + (r.line - name.widthPt) / 2, p.y, body.lineH);
      const under = p.y + body.lineH / 2 + body.sizePt * 0.62;
      p.rule(x + r.role, under, x + r.role + r.line, under, 0.75);
      if (r.s.date) p.drawLine(breakLines([{ text: r.s.date, style }], Infinity)[0], x, p.y + body.lineH + 1 * MM, body.lineH);
      x += r.width + between;
    }
    p.y += height + 4 * MM;
  }
  p.y -= 4 * MM;
}

function dataUrlBytes(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The unit's name and the date at the right, with the seal's image (42 mm) over them where the unit has one. */
function seal(p: PdfPages, block: Extract<Block, { kind: 'seal' }>): void {
  const body = bodyText(p);
  const style = p.style('serif', body.sizePt, { spacingPt: p.model.layout === 'official' ? body.spacingPt : 0 });
  const after = AFTER_MM[p.model.layout];
  const padRight = p.model.layout === 'official' ? 4 * body.sizePt : after.sealPad * MM;
  const lines = [block.unitName, block.date].map((t) => breakLines([{ text: t, style }], Infinity)[0]);
  const width = Math.max(p.model.layout === 'official' ? 8 * body.sizePt : 0, ...lines.map((l) => l.widthPt));
  p.y += p.model.layout === 'official' ? body.lineH : after.seal * MM;
  p.ensure(2 * body.lineH);
  const x = p.right - padRight - width;
  const image = safeSealImage(p.model.letterhead.sealImageDataUrl);
  if (image) {
    const size = 42 * MM;
    const cx = x + width / 2;
    const cy = p.y + body.lineH - 0.05 * size;
    try {
      p.graphics().image(dataUrlBytes(image), cx - size / 2, cy - size / 2, { width: size, height: size });
    } catch {
      // An image pdfkit cannot read is left out, as a browser shows nothing for a broken image.
    }
  }
  lines.forEach((line) => {
    p.drawLine(line, x + (width - line.widthPt) / 2, p.y, body.lineH);
    p.y += body.lineH;
  });
}

/** The QR code at the right, its caption under it. */
function qr(p: PdfPages, block: Extract<Block, { kind: 'qr' }>): void {
  const after = AFTER_MM[p.model.layout];
  const size = after.qrMm * MM;
  const captionStyle = p.style('serif', after.captionPt);
  const caption = block.caption ? breakLines([{ text: block.caption, style: captionStyle }], after.captionMm * MM) : [];
  const captionLineH = after.captionPt * 1.5;
  const boxW = Math.max(size, ...caption.map((l) => l.widthPt));
  p.y += after.qr * MM;
  p.ensure(size + (caption.length ? 1 * MM + caption.length * captionLineH : 0));
  const x = p.right - boxW + (boxW - size) / 2;
  const m = qrMatrix(block.data);
  const doc = p.graphics();
  doc
    .save()
    .translate(x, p.y)
    .scale(size / m.size);
  doc.rect(0, 0, m.size, m.size).fill('#fff');
  doc.path(m.path).fill('#000');
  doc.restore();
  p.y += size + (caption.length ? 1 * MM : 0);
  caption.forEach((line) => {
    p.drawLine(line, p.right - boxW + (boxW - line.widthPt) / 2, p.y, captionLineH);
    p.y += captionLineH;
  });
}

/** One block at the cursor. `inset` is the padding of text inside a form's frame. */
export function drawBlock(p: PdfPages, block: Block, framed = false): void {
  const inset = framed ? 3 * MM : 0;
  switch (block.kind) {
    case 'heading':
      return heading(p, block, inset);
    case 'paragraph':
      return paragraph(p, block, inset);
    case 'table':
      return drawTable(p, block, framed);
    case 'fields':
      return fields(p, block);
    case 'amount':
      return amount(p, block);
    case 'signatures':
      return signatures(p, block);
    case 'seal':
      return seal(p, block);
    case 'qr':
      return qr(p, block);
    case 'spacer':
      p.y += (block.lines ?? 1) * 1.6 * bodyText(p).sizePt;
      return;
    case 'pageBreak':
      p.newPage();
      return;
  }
}

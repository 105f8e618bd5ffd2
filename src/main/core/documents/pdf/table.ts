import type { Block, DocumentModel } from '../model';
import { cellText, columnAlign } from '../html/blocks';
import { breakLines, type Line, type TextStyle } from './lines';
import { MM, PdfPages } from './pages';

// A table as the printed page shows it (html/styles.ts `.grid`): 0.75 pt borders round every cell, the header
// row in bold on every page, the caption above the first, fen right-aligned and never wrapped, other text
// wrapped inside its column, each row kept whole on one page, the totals row in bold at the end.

type Layout = DocumentModel['layout'];
type TableBlock = Extract<Block, { kind: 'table' }>;

const GRID: Record<Layout, { fontPt: number; lineHeight: number; padYMm: number; padXMm: number; marginMm: number }> = {
  official: { fontPt: 12, lineHeight: 1.5, padYMm: 0.8, padXMm: 1.5, marginMm: 2 },
  form: { fontPt: 11, lineHeight: 1.6, padYMm: 0.8, padXMm: 1.5, marginMm: 2 },
  poster: { fontPt: 16, lineHeight: 1.5, padYMm: 2, padXMm: 3, marginMm: 4 },
};
const BORDER = 0.75;

interface LaidRow {
  cells: Line[][];
  height: number;
}

/** `framed`: inside a form's frame, which draws the outer border; the table's own outer lines are left out. */
export function drawTable(p: PdfPages, block: TableBlock, framed = false): void {
  const g = GRID[p.model.layout];
  const lineH = g.fontPt * g.lineHeight;
  const padX = g.padXMm * MM;
  const padY = g.padYMm * MM;
  const body = p.style('serif', g.fontPt);
  const bold = p.style('serifBold', g.fontPt);
  const widthPt = (framed ? p.area.width - 3 : p.area.width) - 1;
  const shares = block.columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = shares.reduce((a, b) => a + b, 0);
  const colW = shares.map((s) => (widthPt * s) / sum);
  const left = p.area.left + (framed ? 1.5 : 0);
  const colX = colW.map((_, i) => left + colW.slice(0, i).reduce((a, b) => a + b, 0));
  const aligns = block.columns.map(columnAlign);
  const noWrap = block.columns.map((c) => c.kind === 'fen');
  const least = (block.rowHeightMm ?? 0) * MM;

  const layRow = (texts: string[], style: TextStyle, leastPt = 0): LaidRow => {
    let lines = 1;
    const cells = texts.map((text, i) => {
      const cell = breakLines([{ text, style }], noWrap[i] ? Infinity : colW[i] - 2 * padX - BORDER);
      lines = Math.max(lines, cell.length);
      return cell;
    });
    return { cells, height: Math.max(lines * lineH + 2 * padY + BORDER, leastPt) };
  };
  const texts = (cells: (string | number | null)[]) => block.columns.map((col, i) => cellText(cells[i] ?? null, col.kind));
  const header = layRow(
    block.columns.map((c) => c.header),
    bold,
  );

  // Horizontal rules of the current page, stroked as one path when the page's part of the table ends.
  let ruleYs: number[] = [];
  let partTop = 0;
  const drawRow = (row: LaidRow, alignOf: (i: number) => 'left' | 'center' | 'right') => {
    row.cells.forEach((lines, i) => {
      const top = p.y + (row.height - lines.length * lineH) / 2;
      lines.forEach((line, k) => p.drawLine(line, PdfPages.aligned(alignOf(i), colX[i] + padX, colW[i] - 2 * padX, line.widthPt), top + k * lineH, lineH));
    });
    p.y += row.height;
    ruleYs.push(p.y);
  };
  const startPart = (afterCaption = false) => {
    partTop = p.y;
    // In a frame the line above is the frame's or the separator's, unless the caption stands between.
    ruleYs = framed && !afterCaption ? [] : [p.y];
    drawRow(header, () => 'center');
  };
  const endPart = (last: boolean) => {
    const doc = p.graphics();
    if (framed && last) ruleYs.pop(); // the frame's own bottom line
    for (const y of ruleYs) doc.moveTo(left, y).lineTo(left + widthPt, y);
    colX.forEach((x, i) => {
      if (framed && i === 0) return;
      doc.moveTo(x, partTop).lineTo(x, p.y);
    });
    if (!framed) doc.moveTo(left + widthPt, partTop).lineTo(left + widthPt, p.y);
    doc.lineWidth(BORDER).strokeColor('#000').stroke();
  };

  const margin = framed ? 0 : g.marginMm * MM;
  // Rows are laid out as they are drawn: 50,000 laid out first would be held all at once.
  const layOut = (i: number) => (i < block.rows.length ? layRow(texts(block.rows[i]), body, least) : layRow(texts(block.totals!), bold));
  const count = block.rows.length + (block.totals ? 1 : 0);
  const caption = block.caption ? breakLines([{ text: block.caption, style: bold }], widthPt) : [];
  const captionH = caption.length * lineH + (caption.length ? 1 * MM : 0);

  p.y += margin;
  const first = count > 0 ? layOut(0) : null;
  p.ensure(captionH + header.height + (first?.height ?? 0));
  caption.forEach((line) => {
    p.drawLine(line, PdfPages.aligned('center', left, widthPt, line.widthPt), p.y, lineH);
    p.y += lineH;
  });
  if (caption.length) p.y += 1 * MM;
  startPart(caption.length > 0);
  for (let i = 0; i < count; i++) {
    const row = i === 0 ? first! : layOut(i);
    if (!p.fits(row.height)) {
      endPart(false);
      p.newPage();
      startPart();
    }
    drawRow(row, (c) => aligns[c]);
  }
  endPart(true);
  p.y += margin;
}

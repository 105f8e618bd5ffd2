import { fenToChineseUppercase } from '../../../../shared/values/money-words';
import { formatFen } from '../../../../shared/values/money';
import type { Block } from '../model';
import { bodyText, drawBlock } from './blocks';
import { breakLines, textWidth, type Line, type TextStyle } from './lines';
import { MM, PdfPages } from './pages';

// A form (收据): the blocks that make up the form sit in one frame with a 1.5 pt border, separated by 0.75 pt
// lines, as html/styles.ts `.frame` prints them: label–value pairs as a grid, the amount in words and figures.

interface Cell {
  width: number;
  text: string;
  style: TextStyle;
  align: 'left' | 'center' | 'right';
  /** Never wrapped (figures). */
  nowrap?: boolean;
}

/** One row of cells across the frame, 0.75 pt lines between them. */
function cellRow(p: PdfPages, cells: Cell[], pad: { x: number; y: number }, lineH: number): void {
  const laid: Line[][] = cells.map((c) => breakLines([{ text: c.text, style: c.style }], c.nowrap ? Infinity : c.width - 2 * pad.x));
  const height = Math.max(...laid.map((l) => l.length)) * lineH + 2 * pad.y;
  p.ensure(height);
  let x = p.area.left + 1.5;
  cells.forEach((c, i) => {
    const top = p.y + (height - laid[i].length * lineH) / 2;
    laid[i].forEach((line, k) => p.drawLine(line, PdfPages.aligned(c.align, x + pad.x, c.width - 2 * pad.x, line.widthPt), top + k * lineH, lineH));
    if (i > 0) p.rule(x, p.y, x, p.y + height, 0.75);
    x += c.width;
  });
  p.y += height;
}

function fieldsGrid(p: PdfPages, block: Extract<Block, { kind: 'fields' }>): void {
  const body = bodyText(p);
  const columns = block.columns ?? 2;
  const inner = p.area.width - 3;
  const label = p.style('serif', body.sizePt, { spacingPt: body.sizePt * 0.1 });
  // 24 mm, or wider for a longer label: a label is never wrapped (white-space: nowrap on the printed page).
  const labelW = Math.max(24 * MM, ...block.fields.map((f) => textWidth(f.label, label) + 5 * MM));
  const value = p.style('serif', body.sizePt);
  // Pairs fill rows of `columns` pairs; a wide pair takes a row of its own (as html/blocks.tsx FieldsView).
  const rows: (typeof block.fields)[] = [];
  for (const f of block.fields) {
    const last = rows[rows.length - 1];
    if (!f.wide && last && last.length < columns && !last[0].wide) last.push(f);
    else rows.push([f]);
  }
  rows.forEach((pairs, r) => {
    if (r > 0) p.rule(p.area.left + 1.5, p.y, p.area.left + 1.5 + inner, p.y, 0.75);
    const valueW = (inner - labelW * columns) / columns;
    const cells: Cell[] = pairs.flatMap((f, j) => {
      // The last pair of a short row spans what the missing pairs would have taken.
      const span = j === pairs.length - 1 ? columns - pairs.length : 0;
      return [
        { width: labelW, text: f.label, style: label, align: 'center' as const, nowrap: true },
        { width: valueW + span * (labelW + valueW), text: f.value, style: value, align: 'left' as const },
      ];
    });
    cellRow(p, cells, { x: 2.5 * MM, y: 2 * MM }, body.lineH);
  });
}

function amountRow(p: PdfPages, block: Extract<Block, { kind: 'amount' }>): void {
  const body = bodyText(p);
  const plain = p.style('serif', body.sizePt);
  const strong = p.style('serifBold', 13);
  const inner = p.area.width - 3;
  const fit = (text: string, least: number) => Math.max(least * MM, textWidth(text, plain) + 5 * MM);
  const widths = [fit(block.wordsLabel, 24), 0, fit(block.figuresLabel, 12), Math.max(34 * MM, textWidth(formatFen(block.fen), strong) + 5 * MM)];
  widths[1] = inner - widths[0] - widths[2] - widths[3];
  cellRow(
    p,
    [
      { width: widths[0], text: block.wordsLabel, style: plain, align: 'center', nowrap: true },
      { width: widths[1], text: fenToChineseUppercase(block.fen, true), style: strong, align: 'left' },
      { width: widths[2], text: block.figuresLabel, style: plain, align: 'center', nowrap: true },
      { width: widths[3], text: formatFen(block.fen), style: strong, align: 'right', nowrap: true },
    ],
    { x: 2.5 * MM, y: 2.5 * MM },
    13 * 1.6,
  );
}

/** The framed blocks: the frame opens at the cursor and is drawn on every page it covers. */
export function drawFrame(p: PdfPages, blocks: Block[]): void {
  p.frameTop = p.y;
  blocks.forEach((block, i) => {
    if (i > 0) p.rule(p.area.left + 1.5, p.y, p.right - 1.5, p.y, 0.75);
    switch (block.kind) {
      case 'fields':
        return fieldsGrid(p, block);
      case 'amount':
        return amountRow(p, block);
      case 'table':
        return drawBlock(p, block, true);
      default:
        p.y += 2 * MM;
        drawBlock(p, block, true);
        p.y += 2 * MM;
    }
  });
  p.strokeFrame();
  p.frameTop = null;
}

import type { Block } from './model';

/**
 * In a form, the blocks that make up the form itself (fields, amounts, tables, text) sit inside one bordered
 * frame; signatures, the seal and a QR code come after it, outside the border, as on a printed receipt. Both
 * PDF writers (the printed HTML page and the direct writer) split a form's blocks here.
 */
const FRAMED: ReadonlySet<Block['kind']> = new Set(['fields', 'amount', 'table', 'paragraph', 'heading']);

export function splitForm(blocks: Block[]): { framed: Block[]; after: Block[] } {
  const firstOutside = blocks.findIndex((b) => !FRAMED.has(b.kind));
  return firstOutside < 0 ? { framed: blocks, after: [] } : { framed: blocks.slice(0, firstOutside), after: blocks.slice(firstOutside) };
}

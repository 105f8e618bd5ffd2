import { fenToChineseUppercase } from '../../../shared/values/money-words';
import { formatFen } from '../../../shared/values/money';
import type { Block, DocumentModel } from './model';
import { cellText } from './html/blocks';

// Everything a document prints, as text: what the direct PDF writer was given, scanned for personal data beside
// the PDF read back (and instead of it where pdftotext is missing), as the printed HTML is for Chromium's PDFs.

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text];
    case 'paragraph':
      return [block.content.map((r) => (typeof r === 'string' ? r : r.text)).join('')];
    case 'table': {
      const row = (cells: (string | number | null)[]) => block.columns.map((c, i) => cellText(cells[i] ?? null, c.kind)).join('\n');
      return [block.caption ?? '', block.columns.map((c) => c.header).join('\n'), ...block.rows.map(row), block.totals ? row(block.totals) : ''];
    }
    case 'fields':
      return block.fields.map((f) => `${f.label}：${f.value}`);
    case 'amount':
      return [`${block.wordsLabel}：${fenToChineseUppercase(block.fen, true)}`, `${block.figuresLabel}：${formatFen(block.fen)}`];
    case 'signatures':
      return block.signers.map((s) => [`${s.role}：${s.name ?? ''}`, s.date ?? ''].join('\n'));
    case 'seal':
      return [block.unitName, block.date];
    case 'qr':
      return [block.caption ?? ''];
    case 'spacer':
    case 'pageBreak':
      return [];
  }
}

export function documentText(doc: DocumentModel): string {
  const head = [doc.letterhead.communityName, doc.stamp ?? '', doc.title, doc.serial ?? '', doc.subtitle ?? ''];
  return [...head, ...doc.blocks.flatMap(blockText)].filter(Boolean).join('\n');
}

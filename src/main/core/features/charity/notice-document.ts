import type { Notice } from '../../../../shared/contract/charity/notices';
import type { DocumentModel } from '../../documents/model';
import type { ReportLetterhead } from '../../reports/model';
import { expenditureHeaders, fundHeaders, incomeHeaders, noticeHeader, noticeTables } from './notice-files';

/**
 * The notice as a document for the document renderers (PDF through Chromium, DOCX): the same tables as the
 * HTML page, marked public so that the rendered output is scanned, with the chain head's QR code.
 */
export function noticeDocument(notice: Notice, letterhead: ReportLetterhead, poster = false): DocumentModel {
  const t = noticeTables(notice);
  // The A4 notice is printed landscape (GB/T 9704 allows a table page turned): its type area is 225 mm wide,
  // so that a number, a date, a donor, an amount, a receipt or voucher number and the approval each fit on
  // one line in 12 pt and a purpose on two; in portrait's 156 mm every row wrapped to two or three lines.
  // Widths in mm of that area (the A3 poster, portrait, takes them as shares of its own).
  // Amounts of money are right-aligned, so that their decimal points line up.
  const money = new Set(['金额', '期初余额', '本期收入', '本期支出', '期末余额']);
  const table = (caption: string, headers: string[], rows: string[][], widths: number[]) => ({
    kind: 'table' as const,
    caption,
    columns: headers.map((header, i) => ({ header, width: widths[i], align: money.has(header) ? ('right' as const) : undefined })),
    rows,
  });
  return {
    layout: poster ? 'poster' : 'official',
    title: notice.title,
    subtitle: notice.number,
    stamp: notice.supersedesId ? '更正公告' : undefined,
    paper: poster ? 'A3' : 'A4',
    orientation: poster ? 'portrait' : 'landscape',
    letterhead,
    public: true,
    blocks: [
      { kind: 'fields', columns: 1, fields: noticeHeader(notice).map(([label, value]) => ({ label, value, wide: true })) },
      table('一、收入', incomeHeaders, t.income, [15, 26, 30, 20, 42, 59, 33]),
      table('二、支出', expenditureHeaders, t.expenditure, [15, 26, 40, 22, 26, 38, 20, 38]),
      table('三、基金余额', fundHeaders, t.funds, [28, 18, 18, 18, 18]),
      {
        kind: 'paragraph',
        indent: true,
        content: ['善款100%用于受困者，透明公开。任何人可用公开账本核对本公示的链头哈希（linli charity verify-notice）。'],
      },
      { kind: 'qr', data: notice.headHash, caption: `账本链头 ${notice.headHash.slice(0, 16)}…` },
      { kind: 'seal', unitName: letterhead.unitName, date: notice.publishedAt.slice(0, 10) },
    ],
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: notice.publishedAt,
  };
}

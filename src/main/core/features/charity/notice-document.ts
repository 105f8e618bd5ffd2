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
  // Column shares of the type area (156 mm), so that a number, a date, an amount and a receipt number fit on
  // one line and a purpose on two: a quarter's rows then take far fewer pages than with equal columns.
  const table = (caption: string, headers: string[], rows: string[][], widths: number[]) => ({
    kind: 'table' as const,
    caption,
    columns: headers.map((header, i) => ({ header, width: widths[i] })),
    rows,
  });
  return {
    layout: poster ? 'poster' : 'official',
    title: notice.title,
    subtitle: notice.number,
    stamp: notice.supersedesId ? '更正公告' : undefined,
    paper: poster ? 'A3' : 'A4',
    letterhead,
    public: true,
    blocks: [
      { kind: 'fields', columns: 1, fields: noticeHeader(notice).map(([label, value]) => ({ label, value, wide: true })) },
      table('一、收入', incomeHeaders, t.income, [14, 25, 19, 15, 25, 31, 27]),
      table('二、支出', expenditureHeaders, t.expenditure, [14, 25, 24, 18, 22, 20, 15, 18]),
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

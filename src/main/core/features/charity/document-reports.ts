import { z } from 'zod';
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';
import type { DocumentReport, ReportLetterhead } from '../../reports/model';
import { defineReport } from '../../reports/registry';
import { findProfile } from '../../community/profile';
import { findNotice, toNotice } from './notices';
import { noticeDocument } from './notice-document';
import { receiptDocument } from './receipt-document';
import { printedReceipt } from './receipts-handlers';

// Receipts and notices are reports of kind 'document' (as the council's printouts are): the receipts and
// notices tabs print them with the report job's ExportButton, the report centre and `linli report` run them,
// and every print is permission-checked and on the audit record as an export.

export async function charityLetterhead(db: Kysely<Database>): Promise<ReportLetterhead> {
  const profile = await findProfile(db);
  return {
    communityName: profile?.community_name ?? '',
    unitName: profile?.unit_name ?? '',
    streetOffice: profile?.street_office || undefined,
    sealImageDataUrl: profile?.seal_image ?? undefined,
  };
}

const id = z.string().trim().min(1, 'contract.required');

/**
 * 捐赠收据: the first print is the original, every later one is stamped 复印件, so the print is counted here,
 * in the same statement that tells whether it is a reprint.
 */
export const charityReceiptReport = defineReport({
  name: 'charity_receipt',
  area: 'charity',
  permission: 'charity.record',
  params: z.object({ receipt: id }),
  formats: ['pdf', 'docx'],
  async build(ctx, params): Promise<DocumentReport> {
    const counted = ctx.sqlite.prepare('UPDATE charity_receipts SET print_count = print_count + 1 WHERE id = ? RETURNING print_count').get(params.receipt) as
      { print_count: number } | undefined;
    if (!counted) throw new AppError('charity.receipt_not_found', 'No such receipt');
    const printed = await printedReceipt(ctx.db, params.receipt, counted.print_count > 1);
    const letterhead = await charityLetterhead(ctx.db);
    return { kind: 'document', document: receiptDocument({ ...printed, letterhead, generatedAt: ctx.now.toISOString() }) };
  },
});

function noticeReport(name: string, poster: boolean) {
  return defineReport({
    name,
    area: 'charity',
    permission: 'charity.read',
    params: z.object({ notice: id }),
    formats: poster ? ['pdf'] : ['pdf', 'docx', 'html'],
    async build(ctx, params): Promise<DocumentReport> {
      const notice = await toNotice(ctx.db, await findNotice(ctx.db, params.notice));
      return { kind: 'document', document: noticeDocument(notice, await charityLetterhead(ctx.db), poster) };
    },
  });
}

/** 收支公示 on A4 (PDF, Word, a web page), public: the engine scans what it renders for personal data. */
export const charityNoticeReport = noticeReport('charity_notice', false);
/** The same notice as an A3 poster for the notice board. */
export const charityNoticePosterReport = noticeReport('charity_notice_poster', true);

export const charityDocumentReports = [charityReceiptReport, charityNoticeReport, charityNoticePosterReport];

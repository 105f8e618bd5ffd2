import { z } from 'zod';
import { method, returns } from '../define';
import { id, text } from './common';

/** A published notice's tables: what the board shows, frozen at publication. */
export interface NoticeBody {
  income: { no: number; date: string; donor: string; method: string; amount: string; amountFen: number; purpose: string; receiptNo: string }[];
  expenditure: { no: number; date: string; purpose: string; recipient: string; amountFen: number; approval: string; handler: string; voucher: string }[];
  funds: { code: string; name: string; openingFen: number; incomeFen: number; expenseFen: number; closingFen: number }[];
  totals: { openingFen: number; incomeFen: number; expenseFen: number; closingFen: number };
}

export interface Notice {
  id: string;
  number: string;
  scope: 'month' | 'quarter' | 'campaign';
  periodKey: string;
  title: string;
  fromDate: string;
  toDate: string;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The journal's head when the notice was made: its last entry and that entry's hash (the digest). */
  headSeq: number;
  headHash: string;
  noticeDays: number;
  objectionPhone: string;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  publishedAt: string;
  publishedByName: string;
  body: NoticeBody;
}

/** 2026-10 (a month), 2026-Q3 (a quarter) or a campaign's id. */
export const noticePeriod = z.string().trim().min(1).max(64);

export const notices = {
  'charity.previewNotice': method(
    { input: z.object({ period: noticePeriod }), access: 'charity.read', writes: false },
    returns<Omit<Notice, 'id' | 'number' | 'publishedAt' | 'publishedByName' | 'supersededById'>>(),
  ),
  'charity.publishNotice': method(
    {
      input: z.object({
        period: noticePeriod,
        noticeDays: z.number().int().min(1).max(90).default(7),
        objectionPhone: text(20).optional(),
        supersedesId: id.nullable().default(null),
        correctionReason: text(200).nullable().default(null),
      }),
      access: 'charity.publish',
      writes: true,
    },
    returns<Notice>(),
  ),
  'charity.listNotices': method({ input: z.object({}), access: 'charity.read', writes: false }, returns<Notice[]>()),
  'charity.getNotice': method({ input: z.object({ id }), access: 'charity.read', writes: false }, returns<Notice>()),
};

export const noticeFormats = ['pdf', 'poster', 'xlsx', 'csv', 'html'] as const;

export const noticeExports = {
  /** Starts a job that renders a published notice (A4 PDF, A3 poster, XLSX, CSV, self-contained HTML). */
  'charity.exportNotice': method(
    { input: z.object({ id, format: z.enum(noticeFormats) }), access: 'charity.read', writes: true, transaction: 'none' },
    returns<{ jobId: string }>(),
  ),
  /** Starts a job that writes the masked public ledger (JSON) anyone can check notices against. */
  'charity.exportPublicLedger': method({ input: z.object({}), access: 'charity.read', writes: true, transaction: 'none' }, returns<{ jobId: string }>()),
};

import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, fen, type FundBalance, type Fund, id, month, pageLimit, text, type Page } from './common';

export interface JournalEntry {
  seq: number;
  date: string;
  kind: 'donation' | 'disbursement' | 'reversal';
  memo: string;
  reversesSeq: number | null;
  reversedBySeq: number | null;
  reason: string | null;
  postedAt: string;
  actorName: string;
  hash: string;
  lines: { account: string; fund: string; debit: number; credit: number }[];
}

export interface ChainReport {
  ok: boolean;
  count: number;
  head: string | null;
  firstBroken: { seq: number; reason: string } | null;
}

export interface ClosedPeriod {
  month: string;
  closedAt: string;
  closedByName: string;
  lastSeq: number;
}

/** A year's figures for the host charity's annual report (慈善组织信息公开办法: by 5月31日). */
export interface AnnualSummary {
  year: number;
  funds: { code: string; name: string; kind: string; openingFen: number; incomeFen: number; expenseFen: number; closingFen: number }[];
  income: { cashFen: number; goodsFen: number; donations: number; donors: number };
  projects: { name: string; kind: string; fundCode: string; receivedFen: number; targetFen: number }[];
  aid: { kind: string; count: number; amountFen: number }[];
}

export interface Reconciliation {
  id: string;
  month: string;
  cashCountedFen: number;
  bankStatementFen: number;
  cashLedgerFen: number;
  bankLedgerFen: number;
  differenceFen: number;
  note: string;
  createdAt: string;
}

export interface Dashboard {
  funds: FundBalance[];
  /** Fund balances at each month's end: the chart over time. */
  balanceSeries: { month: string; fund: string; balance: number }[];
  donationsByMonth: { month: string; cashFen: number; goodsFen: number }[];
  donationsByCampaign: { campaignId: string; name: string; receivedFen: number; targetFen: number }[];
  /** 十大爱心人士/企业: only donors who consented to recognition, by total given. */
  topDonors: { donorId: string; name: string; kind: string; totalFen: number }[];
  pledgesBehind: { pledgeId: string; donorName: string; campaign: string; expectedFen: number; receivedFen: number }[];
  awaitingApproval: number;
  openBatches: number;
}

const fundInput = z.object({
  id: id.optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,20}$/, 'charity.fund_code_format'),
  name: text(60).min(1, 'charity.name_required'),
  kind: z.enum(['unrestricted', 'restricted']),
  purpose: text(200).default(''),
});

export const ledger = {
  'charity.listFunds': method({ input: z.object({}), access: 'charity.read', writes: false }, returns<FundBalance[]>()),
  'charity.saveFund': method({ input: fundInput, access: 'charity.publish', writes: true }, returns<Fund>()),
  'charity.journal': method(
    {
      input: z.object({ beforeSeq: z.number().int().positive().optional(), fund: z.string().optional(), limit: pageLimit }),
      access: 'charity.read',
      writes: false,
    },
    returns<JournalEntry[]>(),
  ),
  'charity.reverseEntry': method(
    { input: z.object({ seq: z.number().int().positive(), reason: text(200).min(2, 'charity.reason_required') }), access: 'charity.publish', writes: true },
    returns<JournalEntry>(),
  ),
  'charity.listPeriods': method({ input: z.object({}), access: 'charity.read', writes: false }, returns<ClosedPeriod[]>()),
  'charity.closeMonth': method({ input: z.object({ month }), access: 'charity.publish', writes: true }, returns<ClosedPeriod>()),
  'charity.verify': method({ input: z.object({}), access: 'charity.read', writes: false }, returns<ChainReport>()),
  'charity.reconcile': method(
    { input: z.object({ month, cashCountedFen: fen, bankStatementFen: fen, note: text(200).default('') }), access: 'charity.record', writes: true },
    returns<Reconciliation>(),
  ),
  'charity.listReconciliations': method(
    { input: z.object({ cursor, limit: pageLimit }), access: 'charity.read', writes: false },
    returns<Page<Reconciliation>>(),
  ),
  'charity.annualSummary': method(
    { input: z.object({ year: z.number().int().min(2000).max(2100) }), access: 'charity.read', writes: false },
    returns<AnnualSummary>(),
  ),
  'charity.dashboard': method(
    { input: z.object({ year: z.number().int().min(2000).max(2100).optional() }), access: 'charity.read', writes: false },
    returns<Dashboard>(),
  ),
};

import { z } from 'zod';
import { MAX_INPUT_FEN } from '../../values/money';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'charity.month_format');
export const id = z.string().min(1).max(64);
export const text = (max: number) => z.string().trim().max(max);

/** An amount in integer fen: whole, not negative, not absurd (money.* codes as the money parser uses). */
export const fen = z.number({ message: 'charity.bad_amount' }).int('money.fractional_fen').min(0, 'money.negative').max(MAX_INPUT_FEN, 'money.too_large');
export const positiveFen = fen.refine((n) => n > 0, 'charity.amount_zero');

export const disclosures = ['full', 'masked', 'caring', 'anonymous'] as const;
export type Disclosure = (typeof disclosures)[number];
export const donorKinds = ['person', 'company', 'organisation', 'anonymous'] as const;
export const cashMethods = ['现金', '转账', '微信', '支付宝'] as const;
export type CashMethod = (typeof cashMethods)[number];
export const aidKinds = ['救穷', '救急', '定向'] as const;
export const aidStatuses = ['submitted', 'reviewed', 'approved', 'rejected', 'paid', 'acknowledged'] as const;
export const paymentMethods = ['现金', '转账', '物资'] as const;

export interface Fund {
  id: string;
  code: string;
  name: string;
  kind: 'unrestricted' | 'restricted';
  purpose: string;
  archived: boolean;
}

export interface FundBalance extends Fund {
  balance: number;
  income: number;
  expense: number;
  /** Per asset account (1001 现金, 1002 银行, 1003 网络收款, 1401 物资), debits less credits. */
  accounts: Record<string, number>;
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}
export const cursor = z.string().max(500).nullable().default(null);
export const pageLimit = z.number().int().min(1).max(200).default(50);

import { z } from 'zod';
import { method, returns } from '../define';
import {
  cashMethods,
  cursor,
  disclosures,
  donorKinds,
  fen,
  id,
  isoDate,
  month,
  pageLimit,
  positiveFen,
  text,
  type CashMethod,
  type Disclosure,
  type Page,
} from './common';

export interface Donor {
  id: string;
  kind: (typeof donorKinds)[number];
  name: string;
  /** 138****1234: the full contact needs charity.reveal. */
  contactMasked: string;
  residentId: string | null;
  disclosure: Disclosure;
  /** The date the donor agreed to be named in public (公益事业捐赠法 第8条), or null. */
  consentOn: string | null;
  notes: string;
  totalFen: number;
}

export interface DonationItem {
  item: string;
  unit: string;
  quantity: number;
  unitValueFen: number;
  amountFen: number;
  valuationBasis: string;
}

export interface Donation {
  id: string;
  donorId: string | null;
  donorName: string;
  kind: 'cash' | 'goods';
  method: CashMethod | null;
  reference: string;
  amountFen: number;
  fundCode: string;
  campaignId: string | null;
  pledgeId: string | null;
  batchId: string | null;
  receivedOn: string;
  disclosure: Disclosure | null;
  receiptDeclined: boolean;
  note: string;
  entrySeq: number | null;
  receiptNo: string | null;
  items: DonationItem[];
}

export interface Batch {
  id: string;
  number: string;
  receivedOn: string;
  controlTotalFen: number;
  controlCount: number;
  enteredFen: number;
  enteredCount: number;
  note: string;
  status: 'open' | 'posted';
  lines: Donation[];
}

export interface Receipt {
  id: string;
  receiptNo: string;
  donationId: string;
  donorName: string;
  amountFen: number;
  issuedOn: string;
  issuedByName: string;
  printCount: number;
  voided: boolean;
  voidReason: string | null;
  officialNo: string | null;
}

/** What a receipt prints: the receipt, its donation, the fund, and whether this print is a copy (复印件). */
export interface PrintedReceipt {
  receipt: Receipt;
  donation: Donation;
  fundName: string;
  copy: boolean;
  amountInWords: string;
  unitName: string;
}

export interface Campaign {
  id: string;
  name: string;
  kind: 'drive' | 'pledge';
  fundCode: string;
  startsOn: string;
  endsOn: string | null;
  targetFen: number;
  receivedFen: number;
}

export interface PledgeStatus {
  pledgeId: string;
  donorId: string;
  donorName: string;
  monthlyFen: number;
  months: { month: string; expectedFen: number; receivedFen: number }[];
  behind: boolean;
}

const donorInput = z.object({
  id: id.optional(),
  kind: z.enum(donorKinds),
  name: text(60).min(1, 'charity.name_required'),
  /** The full contact (phone); omitted keeps the stored one, '' removes it. */
  contact: text(40).optional(),
  residentId: id.nullable().default(null),
  disclosure: z.enum(disclosures),
  consentOn: isoDate.nullable().default(null),
  notes: text(200).default(''),
});

const itemInput = z.object({
  item: text(40).min(1, 'charity.item_required'),
  unit: text(10).min(1, 'charity.item_required'),
  quantity: z.number().int('charity.bad_quantity').min(1, 'charity.bad_quantity').max(1_000_000, 'charity.bad_quantity'),
  unitValueFen: positiveFen,
  valuationBasis: text(60).min(1, 'charity.valuation_required'),
});

export const donationInput = z
  .object({
    donorId: id.nullable().default(null),
    kind: z.enum(['cash', 'goods']),
    method: z.enum(cashMethods).nullable().default(null),
    reference: text(60).default(''),
    amountFen: positiveFen.optional(),
    items: z.array(itemInput).max(50).default([]),
    fundCode: z.string().min(1),
    campaignId: id.nullable().default(null),
    pledgeId: id.nullable().default(null),
    receivedOn: isoDate,
    disclosure: z.enum(disclosures).nullable().default(null),
    receiptDeclined: z.boolean().default(false),
    note: text(200).default(''),
  })
  .refine((d) => d.kind !== 'cash' || !!d.method, { path: ['method'], message: 'charity.method_required' })
  .refine((d) => d.kind !== 'cash' || d.amountFen !== undefined, { path: ['amountFen'], message: 'charity.amount_required' })
  .refine((d) => d.kind !== 'goods' || d.items.length > 0, { path: ['items'], message: 'charity.item_required' });
export type DonationInput = z.output<typeof donationInput>;

export const donations = {
  'charity.listDonors': method(
    { input: z.object({ query: text(40).default(''), cursor, limit: pageLimit }), access: 'charity.read', writes: false },
    returns<Page<Donor>>(),
  ),
  'charity.saveDonor': method({ input: donorInput, access: 'charity.record', writes: true }, returns<Donor>()),
  'charity.revealDonorContact': method(
    { input: z.object({ id, reason: text(100).min(2, 'charity.reason_required') }), access: 'charity.reveal', writes: true },
    returns<{ contact: string }>(),
  ),
  'charity.listCampaigns': method({ input: z.object({}), access: 'charity.read', writes: false }, returns<Campaign[]>()),
  'charity.saveCampaign': method(
    {
      input: z.object({
        id: id.optional(),
        name: text(60).min(1, 'charity.name_required'),
        kind: z.enum(['drive', 'pledge']),
        fundCode: z.string().min(1),
        startsOn: isoDate,
        endsOn: isoDate.nullable().default(null),
        targetFen: fen.default(0),
      }),
      access: 'charity.record',
      writes: true,
    },
    returns<Campaign>(),
  ),
  'charity.savePledge': method(
    {
      input: z.object({ campaignId: id, donorId: id, monthlyFen: positiveFen, startsMonth: month, endsMonth: month.nullable().default(null) }),
      access: 'charity.record',
      writes: true,
    },
    returns<{ id: string }>(),
  ),
  'charity.pledgeStatus': method(
    { input: z.object({ campaignId: id, through: month.optional() }), access: 'charity.read', writes: false },
    returns<PledgeStatus[]>(),
  ),
  'charity.recordDonation': method({ input: donationInput, access: 'charity.record', writes: true }, returns<Donation>()),
  'charity.listDonations': method(
    {
      input: z.object({ from: isoDate.optional(), to: isoDate.optional(), donorId: id.optional(), cursor, limit: pageLimit }),
      access: 'charity.read',
      writes: false,
    },
    returns<Page<Donation>>(),
  ),
  'charity.openBatch': method(
    {
      input: z.object({ receivedOn: isoDate, controlTotalFen: positiveFen, controlCount: z.number().int().min(1).max(1000), note: text(100).default('') }),
      access: 'charity.record',
      writes: true,
    },
    returns<Batch>(),
  ),
  'charity.getBatch': method({ input: z.object({ id }), access: 'charity.read', writes: false }, returns<Batch>()),
  'charity.listBatches': method(
    { input: z.object({ status: z.enum(['open', 'posted']).optional() }), access: 'charity.read', writes: false },
    returns<Omit<Batch, 'lines'>[]>(),
  ),
  'charity.addBatchLine': method({ input: z.object({ batchId: id, donation: donationInput }), access: 'charity.record', writes: true }, returns<Batch>()),
  'charity.withdrawBatchLine': method(
    { input: z.object({ id, reason: text(100).min(2, 'charity.reason_required') }), access: 'charity.record', writes: true },
    returns<Batch>(),
  ),
  /** Goods in stock: received less given out, per item and unit. */
  'charity.stock': method(
    { input: z.object({}), access: 'charity.read', writes: false },
    returns<{ item: string; unit: string; received: number; givenOut: number; inStock: number }[]>(),
  ),
  'charity.postBatch': method({ input: z.object({ id }), access: 'charity.record', writes: true }, returns<Batch>()),
  'charity.listReceipts': method(
    { input: z.object({ year: z.number().int().min(2000).max(2100), cursor, limit: pageLimit }), access: 'charity.read', writes: false },
    returns<Page<Receipt>>(),
  ),
  'charity.printReceipt': method({ input: z.object({ id }), access: 'charity.record', writes: true }, returns<PrintedReceipt>()),
  'charity.voidReceipt': method(
    { input: z.object({ id, reason: text(200).min(2, 'charity.reason_required') }), access: 'charity.record', writes: true },
    returns<Receipt>(),
  ),
  'charity.recordOfficialReceipt': method(
    {
      input: z.object({
        id,
        officialNo: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{4,40}$/, 'charity.official_no_format'),
      }),
      access: 'charity.record',
      writes: true,
    },
    returns<Receipt>(),
  ),
};

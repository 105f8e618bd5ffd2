/** Kysely types for the charity tables (migration 0014_charity), merged into the Database interface. */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export type Disclosure = 'full' | 'masked' | 'caring' | 'anonymous';

export interface CharityAccountsTable {
  code: string;
  name: string;
  type: 'asset' | 'income' | 'expense';
}

export interface CharityFundsTable extends Stamped {
  id: string;
  code: string;
  name: string;
  kind: 'unrestricted' | 'restricted';
  purpose: string;
  archived: number;
}

export interface CharityDonorsTable extends Stamped {
  id: string;
  kind: 'person' | 'company' | 'organisation' | 'anonymous';
  name: string;
  contact_cipher: string | null;
  contact_masked: string;
  resident_id: string | null;
  disclosure: Disclosure;
  consent_on: string | null;
  notes: string;
  archived: number;
}

export interface CharityCampaignsTable extends Stamped {
  id: string;
  name: string;
  kind: 'drive' | 'pledge';
  fund_code: string;
  starts_on: string;
  ends_on: string | null;
  target_fen: number;
}

export interface CharityPledgesTable extends Stamped {
  id: string;
  campaign_id: string;
  donor_id: string;
  monthly_fen: number;
  starts_month: string;
  ends_month: string | null;
}

export interface CharityEntriesTable {
  seq: number;
  id: string;
  entry_date: string;
  kind: 'donation' | 'disbursement' | 'reversal';
  memo: string;
  reverses_seq: number | null;
  reason: string | null;
  posted_at: string;
  actor_name: string;
  prev_hash: string;
  hash: string;
}

export interface CharityPeriodsTable {
  month: string;
  closed_at: string;
  closed_by: string | null;
  closed_by_name: string;
  last_seq: number;
  balances_json: string;
}

export interface CharityLinesTable {
  entry_seq: number;
  line_no: number;
  account_code: string;
  fund_code: string;
  debit: number;
  credit: number;
}

export interface CharityBalancesTable {
  fund_code: string;
  account_code: string;
  month: string;
  debit: number;
  credit: number;
}

/** Posted donations' running totals (migration 0015): '' where a donation has no donor, campaign or pledge. */
export interface CharityDonationTotalsTable {
  month: string;
  donor_id: string;
  campaign_id: string;
  pledge_id: string;
  kind: 'cash' | 'goods';
  amount_fen: number;
}

export interface CharityBatchesTable extends Stamped {
  id: string;
  number: string;
  received_on: string;
  control_total_fen: number;
  control_count: number;
  note: string;
  status: 'open' | 'posted';
  posted_at: string | null;
  posted_by: string | null;
}

export interface CharityDonationsTable extends Stamped {
  id: string;
  donor_id: string | null;
  kind: 'cash' | 'goods';
  method: '现金' | '转账' | '微信' | '支付宝' | null;
  reference: string;
  amount_fen: number;
  fund_code: string;
  campaign_id: string | null;
  pledge_id: string | null;
  batch_id: string | null;
  received_on: string;
  disclosure: Disclosure | null;
  receipt_declined: number;
  withdrawn: number;
  note: string;
  entry_seq: number | null;
}

export interface CharityDonationItemsTable {
  donation_id: string;
  line_no: number;
  item: string;
  unit: string;
  quantity: number;
  unit_value_fen: number;
  amount_fen: number;
  valuation_basis: string;
}

export interface CharityStockMovesTable {
  seq: Generated<number>;
  item: string;
  unit: string;
  quantity: number;
  donation_id: string | null;
  application_id: string | null;
  on_date: string;
  created_at: string;
  created_by: string | null;
}

export interface CharityReceiptsTable {
  id: string;
  year: number;
  number: number;
  receipt_no: string;
  donation_id: string;
  issued_on: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_name: string;
  print_count: number;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
  official_no: string | null;
  official_recorded_at: string | null;
}

export type AidKind = '救穷' | '救急' | '定向';
export type AidStatus = 'submitted' | 'reviewed' | 'approved' | 'rejected' | 'paid' | 'acknowledged';

export interface CharityAidApplicationsTable {
  id: string;
  number: string;
  resident_id: string;
  household_id: string | null;
  recipient_name: string;
  kind: AidKind;
  fund_code: string;
  amount_fen: number;
  items_json: string;
  reason: string;
  status: AidStatus;
  visit_id: string | null;
  visit_note: string | null;
  council_resolution_no: string | null;
  council_resolution_id: string | null;
  reviewed_at: string | null;
  reviewed_by_name: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_note: string | null;
  paid_at: string | null;
  paid_by_name: string | null;
  payment_method: '现金' | '转账' | '物资' | null;
  entry_seq: number | null;
  acknowledged_at: string | null;
  acknowledgement: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

export interface CharityAidEventsTable {
  seq: Generated<number>;
  application_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  kind: string;
  detail_json: string;
}

export interface CharityEvidenceTable {
  id: string;
  application_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
  created_by: string | null;
}

export interface CharityReconciliationsTable {
  id: string;
  month: string;
  cash_counted_fen: number;
  bank_statement_fen: number;
  cash_ledger_fen: number;
  bank_ledger_fen: number;
  difference_fen: number;
  note: string;
  created_at: string;
  created_by: string | null;
}

export interface CharityNoticesTable {
  id: string;
  number: string;
  scope: 'month' | 'quarter' | 'campaign';
  period_key: string;
  title: string;
  from_date: string;
  to_date: string;
  first_seq: number | null;
  last_seq: number | null;
  head_seq: number;
  head_hash: string;
  body_json: string;
  notice_days: number;
  objection_phone: string;
  supersedes_id: string | null;
  correction_reason: string | null;
  published_at: string;
  published_by: string | null;
  published_by_name: string;
}

export interface CharityTables {
  charity_accounts: CharityAccountsTable;
  charity_funds: CharityFundsTable;
  charity_donors: CharityDonorsTable;
  charity_campaigns: CharityCampaignsTable;
  charity_pledges: CharityPledgesTable;
  charity_entries: CharityEntriesTable;
  charity_periods: CharityPeriodsTable;
  charity_lines: CharityLinesTable;
  charity_balances: CharityBalancesTable;
  charity_batches: CharityBatchesTable;
  charity_donations: CharityDonationsTable;
  charity_donation_totals: CharityDonationTotalsTable;
  charity_donation_items: CharityDonationItemsTable;
  charity_stock_moves: CharityStockMovesTable;
  charity_receipts: CharityReceiptsTable;
  charity_aid_applications: CharityAidApplicationsTable;
  charity_aid_events: CharityAidEventsTable;
  charity_evidence: CharityEvidenceTable;
  charity_reconciliations: CharityReconciliationsTable;
  charity_notices: CharityNoticesTable;
}

import type { CharityTables } from '../../../src/main/core/features/charity/schema';

/** Every column of the charity tables, for the schema test (tests/unit/core/schema.test.ts spreads it). */
export const charityColumns = {
  charity_accounts: ['code', 'name', 'type'],
  charity_funds: ['id', 'code', 'name', 'kind', 'purpose', 'archived', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  charity_donors: [
    'id', 'kind', 'name', 'contact_cipher', 'contact_masked', 'resident_id', 'disclosure', 'consent_on', 'notes', 'archived', 'created_at',
    'created_by', 'updated_at', 'updated_by',
  ],
  charity_campaigns: [
    'id', 'name', 'kind', 'fund_code', 'starts_on', 'ends_on', 'target_fen', 'created_at', 'created_by', 'updated_at', 'updated_by',
  ],
  charity_pledges: [
    'id', 'campaign_id', 'donor_id', 'monthly_fen', 'starts_month', 'ends_month', 'created_at', 'created_by', 'updated_at', 'updated_by',
  ],
  charity_entries: ['seq', 'id', 'entry_date', 'kind', 'memo', 'reverses_seq', 'reason', 'posted_at', 'actor_name', 'prev_hash', 'hash'],
  charity_periods: ['month', 'closed_at', 'closed_by', 'closed_by_name', 'last_seq', 'balances_json'],
  charity_lines: ['entry_seq', 'line_no', 'account_code', 'fund_code', 'debit', 'credit'],
  charity_balances: ['fund_code', 'account_code', 'month', 'debit', 'credit'],
  charity_batches: [
    'id', 'number', 'received_on', 'control_total_fen', 'control_count', 'note', 'status', 'posted_at', 'posted_by', 'created_at', 'created_by',
    'updated_at', 'updated_by',
  ],
  charity_donations: [
    'id', 'donor_id', 'kind', 'method', 'reference', 'amount_fen', 'fund_code', 'campaign_id', 'pledge_id', 'batch_id', 'received_on', 'disclosure',
    'receipt_declined', 'withdrawn', 'note', 'entry_seq', 'created_at', 'created_by', 'updated_at', 'updated_by',
  ],
  charity_donation_items: ['donation_id', 'line_no', 'item', 'unit', 'quantity', 'unit_value_fen', 'amount_fen', 'valuation_basis'],
  charity_stock_moves: ['seq', 'item', 'unit', 'quantity', 'donation_id', 'application_id', 'on_date', 'created_at', 'created_by'],
  charity_receipts: [
    'id', 'year', 'number', 'receipt_no', 'donation_id', 'issued_on', 'issued_at', 'issued_by', 'issued_by_name', 'print_count', 'voided_at',
    'voided_by', 'void_reason', 'official_no', 'official_recorded_at',
  ],
  charity_aid_applications: [
    'id', 'number', 'resident_id', 'household_id', 'recipient_name', 'kind', 'fund_code', 'amount_fen', 'items_json', 'reason', 'status', 'visit_id',
    'visit_note', 'council_resolution_no', 'reviewed_at', 'reviewed_by_name', 'decided_at', 'decided_by', 'decided_by_name', 'decision_note',
    'paid_at', 'paid_by_name', 'payment_method', 'entry_seq', 'acknowledged_at', 'acknowledgement', 'created_at', 'created_by', 'created_by_name',
  ],
  charity_aid_events: ['seq', 'application_id', 'at', 'actor_id', 'actor_name', 'kind', 'detail_json'],
  charity_evidence: ['id', 'application_id', 'file_name', 'mime', 'size', 'sha256', 'content', 'created_at', 'created_by'],
  charity_reconciliations: [
    'id', 'month', 'cash_counted_fen', 'bank_statement_fen', 'cash_ledger_fen', 'bank_ledger_fen', 'difference_fen', 'note', 'created_at',
    'created_by',
  ],
  charity_notices: [
    'id', 'number', 'scope', 'period_key', 'title', 'from_date', 'to_date', 'first_seq', 'last_seq', 'head_seq', 'head_hash', 'body_json', 'notice_days',
    'objection_phone', 'supersedes_id', 'correction_reason', 'published_at', 'published_by', 'published_by_name',
  ],
} satisfies { [T in keyof CharityTables]: (keyof CharityTables[T])[] };

import { sql, type Kysely } from 'kysely';
import { installAppendOnlyTriggers } from '../append-only';

/**
 * The charity ledger (慈善帮扶): donors, funds, a double-entry journal that is append-only and hash-chained,
 * donations with receipts, aid applications with their evidence, month-end closes and public notices.
 * Money is integer fen; every amount column has a CHECK. Nothing here is ever deleted.
 */
const MAX_FEN = 9_999_999_999_999;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  const fen = (col: string, min = 0) => `${col} INTEGER NOT NULL CHECK (${col} >= ${min} AND ${col} <= ${MAX_FEN})`;
  const stamps = `created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT`;
  const noDelete = (table: string) => run(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`);

  await run(`CREATE TABLE charity_accounts (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('asset', 'income', 'expense'))
  ) STRICT, WITHOUT ROWID`);
  await run(`INSERT INTO charity_accounts (code, name, type) VALUES
    ('1001', '库存现金', 'asset'), ('1002', '银行存款', 'asset'), ('1003', '网络收款', 'asset'), ('1401', '捐赠物资', 'asset'),
    ('4101', '捐赠收入', 'income'), ('5101', '救助支出', 'expense')`);
  await installAppendOnlyTriggers(db, 'charity_accounts');

  await run(`CREATE TABLE charity_funds (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('unrestricted', 'restricted')),
    purpose TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    ${stamps}
  ) STRICT`);
  // The journal names funds by code, and the public ledger's hashes cover it: a code never changes.
  await run(`CREATE TRIGGER charity_funds_code_fixed BEFORE UPDATE ON charity_funds WHEN NEW.code <> OLD.code OR NEW.kind <> OLD.kind
    BEGIN SELECT RAISE(ABORT, 'charity.fund_code_fixed'); END`);
  await noDelete('charity_funds');
  await run(`INSERT INTO charity_funds (id, code, name, kind, purpose, created_at, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000001', 'GEN', '慈善基金（非定向）', 'unrestricted', '', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z')`);

  await run(`CREATE TABLE charity_donors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'company', 'organisation', 'anonymous')),
    name TEXT NOT NULL,
    contact_cipher TEXT,
    contact_masked TEXT NOT NULL DEFAULT '',
    resident_id TEXT REFERENCES residents (id),
    disclosure TEXT NOT NULL CHECK (disclosure IN ('full', 'masked', 'caring', 'anonymous')),
    consent_on TEXT CHECK (consent_on IS NULL OR consent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    ${stamps}
  ) STRICT`);
  await run(`CREATE INDEX charity_donors_name ON charity_donors (archived, name, id)`);
  await noDelete('charity_donors');

  await run(`CREATE TABLE charity_campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('drive', 'pledge')),
    fund_code TEXT NOT NULL REFERENCES charity_funds (code),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    ${fen('target_fen')},
    ${stamps}
  ) STRICT`);
  await noDelete('charity_campaigns');

  await run(`CREATE TABLE charity_pledges (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES charity_campaigns (id),
    donor_id TEXT NOT NULL REFERENCES charity_donors (id),
    ${fen('monthly_fen', 1)},
    starts_month TEXT NOT NULL CHECK (starts_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    ends_month TEXT CHECK (ends_month IS NULL OR ends_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    ${stamps}
  ) STRICT`);
  await run(`CREATE INDEX charity_pledges_campaign ON charity_pledges (campaign_id)`);
  await noDelete('charity_pledges');

  await run(`CREATE TABLE charity_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entry_date TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('donation', 'disbursement', 'reversal')),
    memo TEXT NOT NULL,
    reverses_seq INTEGER UNIQUE REFERENCES charity_entries (seq),
    reason TEXT,
    posted_at TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    CHECK ((kind = 'reversal') = (reverses_seq IS NOT NULL AND reason IS NOT NULL))
  ) STRICT`);
  await run(`CREATE INDEX charity_entries_date ON charity_entries (entry_date, seq)`);
  await installAppendOnlyTriggers(db, 'charity_entries');

  await run(`CREATE TABLE charity_periods (
    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    closed_at TEXT NOT NULL,
    closed_by TEXT,
    closed_by_name TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    balances_json TEXT NOT NULL CHECK (json_valid(balances_json))
  ) STRICT, WITHOUT ROWID`);
  await installAppendOnlyTriggers(db, 'charity_periods');
  // Months close in order; a closed month (and everything before it) takes no more entries.
  await run(`CREATE TRIGGER charity_periods_in_order BEFORE INSERT ON charity_periods
    WHEN EXISTS (SELECT 1 FROM charity_periods WHERE month >= NEW.month) BEGIN SELECT RAISE(ABORT, 'charity.period_closed'); END`);
  await run(`CREATE TRIGGER charity_entries_open_period BEFORE INSERT ON charity_entries
    WHEN EXISTS (SELECT 1 FROM charity_periods WHERE month >= substr(NEW.entry_date, 1, 7)) BEGIN SELECT RAISE(ABORT, 'charity.period_closed'); END`);

  await run(`CREATE TABLE charity_lines (
    entry_seq INTEGER NOT NULL REFERENCES charity_entries (seq),
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    account_code TEXT NOT NULL REFERENCES charity_accounts (code),
    fund_code TEXT NOT NULL REFERENCES charity_funds (code),
    ${fen('debit')},
    ${fen('credit')},
    CHECK ((debit = 0) <> (credit = 0)),
    PRIMARY KEY (entry_seq, line_no)
  ) STRICT, WITHOUT ROWID`);
  await installAppendOnlyTriggers(db, 'charity_lines');

  // Running totals per fund, account and month, kept by the lines' trigger: balances read a few hundred
  // rows whatever the journal's size. Derived data: verify can rebuild it from the lines.
  await run(`CREATE TABLE charity_balances (
    fund_code TEXT NOT NULL,
    account_code TEXT NOT NULL,
    month TEXT NOT NULL,
    debit INTEGER NOT NULL,
    credit INTEGER NOT NULL,
    PRIMARY KEY (fund_code, account_code, month)
  ) STRICT, WITHOUT ROWID`);
  // Lines go only onto the newest entry (an old entry cannot be amended by adding a line), they update the
  // running totals, and no fund's money (its asset accounts) may go below zero: a restricted fund is never
  // overspent, nor is the general fund.
  await run(`CREATE TRIGGER charity_lines_append BEFORE INSERT ON charity_lines
    WHEN NEW.entry_seq IS NOT (SELECT max(seq) FROM charity_entries) BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`);
  await run(`CREATE TRIGGER charity_lines_totals AFTER INSERT ON charity_lines BEGIN
    INSERT INTO charity_balances (fund_code, account_code, month, debit, credit)
      VALUES (NEW.fund_code, NEW.account_code, (SELECT substr(entry_date, 1, 7) FROM charity_entries WHERE seq = NEW.entry_seq), NEW.debit, NEW.credit)
      ON CONFLICT (fund_code, account_code, month) DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit;
    SELECT RAISE(ABORT, 'charity.fund_overspent')
      WHERE (SELECT coalesce(sum(b.debit - b.credit), 0) FROM charity_balances b JOIN charity_accounts a ON a.code = b.account_code
             WHERE b.fund_code = NEW.fund_code AND b.account_code = NEW.account_code AND a.type = 'asset') < 0;
  END`);

  await run(`CREATE TABLE charity_batches (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    received_on TEXT NOT NULL,
    ${fen('control_total_fen')},
    control_count INTEGER NOT NULL CHECK (control_count >= 1),
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'posted')),
    posted_at TEXT,
    posted_by TEXT,
    ${stamps}
  ) STRICT`);
  await run(`CREATE INDEX charity_batches_status ON charity_batches (status, created_at)`);
  await run(`CREATE TRIGGER charity_batches_posted BEFORE UPDATE ON charity_batches WHEN OLD.status = 'posted'
    BEGIN SELECT RAISE(ABORT, 'charity.batch_posted'); END`);
  await noDelete('charity_batches');

  await run(`CREATE TABLE charity_donations (
    id TEXT PRIMARY KEY,
    donor_id TEXT REFERENCES charity_donors (id),
    kind TEXT NOT NULL CHECK (kind IN ('cash', 'goods')),
    method TEXT CHECK ((kind = 'cash') = (method IN ('现金', '转账', '微信', '支付宝'))),
    reference TEXT NOT NULL DEFAULT '',
    ${fen('amount_fen', 1)},
    fund_code TEXT NOT NULL REFERENCES charity_funds (code),
    campaign_id TEXT REFERENCES charity_campaigns (id),
    pledge_id TEXT REFERENCES charity_pledges (id),
    batch_id TEXT REFERENCES charity_batches (id),
    received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    disclosure TEXT CHECK (disclosure IS NULL OR disclosure IN ('full', 'masked', 'caring', 'anonymous')),
    receipt_declined INTEGER NOT NULL DEFAULT 0 CHECK (receipt_declined IN (0, 1)),
    -- A mistyped line taken out of an open batch before posting: kept, never in the books.
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    entry_seq INTEGER UNIQUE REFERENCES charity_entries (seq),
    ${stamps}
  ) STRICT`);
  await run(`CREATE INDEX charity_donations_received ON charity_donations (received_on, id)`);
  await run(`CREATE INDEX charity_donations_batch ON charity_donations (batch_id) WHERE batch_id IS NOT NULL`);
  await run(`CREATE INDEX charity_donations_donor ON charity_donations (donor_id, received_on, id) WHERE donor_id IS NOT NULL`);
  await run(`CREATE INDEX charity_donations_campaign ON charity_donations (campaign_id, received_on) WHERE campaign_id IS NOT NULL`);
  // A donation is posted once (its entry set from empty); after that it changes only by a reversing entry.
  await run(`CREATE TRIGGER charity_donations_fixed BEFORE UPDATE ON charity_donations
    WHEN OLD.entry_seq IS NOT NULL OR OLD.withdrawn = 1 OR (NEW.withdrawn = 1 AND NEW.entry_seq IS NOT NULL)
      OR NEW.amount_fen <> OLD.amount_fen OR NEW.fund_code <> OLD.fund_code OR NEW.kind <> OLD.kind
      OR NEW.received_on <> OLD.received_on OR NEW.donor_id IS NOT OLD.donor_id
    BEGIN SELECT RAISE(ABORT, 'charity.donation_posted'); END`);
  await noDelete('charity_donations');

  await run(`CREATE TABLE charity_donation_items (
    donation_id TEXT NOT NULL REFERENCES charity_donations (id),
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    item TEXT NOT NULL CHECK (length(item) >= 1),
    unit TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    ${fen('unit_value_fen', 1)},
    ${fen('amount_fen', 1)},
    valuation_basis TEXT NOT NULL CHECK (length(valuation_basis) >= 1),
    CHECK (amount_fen = quantity * unit_value_fen),
    PRIMARY KEY (donation_id, line_no)
  ) STRICT, WITHOUT ROWID`);
  await installAppendOnlyTriggers(db, 'charity_donation_items');

  await run(`CREATE TABLE charity_stock_moves (
    seq INTEGER PRIMARY KEY,
    item TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity <> 0),
    donation_id TEXT REFERENCES charity_donations (id),
    application_id TEXT,
    on_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    CHECK ((quantity > 0) = (donation_id IS NOT NULL))
  ) STRICT`);
  await run(`CREATE INDEX charity_stock_item ON charity_stock_moves (item, unit)`);
  await installAppendOnlyTriggers(db, 'charity_stock_moves');
  await run(`CREATE TRIGGER charity_stock_not_negative AFTER INSERT ON charity_stock_moves
    WHEN (SELECT sum(quantity) FROM charity_stock_moves WHERE item = NEW.item AND unit = NEW.unit) < 0
    BEGIN SELECT RAISE(ABORT, 'charity.stock_short'); END`);

  await run(`CREATE TABLE charity_receipts (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    receipt_no TEXT NOT NULL UNIQUE,
    donation_id TEXT NOT NULL UNIQUE REFERENCES charity_donations (id),
    issued_on TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT,
    issued_by_name TEXT NOT NULL,
    print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
    voided_at TEXT,
    voided_by TEXT,
    void_reason TEXT,
    official_no TEXT,
    official_recorded_at TEXT,
    UNIQUE (year, number),
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
  ) STRICT`);
  // Numbers run 1, 2, 3 … per year: a duplicate or a skipped number is refused whoever writes it.
  await run(`CREATE TRIGGER charity_receipts_in_sequence BEFORE INSERT ON charity_receipts
    WHEN NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM charity_receipts WHERE year = NEW.year)
    BEGIN SELECT RAISE(ABORT, 'charity.receipt_out_of_sequence'); END`);
  // What was issued stays as issued; a void is final; the official receipt's number is recorded once.
  await run(`CREATE TRIGGER charity_receipts_fixed BEFORE UPDATE ON charity_receipts
    WHEN NEW.year <> OLD.year OR NEW.number <> OLD.number OR NEW.receipt_no <> OLD.receipt_no OR NEW.donation_id <> OLD.donation_id
      OR NEW.issued_on <> OLD.issued_on OR NEW.issued_by_name <> OLD.issued_by_name OR NEW.print_count < OLD.print_count
      OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason))
      OR (OLD.official_no IS NOT NULL AND NEW.official_no IS NOT OLD.official_no)
    BEGIN SELECT RAISE(ABORT, 'charity.receipt_fixed'); END`);
  await noDelete('charity_receipts');

  await run(`CREATE TABLE charity_aid_applications (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    resident_id TEXT NOT NULL REFERENCES residents (id),
    household_id TEXT,
    recipient_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('救穷', '救急', '定向')),
    fund_code TEXT NOT NULL REFERENCES charity_funds (code),
    ${fen('amount_fen')},
    items_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items_json)),
    reason TEXT NOT NULL CHECK (length(reason) >= 1),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'reviewed', 'approved', 'rejected', 'paid', 'acknowledged')),
    visit_id TEXT REFERENCES visits (id),
    visit_note TEXT,
    council_resolution_no TEXT,
    reviewed_at TEXT,
    reviewed_by_name TEXT,
    decided_at TEXT,
    decided_by TEXT,
    decided_by_name TEXT,
    decision_note TEXT,
    paid_at TEXT,
    paid_by_name TEXT,
    payment_method TEXT CHECK (payment_method IS NULL OR payment_method IN ('现金', '转账', '物资')),
    entry_seq INTEGER UNIQUE REFERENCES charity_entries (seq),
    acknowledged_at TEXT,
    acknowledgement TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    CHECK (amount_fen > 0 OR items_json <> '[]')
  ) STRICT`);
  await run(`CREATE INDEX charity_aid_status ON charity_aid_applications (status, id)`);
  await run(`CREATE INDEX charity_aid_household ON charity_aid_applications (household_id, created_at)`);
  // Maker–checker: whoever recorded an application cannot approve it, whatever path writes the row.
  await run(`CREATE TRIGGER charity_aid_checker BEFORE UPDATE ON charity_aid_applications
    WHEN NEW.status = 'approved' AND OLD.status <> 'approved' AND NEW.decided_by = OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'charity.self_approval'); END`);
  await noDelete('charity_aid_applications');

  await run(`CREATE TABLE charity_aid_events (
    seq INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES charity_aid_applications (id),
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
  ) STRICT`);
  await run(`CREATE INDEX charity_aid_events_app ON charity_aid_events (application_id, seq)`);
  await installAppendOnlyTriggers(db, 'charity_aid_events');

  await run(`CREATE TABLE charity_evidence (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES charity_aid_applications (id),
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT
  ) STRICT`);
  await run(`CREATE INDEX charity_evidence_app ON charity_evidence (application_id)`);
  await installAppendOnlyTriggers(db, 'charity_evidence');

  await run(`CREATE TABLE charity_reconciliations (
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL,
    ${fen('cash_counted_fen')},
    ${fen('bank_statement_fen')},
    cash_ledger_fen INTEGER NOT NULL,
    bank_ledger_fen INTEGER NOT NULL,
    difference_fen INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT
  ) STRICT`);
  await installAppendOnlyTriggers(db, 'charity_reconciliations');

  await run(`CREATE TABLE charity_notices (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL CHECK (scope IN ('month', 'quarter', 'campaign')),
    period_key TEXT NOT NULL,
    title TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    first_seq INTEGER,
    last_seq INTEGER,
    head_seq INTEGER NOT NULL CHECK (head_seq >= 0),
    head_hash TEXT NOT NULL,
    body_json TEXT NOT NULL CHECK (json_valid(body_json)),
    notice_days INTEGER NOT NULL CHECK (notice_days >= 1),
    objection_phone TEXT NOT NULL,
    supersedes_id TEXT UNIQUE REFERENCES charity_notices (id),
    correction_reason TEXT,
    published_at TEXT NOT NULL,
    published_by TEXT,
    published_by_name TEXT NOT NULL,
    CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
  ) STRICT`);
  await run(`CREATE INDEX charity_notices_period ON charity_notices (period_key, published_at)`);
  await run(`CREATE INDEX charity_notices_published ON charity_notices (published_at)`);
  await installAppendOnlyTriggers(db, 'charity_notices');
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, type MigratingFile } from './support';

describe('migration 0016: posted donations’ running totals', () => {
  let f: MigratingFile;
  const donation = (id: string, amount: number, entrySeq: number | null, on = '2026-10-12') =>
    f.sqlite
      .prepare(
        `INSERT INTO charity_donations (id, donor_id, kind, method, reference, amount_fen, fund_code, campaign_id, pledge_id, batch_id, received_on,
           disclosure, receipt_declined, withdrawn, note, entry_seq, created_at, created_by, updated_at, updated_by)
         VALUES (?, NULL, 'cash', '现金', '', ?, 'GEN', NULL, NULL, NULL, ?, NULL, 0, 0, '', ?, 'now', NULL, 'now', NULL)`,
      )
      .run(id, amount, on, entrySeq);
  beforeAll(async () => {
    f = await fileAt('0015_charity_ui');
    // Entries for the donations to point at (the chain itself is not what this migration is about).
    for (let seq = 1; seq <= 4; seq++)
      f.sqlite
        .prepare(
          `INSERT INTO charity_entries (seq, id, entry_date, kind, memo, posted_at, actor_name, prev_hash, hash)
           VALUES (?, ?, '2026-10-12', 'donation', '捐赠收入', 'now', '李出纳', ?, ?)`,
        )
        .run(seq, `e-${seq}`, '0'.repeat(64), `h${seq}`);
    // Two posted donations and one still in an open batch, written before 0016.
    donation('d-1', 5_000, 1);
    donation('d-2', 7_000, 2);
    donation('d-3', 9_000, null);
    await f.migrateTo('0016_charity_speed');
  });
  afterAll(() => f.close());

  const totals = () => f.sqlite.prepare('SELECT month, donor_id, kind, amount_fen FROM charity_donation_totals ORDER BY month').all();

  it('builds the totals of the donations already posted, and only those', () => {
    expect(totals()).toEqual([{ month: '2026-10', donor_id: '', kind: 'cash', amount_fen: 12_000 }]);
  });

  it('adds a donation when it is posted, or written posted', () => {
    f.sqlite.prepare("UPDATE charity_donations SET entry_seq = 3 WHERE id = 'd-3'").run();
    donation('d-4', 1_000, 4, '2026-11-02');
    expect(totals()).toEqual([
      { month: '2026-10', donor_id: '', kind: 'cash', amount_fen: 21_000 },
      { month: '2026-11', donor_id: '', kind: 'cash', amount_fen: 1_000 },
    ]);
  });
});

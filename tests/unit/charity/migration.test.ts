import { describe, expect, it } from 'vitest';
import { openTestHall } from '../support/core';

/** Migrations 0013 (number sequences) and 0014 (charity): tables STRICT, the rules held by triggers and CHECKs. */
describe('migrations 0013_number_sequences and 0014_charity', () => {
  it('create STRICT tables, the chart of accounts, the general fund, and every append-only trigger', async () => {
    const hall = await openTestHall();
    const raw = hall.core.services.sqlite;
    const tables = raw.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND (name LIKE 'charity_%' OR name = 'number_sequences')").all() as {
      name: string;
      sql: string;
    }[];
    // 0016_charity_speed adds the posted donations' running totals (charity_donation_totals).
    expect(tables).toHaveLength(21);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    expect(raw.prepare('SELECT code, type FROM charity_accounts ORDER BY code').all()).toEqual([
      { code: '1001', type: 'asset' },
      { code: '1002', type: 'asset' },
      { code: '1003', type: 'asset' },
      { code: '1401', type: 'asset' },
      { code: '4101', type: 'income' },
      { code: '5101', type: 'expense' },
    ]);
    expect(raw.prepare('SELECT code, kind FROM charity_funds').all()).toEqual([{ code: 'GEN', kind: 'unrestricted' }]);
    const triggers = (raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'charity_%'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const t of [
      'charity_entries',
      'charity_lines',
      'charity_notices',
      'charity_evidence',
      'charity_aid_events',
      'charity_periods',
      'charity_stock_moves',
    ]) {
      expect(triggers, t).toContain(`${t}_no_update`);
      expect(triggers, t).toContain(`${t}_no_delete`);
    }
    for (const t of ['charity_donors', 'charity_donations', 'charity_receipts', 'charity_aid_applications', 'charity_funds'])
      expect(triggers, t).toContain(`${t}_no_delete`);
    // Money columns refuse what is not whole, non-negative fen, whoever writes.
    expect(() => raw.exec("INSERT INTO charity_reconciliations VALUES ('r', '2026-10', -1, 0, 0, 0, 0, '', 'now', NULL)")).toThrow(/CHECK/);
    expect(() => raw.exec("INSERT INTO charity_reconciliations VALUES ('r', '2026-10', 1.5, 0, 0, 0, 0, '', 'now', NULL)")).toThrow(
      /cannot store REAL|CHECK|datatype/,
    );
    expect(() => raw.exec("UPDATE charity_funds SET code = 'X' WHERE code = 'GEN'")).toThrow('charity.fund_code_fixed');
    await hall.close();
  });
});

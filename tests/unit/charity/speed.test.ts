import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { seedCharity } from '../../../src/main/core/features/charity/seed';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';
import { charityChain, journalRows } from '../../../src/main/core/features/charity/chain';
import { verifyChain } from '../../../src/main/core/chains/hash';
import { cutRanges, joinRanges, verifyRange } from '../../../src/main/core/features/charity/verify-range';
import { seedBenchJournal } from '../../../src/main/core/features/charity/bench-seed';
import {
  amountToFen,
  compareWithHledger,
  fenToAmount,
  hledgerBalances,
  hledgerVersion,
  writeHledgerJournal,
  type LinliFundFigures,
} from '../../../src/main/core/features/charity/bench-hledger';

/**
 * Issue 12's speed work, checked on real files: the hledger exporter beside hledger itself, the dashboard's
 * running totals beside the donations they sum, and the fast chain check over several pages of a bench book.
 */
let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await seedResidents(hall.core.services, { residents: 200, seed: 'speed', actor: { id: null, name: 'test' } });
  await seedCharity(hall.core.services, { seed: 'speed' });
}, 120_000);
afterAll(() => hall.close());

const all = <T>(sql: string, ...params: unknown[]) => hall.core.services.sqlite.prepare(sql).all(...params) as T[];

describe('the hledger exporter', () => {
  it('writes fen as yuan with two decimals and reads them back exactly', () => {
    expect([0, 1, 99, 100, 50_000, 123_456_789, -1, -50_005].map(fenToAmount)).toEqual([
      '0.00',
      '0.01',
      '0.99',
      '1.00',
      '500.00',
      '1234567.89',
      '-0.01',
      '-500.05',
    ]);
    for (const fen of [0, 1, 99, 100, 50_000, 123_456_789, -1, -50_005]) expect(amountToFen(fenToAmount(fen))).toBe(fen);
    expect(amountToFen('0')).toBe(0);
    expect(amountToFen('-3.5')).toBe(-350);
    expect(() => amountToFen('CNY 3.00')).toThrow('not an hledger amount');
  });

  it('writes one transaction per entry, a posting per line, debits positive, and a memo’s ; as ；', () => {
    const file = path.join(hall.dir, 'small.journal');
    const n = writeHledgerJournal(hall.core.services.sqlite, file);
    const entries = all<{ n: number }>('SELECT count(*) AS n FROM charity_entries')[0].n;
    expect(n).toBe(entries);
    const text = fs.readFileSync(file, 'utf8');
    const first = all<{ entry_date: string; memo: string }>('SELECT entry_date, memo FROM charity_entries WHERE seq = 1')[0];
    const firstLines = all<{ account_code: string; fund_code: string; debit: number; credit: number }>(
      'SELECT account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq = 1 ORDER BY line_no',
    );
    const expected = [
      `${first.entry_date} (1) ${first.memo.replace(/;/g, '；')}`,
      ...firstLines.map((l) => `    ${l.fund_code}:${l.account_code}  ${fenToAmount(l.debit - l.credit)}`),
    ];
    expect(text.split('\n').slice(0, expected.length)).toEqual(expected);
    expect(text.split('\n').filter((l) => l.startsWith('    ')).length).toBe(all<{ n: number }>('SELECT count(*) AS n FROM charity_lines')[0].n);
  });

  it.skipIf(!hledgerVersion())(
    'hledger’s balance of the export equals Linli’s fund balances, account by account (skipped where hledger is not installed: apt-get install -y hledger)',
    async () => {
      const file = path.join(hall.dir, 'check.journal');
      writeHledgerJournal(hall.core.services.sqlite, file);
      const totals = hledgerBalances(file);
      const types = new Map(all<{ code: string; type: string }>('SELECT code, type FROM charity_accounts').map((a) => [a.code, a.type]));
      const funds = (await hall.call('charity.listFunds', {})) as LinliFundFigures[];
      expect(totals.size).toBeGreaterThan(4);
      expect(compareWithHledger(totals, types, funds)).toEqual([]);
      // And a difference is found: one fund's cash off by one fen.
      const tampered = new Map(totals);
      const cash = [...tampered.keys()].find((k) => k.endsWith(':1001'))!;
      tampered.set(cash, tampered.get(cash)! + 1);
      expect(compareWithHledger(tampered, types, funds)).toEqual([expect.stringContaining(`${cash}: hledger`)]);
    },
  );
});

describe('the posted donations’ running totals (dashboard, pledges)', () => {
  it('equal the donations they sum, and the dashboard reads the same figures as from the donations themselves', async () => {
    const fromTotals = all<{ k: string; n: number }>(
      "SELECT month || '|' || donor_id || '|' || campaign_id || '|' || pledge_id || '|' || kind AS k, amount_fen AS n FROM charity_donation_totals ORDER BY k",
    );
    const fromDonations = all<{ k: string; n: number }>(
      `SELECT substr(received_on, 1, 7) || '|' || coalesce(donor_id, '') || '|' || coalesce(campaign_id, '') || '|' || coalesce(pledge_id, '') || '|' || kind AS k,
        sum(amount_fen) AS n FROM charity_donations WHERE entry_seq IS NOT NULL GROUP BY k ORDER BY k`,
    );
    expect(fromTotals.length).toBeGreaterThan(10);
    expect(fromTotals).toEqual(fromDonations);

    const year = Number(all<{ m: string }>('SELECT max(received_on) AS m FROM charity_donations')[0].m.slice(0, 4));
    const dash = await hall.call('charity.dashboard', { year });
    const byMonth = all<{ month: string; cash: number; goods: number }>(
      `SELECT substr(received_on, 1, 7) AS month, sum(CASE WHEN kind = 'cash' THEN amount_fen ELSE 0 END) AS cash,
        sum(CASE WHEN kind = 'goods' THEN amount_fen ELSE 0 END) AS goods FROM charity_donations
        WHERE received_on BETWEEN ? AND ? AND entry_seq IS NOT NULL GROUP BY month ORDER BY month`,
      `${year}-01-01`,
      `${year}-12-31`,
    );
    expect(dash.donationsByMonth).toEqual(byMonth.map((r) => ({ month: r.month, cashFen: r.cash, goodsFen: r.goods })));
    const top = all<{ id: string; total: number }>(
      `SELECT p.id, sum(d.amount_fen) AS total FROM charity_donations d JOIN charity_donors p ON p.id = d.donor_id
        WHERE p.consent_on IS NOT NULL AND p.disclosure = 'full' AND d.entry_seq IS NOT NULL AND d.received_on BETWEEN ? AND ?
        GROUP BY p.id ORDER BY total DESC LIMIT 10`,
      `${year}-01-01`,
      `${year}-12-31`,
    );
    expect(dash.topDonors.length).toBeGreaterThan(0);
    expect(dash.topDonors.map((d) => d.totalFen)).toEqual(top.map((t) => t.total));
    const campaigns = all<{ id: string; received: number }>(
      `SELECT c.id, coalesce(sum(d.amount_fen), 0) AS received FROM charity_campaigns c LEFT JOIN charity_donations d ON d.campaign_id = c.id
        AND d.entry_seq IS NOT NULL GROUP BY c.id`,
    );
    expect(Object.fromEntries(dash.donationsByCampaign.map((c) => [c.campaignId, c.receivedFen]))).toEqual(
      Object.fromEntries(campaigns.map((c) => [c.id, c.received])),
    );
    expect(campaigns.some((c) => c.received > 0)).toBe(true);
  });

  it('a donation recorded and posted through the handler is added once, to its month, donor and kind', async () => {
    const donor = (await hall.call('charity.saveDonor', { kind: 'person', name: '钱多多', disclosure: 'masked' })) as { id: string };
    const month = all<{ m: string }>('SELECT max(received_on) AS m FROM charity_donations')[0].m;
    const before = all<{ n: number }>('SELECT coalesce(sum(amount_fen), 0) AS n FROM charity_donation_totals WHERE donor_id = ?', donor.id)[0].n;
    await hall.call('charity.recordDonation', { donorId: donor.id, kind: 'cash', method: '现金', amountFen: 12_345, fundCode: 'GEN', receivedOn: month });
    const after = all<{ month: string; kind: string; amount_fen: number }>(
      'SELECT month, kind, amount_fen FROM charity_donation_totals WHERE donor_id = ?',
      donor.id,
    );
    expect(before).toBe(0);
    expect(after).toEqual([{ month: month.slice(0, 7), kind: 'cash', amount_fen: 12_345 }]);
  });
});

describe('the fast chain check over several pages of a bench book', () => {
  let file: string;
  beforeAll(async () => {
    // 24,000 lines: 12,000 entries, the fast check's pages of 5,000 crossed twice.
    const bench = await openTestHall();
    const token = bench.adminToken;
    const j = await seedBenchJournal(bench.core, token, { lines: 24_000, noticeRows: 3_000 });
    expect(j.entries).toBe(12_000);
    file = path.join(hall.dir, 'bench-copy.sqlite');
    await bench.core.services.sqlite.backup(file);
    await bench.close();
  }, 120_000);

  /** A copy with the journal's triggers dropped, changed by raw SQL; the fast verdict must equal the generic walk's. */
  function verdictAfter(change: (raw: SqliteDatabase.Database) => void) {
    const copy = path.join(hall.dir, `damaged-${Math.random().toString(36).slice(2)}.sqlite`);
    fs.copyFileSync(file, copy);
    const raw = new SqliteDatabase(copy);
    for (const t of ['charity_entries_no_update', 'charity_entries_no_delete', 'charity_lines_no_update', 'charity_lines_no_delete'])
      raw.exec(`DROP TRIGGER ${t}`);
    raw.pragma('foreign_keys = OFF');
    change(raw);
    const verdict = charityChain.verify(raw);
    expect(verdict).toEqual(verifyChain(journalRows(raw), { contiguous: true }));
    // Checked in ranges side by side (as every core does it) and joined: the same verdict, wherever the cuts fall.
    for (const parts of [2, 3, 7, 12])
      expect(joinRanges(cutRanges(12_000, parts).map(([from, to]) => verifyRange(raw, from, to))), `${parts} ranges`).toEqual(verdict);
    raw.close();
    fs.rmSync(copy);
    return verdict;
  }

  it('an intact book verifies, every entry counted', () => {
    expect(verdictAfter(() => undefined)).toMatchObject({ ok: true, count: 12_000, firstBroken: null });
  });

  it('a changed amount on the second page names that entry', () => {
    const v = verdictAfter((raw) =>
      raw.exec(
        'UPDATE charity_lines SET debit = debit + 100 WHERE entry_seq = 7501 AND debit > 0; UPDATE charity_lines SET credit = credit + 100 WHERE entry_seq = 7501 AND credit > 0',
      ),
    );
    expect(v).toMatchObject({ ok: false, count: 7501, firstBroken: { seq: 7501, reason: 'hash_mismatch' } });
  });

  it('a deleted entry at a page boundary names the entry after it', () => {
    const v = verdictAfter((raw) => raw.exec('DELETE FROM charity_lines WHERE entry_seq = 5000; DELETE FROM charity_entries WHERE seq = 5000'));
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 5001, reason: 'sequence_gap' } });
  });

  it('two entries swapped across a page boundary name the first of them', () => {
    const v = verdictAfter((raw) =>
      raw.exec(`UPDATE charity_entries SET seq = -1 WHERE seq = 5000; UPDATE charity_entries SET seq = 5000 WHERE seq = 5001;
        UPDATE charity_entries SET seq = 5001 WHERE seq = -1;
        UPDATE charity_lines SET entry_seq = -1 WHERE entry_seq = 5000; UPDATE charity_lines SET entry_seq = 5000 WHERE entry_seq = 5001;
        UPDATE charity_lines SET entry_seq = 5001 WHERE entry_seq = -1`),
    );
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 5000, reason: 'prev_hash_mismatch' } });
  });

  it('a deleted first entry, and an entry deleted where two ranges meet, name the entry after them', () => {
    expect(verdictAfter((raw) => raw.exec('DELETE FROM charity_lines WHERE entry_seq = 1; DELETE FROM charity_entries WHERE seq = 1'))).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, reason: 'sequence_gap' },
    });
    expect(verdictAfter((raw) => raw.exec('DELETE FROM charity_lines WHERE entry_seq = 6001; DELETE FROM charity_entries WHERE seq = 6001'))).toMatchObject({
      ok: false,
      count: 6001,
      firstBroken: { seq: 6002, reason: 'sequence_gap' },
    });
  });

  it('a line moved to another fund (its hash recomputed by no one) is named by its hash', () => {
    const v = verdictAfter((raw) =>
      raw.exec("UPDATE charity_lines SET fund_code = CASE fund_code WHEN 'MED' THEN 'EDU' ELSE 'MED' END WHERE entry_seq = 11999 AND line_no = 2"),
    );
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 11999, reason: 'hash_mismatch' } });
  });
});

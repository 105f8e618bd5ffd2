import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { postEntry, reverseEntry, type JournalLine } from '../../../src/main/core/features/charity/journal';
import { fundBalance, fundTotals } from '../../../src/main/core/features/charity/balances';
import { closeMonth, carriedBalances } from '../../../src/main/core/features/charity/periods';
import { charityChain, journalRows } from '../../../src/main/core/features/charity/chain';
import { verifyChain } from '../../../src/main/core/chains/hash';
import { allocateNumber } from '../../../src/main/core/sequences/sequences';
import { toAppError } from '../../../src/main/core/dispatch';

/** The journal core against a real file: balance, whole fen, append-only, the chain, close and carry. */

let hall: TestHall;
beforeEach(async () => {
  hall = await openTestHall();
  hall.core.services.sqlite.exec(`INSERT INTO charity_funds (id, code, name, kind, created_at, updated_at)
    VALUES ('f-edu', 'EDU', '助学定向基金', 'restricted', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
});
afterEach(() => hall.close());

const at = '2026-11-02T02:00:00.000Z';
const cashIn = (fund: string, fen: number): JournalLine[] => [
  { account: '1001', fund, debit: fen, credit: 0 },
  { account: '4101', fund, debit: 0, credit: fen },
];
const cashOut = (fund: string, fen: number): JournalLine[] => [
  { account: '5101', fund, debit: fen, credit: 0 },
  { account: '1001', fund, debit: 0, credit: fen },
];
const post = (lines: JournalLine[], date = '2026-11-02', kind: 'donation' | 'disbursement' = 'donation') =>
  postEntry(hall.core.services.db, { date, kind, memo: kind === 'donation' ? '捐赠收入' : '救助支出', lines, actorName: '李出纳', postedAt: at });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return toAppError(err).code;
  }
  throw new Error('expected a refusal');
}

describe('charity journal', () => {
  it('posts balanced entries in whole fen and keeps fund balances', async () => {
    await post(cashIn('GEN', 10_000));
    await post(cashIn('EDU', 50_050));
    await post(cashOut('EDU', 20_000), '2026-11-03', 'disbursement');
    expect(await fundBalance(hall.core.services.db, 'EDU')).toBe(30_050);
    const totals = await fundTotals(hall.core.services.db);
    expect(totals.get('EDU')).toMatchObject({ balance: 30_050, income: 50_050, expense: 20_000 });
    expect(totals.get('GEN')).toMatchObject({ balance: 10_000, accounts: { '1001': 10_000 } });
    expect(charityChain.verify(hall.core.services.sqlite)).toMatchObject({ ok: true, count: 3 });
  });

  it('refuses unbalanced entries, fractions of a fen, negative and absurd amounts, and writes nothing', async () => {
    expect(
      await codeOf(
        post([
          { account: '1001', fund: 'GEN', debit: 100, credit: 0 },
          { account: '4101', fund: 'GEN', debit: 0, credit: 99 },
        ]),
      ),
    ).toBe('charity.unbalanced');
    expect(await codeOf(post(cashIn('GEN', 10.5)))).toBe('charity.bad_amount');
    expect(await codeOf(post(cashIn('GEN', -100)))).toBe('charity.bad_amount');
    expect(await codeOf(post(cashIn('GEN', 1e16)))).toBe('charity.bad_amount');
    // Balanced overall but not within each fund: money cannot move between funds unnoticed.
    expect(
      await codeOf(
        post([
          { account: '1001', fund: 'GEN', debit: 100, credit: 0 },
          { account: '4101', fund: 'EDU', debit: 0, credit: 100 },
        ]),
      ),
    ).toBe('charity.unbalanced');
    const raw = hall.core.services.sqlite;
    expect(raw.prepare('SELECT count(*) AS n FROM charity_entries').get()).toEqual({ n: 0 });
    // The table's own CHECKs hold for raw SQL too.
    await post(cashIn('GEN', 100));
    expect(() => raw.exec("INSERT INTO charity_lines VALUES (1, 3, '1001', 'GEN', -5, 0)")).toThrow(/CHECK constraint/);
    expect(() => raw.exec("INSERT INTO charity_lines VALUES (1, 3, '1001', 'GEN', 5, 5)")).toThrow(/CHECK constraint/);
  });

  it('never lets a fund go below zero', async () => {
    await post(cashIn('EDU', 1_000));
    expect(await codeOf(post(cashOut('EDU', 1_001), '2026-11-02', 'disbursement'))).toBe('charity.fund_overspent');
    expect(await fundBalance(hall.core.services.db, 'EDU')).toBe(1_000);
  });

  it('is append-only: UPDATE and DELETE are refused, and a correction is a reversing entry with a reason', async () => {
    const seq = await post(cashIn('GEN', 8_800));
    const raw = hall.core.services.sqlite;
    expect(() => raw.exec('UPDATE charity_lines SET debit = 1 WHERE entry_seq = 1 AND line_no = 1')).toThrow('db.append_only');
    expect(() => raw.exec('DELETE FROM charity_entries')).toThrow('db.append_only');
    const rev = await reverseEntry(hall.core.services.db, { seq, reason: '金额录错', date: '2026-11-05', actorName: '李出纳', postedAt: at });
    expect(await fundBalance(hall.core.services.db, 'GEN')).toBe(0);
    expect(raw.prepare('SELECT kind, reverses_seq, reason FROM charity_entries WHERE seq = ?').get(rev)).toEqual({
      kind: 'reversal',
      reverses_seq: seq,
      reason: '金额录错',
    });
    expect(await codeOf(reverseEntry(hall.core.services.db, { seq, reason: '再冲一次', date: '2026-11-05', actorName: '李出纳', postedAt: at }))).toBe(
      'charity.already_reversed',
    );
    // A line cannot be slipped onto an older entry.
    expect(() => raw.exec("INSERT INTO charity_lines VALUES (1, 3, '1001', 'GEN', 5, 0)")).toThrow('db.append_only');
  });

  it('closes a month: posting into it is refused, the next month opens with the carried balances', async () => {
    await post(cashIn('GEN', 5_000), '2026-10-20');
    await post(cashIn('EDU', 7_000), '2026-10-21');
    const db = hall.core.services.db;
    expect(await codeOf(closeMonth(db, { month: '2026-11', today: '2026-11-22', actorId: null, actorName: '李出纳', at }))).toBe('charity.month_not_over');
    await closeMonth(db, { month: '2026-10', today: '2026-11-22', actorId: null, actorName: '李出纳', at });
    expect(await codeOf(post(cashIn('GEN', 100), '2026-10-31'))).toBe('charity.period_closed');
    expect(() =>
      hall.core.services.sqlite.exec(`INSERT INTO charity_entries (seq, id, entry_date, kind, memo, posted_at, actor_name, prev_hash, hash)
      VALUES (9, 'x', '2026-09-01', 'donation', 'm', 'now', 'a', 'p', 'h')`),
    ).toThrow('charity.period_closed');
    const carried = await carriedBalances(db, '2026-10');
    expect(carried?.map((f) => [f.fund, f.balance]).sort()).toEqual([
      ['EDU', 7_000],
      ['GEN', 5_000],
    ]);
    await post(cashIn('GEN', 100), '2026-11-01');
    expect(await fundBalance(db, 'GEN')).toBe(5_100);
    // Months close in order: December cannot be closed before November.
    expect(await codeOf(closeMonth(db, { month: '2026-12', today: '2027-01-05', actorId: null, actorName: '李出纳', at }))).toBe('charity.close_in_order');
    await closeMonth(db, { month: '2026-11', today: '2027-01-05', actorId: null, actorName: '李出纳', at });
    await closeMonth(db, { month: '2026-12', today: '2027-01-05', actorId: null, actorName: '李出纳', at });
  });
});

describe('the journal chain detects tampering in a copy', () => {
  /** A copy of the file with the journal's triggers dropped, as someone editing it with raw SQL would. */
  async function tamperedCopy(change: (raw: SqliteDatabase.Database) => void) {
    for (let i = 1; i <= 4; i++) await post(cashIn('GEN', i * 1_000), `2026-11-0${i}`);
    const copy = path.join(hall.dir, 'copy.sqlite');
    await hall.core.services.sqlite.backup(copy);
    const raw = new SqliteDatabase(copy);
    for (const t of ['charity_entries_no_update', 'charity_entries_no_delete', 'charity_lines_no_update', 'charity_lines_no_delete'])
      raw.exec(`DROP TRIGGER ${t}`);
    change(raw);
    const verdict = charityChain.verify(raw);
    // The fast path's verdict is the generic walk's, row for row.
    expect(verdict).toEqual(verifyChain(journalRows(raw), { contiguous: true }));
    raw.close();
    fs.rmSync(copy);
    return verdict;
  }

  it('a changed amount, naming the entry', async () => {
    const v = await tamperedCopy((raw) =>
      raw.exec(
        `UPDATE charity_lines SET debit = 999, credit = 0 WHERE entry_seq = 3 AND line_no = 1; UPDATE charity_lines SET credit = 999 WHERE entry_seq
          = 3 AND line_no = 2`,
      ),
    );
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash_mismatch' } });
  });

  it('a deleted entry', async () => {
    const v = await tamperedCopy((raw) => raw.exec('DELETE FROM charity_lines WHERE entry_seq = 2; DELETE FROM charity_entries WHERE seq = 2'));
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'sequence_gap' } });
  });

  it('a deleted entry whose successors were renumbered', async () => {
    const v = await tamperedCopy((raw) => {
      raw.pragma('foreign_keys = OFF');
      raw.exec('DELETE FROM charity_lines WHERE entry_seq = 2; DELETE FROM charity_entries WHERE seq = 2');
      raw.exec('UPDATE charity_entries SET seq = seq - 1 WHERE seq > 2; UPDATE charity_lines SET entry_seq = entry_seq - 1 WHERE entry_seq > 2');
    });
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'prev_hash_mismatch' } });
  });

  it('a swapped order', async () => {
    const v = await tamperedCopy((raw) => {
      raw.pragma('foreign_keys = OFF');
      raw.exec(`UPDATE charity_entries SET seq = 100 WHERE seq = 2; UPDATE charity_entries SET seq = 2 WHERE seq = 3;
        UPDATE charity_entries SET seq = 3 WHERE seq = 100;
        UPDATE charity_lines SET entry_seq = 100 WHERE entry_seq = 2; UPDATE charity_lines SET entry_seq = 2 WHERE entry_seq = 3;
        UPDATE charity_lines SET entry_seq = 3 WHERE entry_seq = 100;`);
    });
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'prev_hash_mismatch' } });
  });

  it('an unbalanced entry whose hash was recomputed is still named', async () => {
    const v = await tamperedCopy((raw) => raw.exec('DELETE FROM charity_lines WHERE entry_seq = 4 AND line_no = 2'));
    expect(v.ok).toBe(false);
    expect(v.firstBroken?.seq).toBe(4);
  });
});

describe('the fast chain check encodes as the generic walk does', () => {
  it('memos that need escapes, entries over several funds, a reversal: both walks agree, and a changed memo is named', async () => {
    const db = hall.core.services.db;
    const memos = ['引号"与反斜杠\\', '换行\n制表\t回车\r', '控制\u0001\u001f与\u2028分隔', 'emoji 🎉 与 \u00e9'];
    for (const [i, memo] of memos.entries())
      await postEntry(db, { date: '2026-11-02', kind: 'donation', memo, lines: cashIn(i % 2 ? 'EDU' : 'GEN', 1_000 + i), actorName: '李"出纳', postedAt: at });
    // Four lines over two funds, each fund balanced.
    await postEntry(db, {
      date: '2026-11-03',
      kind: 'donation',
      memo: '两个基金',
      lines: [...cashIn('GEN', 500), ...cashIn('EDU', 700)],
      actorName: 'a',
      postedAt: at,
    });
    await reverseEntry(db, { seq: 1, reason: '录错"了"', actorName: '李出纳', postedAt: at, date: '2026-11-04' });
    const raw = hall.core.services.sqlite;
    const generic = verifyChain(journalRows(raw), { contiguous: true });
    expect(generic).toMatchObject({ ok: true, count: 6 });
    expect(charityChain.verify(raw)).toEqual(generic);
    const copy = path.join(hall.dir, 'escapes.sqlite');
    await raw.backup(copy);
    const tampered = new SqliteDatabase(copy);
    tampered.exec("DROP TRIGGER charity_entries_no_update; UPDATE charity_entries SET memo = '换行\n制表\t回车 ' WHERE seq = 2");
    expect(charityChain.verify(tampered)).toEqual(verifyChain(journalRows(tampered), { contiguous: true }));
    expect(charityChain.verify(tampered).firstBroken).toEqual({ seq: 2, reason: 'hash_mismatch' });
    tampered.close();
  });
});

describe('gapless number sequences', () => {
  it('numbers run 1, 2, 3 per name and year, and a rolled-back transaction gives its number back', async () => {
    const db = hall.core.services.db;
    expect(await allocateNumber(db, 'receipt', 2026)).toBe(1);
    expect(await allocateNumber(db, 'receipt', 2026)).toBe(2);
    expect(await allocateNumber(db, 'receipt', 2027)).toBe(1);
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await allocateNumber(trx, 'receipt', 2026)).toBe(3);
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(await allocateNumber(db, 'receipt', 2026)).toBe(3);
    const raw = hall.core.services.sqlite;
    expect(() => raw.exec("UPDATE number_sequences SET last = 10 WHERE name = 'receipt' AND year = 2026")).toThrow('sequences.out_of_order');
    expect(() => raw.exec('DELETE FROM number_sequences')).toThrow('db.append_only');
  });
});

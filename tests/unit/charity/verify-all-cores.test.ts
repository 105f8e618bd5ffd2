import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { adminPassword, openTestHall, type TestHall } from '../support/core';
import { ensureBuiltCli, runBuiltCli } from '../support/built-cli';
import { seedBenchJournal } from '../../../src/main/core/features/charity/bench-seed';

/**
 * The built `linli charity verify` on a journal large enough to be checked a range per core in worker
 * threads (the bundle's verify-worker): the same verdict as the one walk, on an intact and a damaged copy.
 */
let hall: TestHall;
let file: string;
let quarter: string;
beforeAll(async () => {
  ensureBuiltCli();
  hall = await openTestHall();
  const j = await seedBenchJournal(hall.core, hall.adminToken, { lines: 120_000, noticeRows: 3_000 });
  expect(j.entries).toBe(60_000);
  quarter = j.noticeQuarter;
  file = path.join(hall.dir, 'journal.sqlite');
  await hall.core.services.sqlite.backup(file);
}, 300_000);
afterAll(() => hall.close());

describe('linli charity verify, every core', () => {
  it('counts an intact journal of 60,000 entries, and names the first broken entry in a copy', async () => {
    const ok = await runBuiltCli(['charity', 'verify', '--db', file, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, count: 60_000, firstBroken: null });

    const copy = path.join(hall.dir, 'damaged.sqlite');
    fs.copyFileSync(file, copy);
    const raw = new SqliteDatabase(copy);
    raw.exec('DROP TRIGGER charity_lines_no_update');
    // In the second half: a range other than the first names it, and the verdict counts every entry before it.
    raw.exec(
      'UPDATE charity_lines SET debit = debit + 1 WHERE entry_seq = 45001 AND debit > 0; UPDATE charity_lines SET credit = credit + 1 WHERE entry_seq = 45001 AND credit > 0',
    );
    raw.close();
    const bad = await runBuiltCli(['charity', 'verify', '--db', copy, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, count: 45_001, firstBroken: { seq: 45_001, reason: 'hash_mismatch' } });
  }, 120_000);
});

describe('linli charity notice, a quarter of 3,000 rows', () => {
  it('is refused, in the writer worker, when a name on it carries a phone number', async () => {
    const copy = path.join(hall.dir, 'phone-in-name.sqlite');
    fs.copyFileSync(file, copy);
    const raw = new SqliteDatabase(copy);
    // A donor who agreed to be named, whose name was typed with a phone in it.
    raw
      .prepare(
        `UPDATE charity_donors SET name = '李13812345678', disclosure = 'full', consent_on = '2024-12-01'
          WHERE id = (SELECT donor_id FROM charity_donations WHERE donor_id IS NOT NULL AND received_on LIKE ? ORDER BY received_on LIMIT 1)`,
      )
      .run(`${quarter.slice(0, 4)}-%`);
    raw.close();
    const out = path.join(hall.dir, 'refused.pdf');
    const r = await runBuiltCli(
      ['charity', 'notice', '--db', copy, '--period', quarter, '--format', 'pdf', '--out', out, '--user', 'admin'],
      `${adminPassword}\n`,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/138\*{4}5678/);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it('is written by the direct PDF writer in its worker thread, every row read back', async () => {
    const out = path.join(hall.dir, 'quarter.pdf');
    const r = await runBuiltCli(
      ['charity', 'notice', '--db', file, '--period', quarter, '--format', 'pdf', '--out', out, '--user', 'admin'],
      `${adminPassword}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    // The bundle's write-worker embeds the CJK faces as subsets (Chromium would have drawn Type 3 glyphs).
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toContain('Type 3');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('收支公示');
    // Every row of both tables, numbered from 1 in each: 3,000 numbers at the start of a line, and the totals.
    expect(text.match(/^\s*\d+\s+20\d\d-\d\d-\d\d\s/gm)?.length).toBe(3_000);
    expect(text).toContain('合计');
  }, 120_000);
});

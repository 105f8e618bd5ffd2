import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword } from '../support/core';
import { linli } from '../cli/run-cli';
import { cash, openCharityHall, type CharityHall } from './fixture';

/** `linli charity …` against a real file made through the contract. */
let hall: CharityHall;
let db: string;
beforeAll(async () => {
  hall = await openCharityHall();
  for (let i = 1; i <= 5; i++) await hall.call('charity.recordDonation', cash(i * 1_000, { receivedOn: `2026-11-0${i}` }), hall.treasurer);
  db = hall.dbPath;
  await hall.close();
}, 30_000);
afterAll(() => fs.rmSync(hall.dir, { recursive: true, force: true }));

describe('linli charity', () => {
  it('verify: the chain holds; in a copy with a changed amount it names the entry', async () => {
    const ok = await linli(['charity', 'verify', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('慈善账本链完整：共 5 笔分录');
    const copy = path.join(hall.dir, 'copy.sqlite');
    fs.copyFileSync(db, copy);
    const raw = new SqliteDatabase(copy);
    raw.exec(
      `DROP TRIGGER charity_lines_no_update; UPDATE charity_lines SET debit = 9999 WHERE entry_seq = 3 AND line_no = 1; UPDATE charity_lines SET
        credit = 9999 WHERE entry_seq = 3 AND line_no = 2`,
    );
    raw.close();
    const bad = await linli(['charity', 'verify', '--db', copy]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第 3 号分录处断开：记录内容与其哈希值不符');
    // `linli verify` walks the same chain.
    const all = await linli(['verify', '--db', copy, '--json']);
    expect(all.code).toBe(1);
    expect((JSON.parse(all.stdout) as { chains: { chain: string; ok: boolean }[] }).chains.find((c) => c.chain === 'charity')?.ok).toBe(false);
  });

  it('notice publishes, export-public writes the ledger, verify-notice checks the digest without the database', async () => {
    const out = path.join(hall.dir, 'notice.pdf');
    const n = await linli(
      ['charity', 'notice', '--db', db, '--period', '2026-11', '--format', 'csv', '--out', out, '--user', 'admin', '--json'],
      `${adminPassword}\n`,
    );
    expect(n.stderr).toBe('');
    expect(n.code).toBe(0);
    const published = JSON.parse(n.stdout) as { number: string; digest: string; firstSeq: number; lastSeq: number };
    expect(published).toMatchObject({ number: 'G2026-000001', firstSeq: 1, lastSeq: 5 });
    expect(fs.readFileSync(out, 'utf8')).toContain(published.digest);
    // A second run prints the same notice again, it does not publish another.
    const again = await linli(
      ['charity', 'notice', '--db', db, '--period', '2026-11', '--format', 'html', '--out', out + '.html', '--user', 'admin'],
      `${adminPassword}\n`,
    );
    expect(again.stdout).toContain('重新打印已发布的公示 G2026-000001');

    const ledgerFile = path.join(hall.dir, 'ledger.json');
    expect((await linli(['charity', 'export-public', '--db', db, '--out', ledgerFile])).code).toBe(0);
    const good = await linli(['charity', 'verify-notice', '--public', ledgerFile, '--digest', published.digest]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('公示与公开账本相符：链头哈希对应第 5 号分录');

    const ledger = JSON.parse(fs.readFileSync(ledgerFile, 'utf8')) as { entries: { lines: number[][] }[] };
    ledger.entries[1].lines[0][2] = 1;
    ledger.entries[1].lines[1][3] = 1;
    const altered = path.join(hall.dir, 'altered.json');
    fs.writeFileSync(altered, JSON.stringify(ledger));
    const bad = await linli(['charity', 'verify-notice', '--public', altered, '--digest', published.digest]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第 2 号分录');
    const wrong = await linli(['charity', 'verify-notice', '--public', ledgerFile, '--digest', 'ab'.repeat(32)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('没有这个链头哈希');
  });

  it('the journal report comes out of the report centre (linli report charity.journal)', async () => {
    const out = path.join(hall.dir, 'journal.csv');
    const r = await linli(
      ['report', 'charity.journal', '--db', db, '--format', 'csv', '--out', out, '--from', '2026-11-01', '--to', '2026-11-30', '--user', 'admin'],
      `${adminPassword}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain('捐赠收入');
    expect(csv).toContain('150.00');
  });

  it('a PDF notice reads back with pdftotext', async () => {
    const out = path.join(hall.dir, 'n.pdf');
    const r = await linli(['charity', 'notice', '--db', db, '--period', '2026-11', '--format', 'pdf', '--out', out, '--user', 'admin'], `${adminPassword}\n`);
    expect(r.code).toBe(0);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('收支公示');
  }, 30_000);
});

describe('linli charity bench', () => {
  it('runs small: balances beside raw better-sqlite3, the chain beside raw SHA-256, a quarter notice to PDF', async () => {
    const r = await linli(['charity', 'bench', '--lines', '4000', '--runs', '10', '--pdf', '--json']);
    expect(r.stderr).not.toContain('rror');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      journal: { entries: number; noticeRows: number };
      balances: { ratio: number };
      chain: { entriesPerSecond: number; rawSha256PerSecond: number };
      notice: { bytes: number; rows: number };
    };
    expect(out.journal.entries).toBe(2000);
    // The notice's quarter holds half the entries at this size (50,000 at the full one), a row each.
    expect(out.notice.rows).toBe(1000);
    expect(out.balances.ratio).toBeGreaterThan(0);
    expect(out.chain.entriesPerSecond).toBeGreaterThan(0);
    expect(out.chain.rawSha256PerSecond).toBeGreaterThan(0);
    expect(out.notice.bytes).toBeGreaterThan(1000);
    const text = await linli(['charity', 'bench', '--lines', '2000', '--runs', '5']);
    expect(text.stdout).toContain('chain verify');
  }, 120_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { canonicalJson } from '../../util/json';
import { chainHash, GENESIS_HASH } from '../../chains/hash';
import { newId } from '../../util/ids';
import { charityChain, entryContent, sha256, type HashedLine } from './chain';

export interface CharityBenchResult {
  lines: number;
  entries: number;
  seedMs: number;
  balances: { handler: Stats; raw: Stats; ratio: number };
  dashboard: { handler: Stats };
  chain: { ms: number; entriesPerSecond: number; rawSha256PerSecond: number; ratio: number };
  notice: { ms: number; bytes: number } | null;
}
export interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
}

async function time<T>(runs: number, work: () => Promise<T> | T): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * The charity ledger's benchmark: a journal of `lines` lines (two per entry, over four funds and 24 months,
 * hashed as the app hashes them) in a temporary file; then fund balances and the dashboard through the
 * handler beside raw better-sqlite3 on the same file, the full chain verification beside the machine's raw
 * SHA-256 rate for the same bytes, and optionally a quarter's notice to PDF.
 */
export async function runCharityBench(opts: { lines: number; runs: number; notice: boolean; log: (line: string) => void }): Promise<CharityBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-charity-bench-'));
  // Imported when run: the area module (core/areas.ts) holds this suite, and the app imports the areas.
  const { createCore } = await import('../../app');
  const core = await createCore({ databasePath: path.join(dir, 'bench.sqlite') });
  try {
    const setup = await core.call({
      method: 'auth.setup',
      input: {
        community: { communityName: '基准社区', unitName: '基准社区居民委员会', complaintPhone: '12345' },
        admin: { username: 'admin', displayName: '基准', password: 'bench-pass-2026' },
      },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const token = (setup.value as { token: string }).token;
    const sqlite = core.services.sqlite;
    const funds = ['GEN', 'EDU', 'ELD', 'MED'];
    const at = new Date().toISOString();
    for (const f of funds.slice(1))
      sqlite
        .prepare("INSERT INTO charity_funds (id, code, name, kind, created_at, updated_at) VALUES (?, ?, ?, 'restricted', ?, ?)")
        .run(newId(), f, f, at, at);

    const entries = Math.max(1, Math.floor(opts.lines / 2));
    const started = performance.now();
    const insertEntry = sqlite.prepare(
      `INSERT INTO charity_entries (seq, id, entry_date, kind, memo, reverses_seq, reason, posted_at, actor_name, prev_hash, hash) VALUES (?, ?, ?,
        ?, ?, NULL, NULL, ?, ?, ?, ?)`,
    );
    const insertLine = sqlite.prepare('INSERT INTO charity_lines (entry_seq, line_no, account_code, fund_code, debit, credit) VALUES (?, ?, ?, ?, ?, ?)');
    let prev = GENESIS_HASH;
    const contents: string[] = [];
    sqlite.transaction(() => {
      for (let seq = 1; seq <= entries; seq++) {
        const month = Math.floor(((seq - 1) * 24) / entries);
        const date = `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + (seq % 28)).padStart(2, '0')}`;
        const fund = funds[Math.floor((seq - 1) / 4) % 4];
        // Three donations for every payment, so that no fund goes below zero.
        const donation = seq % 4 !== 0;
        const fen = donation ? 10_000 + (seq % 997) * 100 : 5_000;
        const lines: HashedLine[] = donation
          ? [
              ['1001', fund, fen, 0],
              ['4101', fund, 0, fen],
            ]
          : [
              ['5101', fund, fen, 0],
              ['1001', fund, 0, fen],
            ];
        const e = {
          seq,
          id: newId(),
          entry_date: date,
          kind: donation ? ('donation' as const) : ('disbursement' as const),
          memo: donation ? '捐赠收入（现金）' : '救助支出（现金）',
          reverses_seq: null,
          reason: null,
          posted_at: at,
          actor_name: '基准',
        };
        const content = entryContent(e, lines);
        if (contents.length < 100_000) contents.push(canonicalJson(content));
        const hash = chainHash(prev, content);
        insertEntry.run(seq, e.id, date, e.kind, e.memo, at, e.actor_name, prev, hash);
        lines.forEach((l, i) => insertLine.run(seq, i + 1, l[0], l[1], l[2], l[3]));
        prev = hash;
      }
    })();
    const seedMs = performance.now() - started;
    opts.log(`seeded ${entries} entries (${entries * 2} lines) in ${(seedMs / 1000).toFixed(1)} s`);

    const call = (method: string) => core.call({ method, input: {}, sessionToken: token });
    const rawBalances = sqlite.prepare(
      `SELECT b.fund_code, a.type, sum(b.debit) AS d, sum(b.credit) AS c FROM charity_balances b JOIN charity_accounts a ON a.code = b.account_code
        GROUP BY b.fund_code, b.account_code`,
    );
    await call('charity.listFunds');
    const handler = stats(await time(opts.runs, () => call('charity.listFunds')));
    const raw = stats(await time(opts.runs, () => rawBalances.all()));
    const dashboard = stats(await time(Math.max(5, Math.floor(opts.runs / 10)), () => call('charity.dashboard')));

    // Three full walks, the fastest counted: one walk at 1,000,000 lines is long enough to time, and the
    // first pays for compiling the loop and warming the page cache.
    let chainMs = Infinity;
    let verdict = charityChain.verify(sqlite);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      verdict = charityChain.verify(sqlite);
      chainMs = Math.min(chainMs, performance.now() - t0);
    }
    if (!verdict.ok) throw new Error(`the bench's chain does not verify: ${JSON.stringify(verdict.firstBroken)}`);
    const t1 = performance.now();
    let h = GENESIS_HASH;
    for (let i = 0; i < entries; i++)
      h = sha256(`${h}\n${contents[i % contents.length]}`);
    const rawMs = performance.now() - t1;

    let notice: CharityBenchResult['notice'] = null;
    if (opts.notice) {
      const t2 = performance.now();
      const published = await core.call({ method: 'charity.publishNotice', input: { period: '2025-Q1' }, sessionToken: token });
      if (!published.ok) throw new Error(published.error.message);
      const { renderNotice } = await import('./notice-export');
      const { toNotice, findNotice } = await import('./notices');
      const n = await toNotice(core.services.db, await findNotice(core.services.db, (published.value as { id: string }).id));
      const file = await renderNotice(core.services.db, core.services.pdf, n, 'pdf');
      notice = { ms: performance.now() - t2, bytes: file.bytes.byteLength };
    }
    const entriesPerSecond = Math.round(entries / (chainMs / 1000));
    const rawSha256PerSecond = Math.round(entries / (rawMs / 1000));
    return {
      lines: entries * 2,
      entries,
      seedMs,
      balances: { handler, raw, ratio: handler.median / Math.max(0.001, raw.median) },
      dashboard: { handler: dashboard },
      chain: { ms: chainMs, entriesPerSecond, rawSha256PerSecond, ratio: entriesPerSecond / rawSha256PerSecond },
      notice,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as `linli charity bench` and `npm run bench` print them, each beside its target. */
export function charityBenchText(r: CharityBenchResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const rate = (n: number) => n.toLocaleString('en');
  const b = r.balances;
  const c = r.chain;
  return [
    `journal: ${r.entries} entries, ${r.lines} lines (seeded in ${(r.seedMs / 1000).toFixed(1)} s)`,
    `fund balances  handler median ${ms(b.handler.median)} p95 ${ms(b.handler.p95)}` +
      ` | raw better-sqlite3 ${ms(b.raw.median)} | ratio ${b.ratio.toFixed(1)}× (target ≤ 10 ms)`,
    `dashboard      handler median ${ms(r.dashboard.handler.median)} p95 ${ms(r.dashboard.handler.p95)} (target ≤ 10 ms)`,
    `chain verify   ${rate(c.entriesPerSecond)} entries/s` +
      ` | raw SHA-256 of the same bytes ${rate(c.rawSha256PerSecond)}/s | ${(c.ratio * 100).toFixed(0)}% (target ≥ 300,000/s)`,
    ...(r.notice ? [`quarter notice to PDF  ${(r.notice.ms / 1000).toFixed(1)} s, ${r.notice.bytes} bytes (target ≤ 10 s)`] : []),
  ].join('\n');
}

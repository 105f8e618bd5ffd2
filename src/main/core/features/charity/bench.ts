import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileReplay, recordStatements } from '../../bench/record';
import { timePaired, type Timing } from '../../bench/stats';
import { childrenCpuSeconds, processCpuSeconds } from '../../bench/cpu';
import { GENESIS_HASH } from '../../chains/hash';
import { charityChain, journalRows, sha256 } from './chain';
import { verifyJournalOnAllCores } from './verify-all-cores';
import { seedBenchJournal, type BenchJournal } from './bench-seed';
import { compareWithHledger, hledgerBalances, HLEDGER_INSTALL_HINT, hledgerVersion, writeHledgerJournal, type LinliFundFigures } from './bench-hledger';

/** Issue 12's bars. */
export const charityTargets = { handlerMs: 10, hledgerRatio: 10, entriesPerSecond: 300_000, noticeMs: 10_000, noticeRows: 50_000 };

export interface PairedCase {
  handler: Timing;
  raw: Timing;
  /** handler median ÷ raw median. */
  ratio: number;
  addedMs: number;
  met: boolean;
}

export interface CharityBenchResult {
  journal: BenchJournal;
  /** os.loadavg() when the timed cases start and when they end. */
  load: { start: number[]; end: number[] };
  balances: PairedCase;
  dashboard: PairedCase;
  /** `hledger balance` of the same postings, or why it was not run. */
  hledger: { version: string; exportMs: number; balanceMs: number; ratio: number; met: boolean; balancesEqual: true; accounts: number } | { missing: string };
  /**
   * entriesPerSecond is wall-clock (the target's); cpuEntriesPerSecond counts only this thread's CPU time, which
   * on a shared, loaded machine says what the walk itself costs when it has a core.
   */
  chain: { ms: number; entriesPerSecond: number; cpuEntriesPerSecond: number; rawSha256PerSecond: number; ratio: number; met: boolean };
  /** The quarter's notice to PDF; `failed` holds the error where publishing or printing it failed. */
  notice: {
    rows: number;
    publishMs: number;
    renderMs: number;
    ms: number;
    bytes: number;
    /** PDF pages; CPU seconds of this process (every thread) and of pdftotext reading it back, when known. */
    pages?: number;
    cpuSeconds?: number;
    childCpuSeconds?: number | null;
    met: boolean;
    failed?: string;
  } | null;
}

/** A PDF's page count from its page tree (pdfkit writes `/Type /Pages … /Count N` once). */
function pdfPageCount(bytes: Uint8Array): number | undefined {
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

/**
 * The charity ledger's benchmark (issue 12), on a fresh temporary file of its own (the bench writes a
 * synthetic book, which must not go into the file being benchmarked): `lines` journal lines seeded by
 * seedBenchJournal; fund balances and the treasurer's dashboard through the handler beside raw
 * better-sqlite3 replaying the statements the handler ran, in alternation; `hledger balance` of the same
 * postings (where hledger is installed), its totals checked equal to Linli's; the full chain verification
 * beside the machine's raw SHA-256 rate for the same bytes; and, with `notice`, a quarter's notice of
 * `noticeRows` rows to PDF.
 */
export async function runCharityBench(opts: {
  lines: number;
  runs: number;
  notice: boolean;
  noticeRows?: number;
  log: (line: string) => void;
}): Promise<CharityBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-charity-bench-'));
  // Imported when run: the area module (core/areas.ts) holds this suite, and the app imports the areas.
  const { createCore } = await import('../../app');
  const databasePath = path.join(dir, 'bench.sqlite');
  const core = await createCore({ databasePath });
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
    const journal = await seedBenchJournal(core, token, { lines: opts.lines, noticeRows: opts.noticeRows ?? charityTargets.noticeRows });
    opts.log(
      `charity: seeded ${journal.entries.toLocaleString('en')} entries (${journal.lines.toLocaleString('en')} lines, ${journal.donations.toLocaleString('en')} donations, ` +
        `${journal.applications.toLocaleString('en')} aid payments) in ${(journal.ms / 1000).toFixed(1)} s`,
    );
    const load = { start: os.loadavg(), end: [] as number[] };

    const call = async (method: string, input: unknown = {}) => {
      const r = await core.call({ method, input, sessionToken: token });
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const paired = async (method: string): Promise<PairedCase> => {
      const recorded = await recordStatements(sqlite, () => call(method));
      const t = await timePaired(opts.runs, () => call(method), compileReplay(sqlite, recorded.statements));
      const c = { ...t, ratio: t.handler.median / Math.max(0.001, t.raw.median), met: t.handler.median <= charityTargets.handlerMs };
      opts.log(`charity: ${method} ${c.handler.median.toFixed(2)} ms (raw ${c.raw.median.toFixed(2)} ms)`);
      return c;
    };
    const balances = await paired('charity.listFunds');
    const dashboard = await paired('charity.dashboard');

    const hledger = runHledger(sqlite, dir, (await call('charity.listFunds')) as LinliFundFigures[], balances.handler.median, opts.log);

    // Three full checks, the fastest counted: one at 1,000,000 lines is long enough to time, and the first
    // pays for compiling the loop and warming the page cache. The figure is the check `linli charity verify`
    // runs (a range per core, verify-range.ts); one walk in this thread is timed beside it, in CPU time.
    let chainMs = Infinity;
    let chainCpuMs = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const verdict = await verifyJournalOnAllCores(sqlite, databasePath);
      chainMs = Math.min(chainMs, performance.now() - t0);
      if (!verdict.ok || verdict.count !== journal.entries) throw new Error(`the bench's chain does not verify: ${JSON.stringify(verdict)}`);
      const cpu0 = process.threadCpuUsage();
      const walk = charityChain.verify(sqlite);
      const cpu = process.threadCpuUsage(cpu0);
      chainCpuMs = Math.min(chainCpuMs, (cpu.user + cpu.system) / 1000);
      if (!walk.ok || walk.count !== journal.entries) throw new Error(`the bench's chain does not verify: ${JSON.stringify(walk)}`);
    }
    const rawMs = rawSha256Ms(sqlite, journal.entries);
    const entriesPerSecond = Math.round(journal.entries / (chainMs / 1000));
    const rawSha256PerSecond = Math.round(journal.entries / (rawMs / 1000));
    const cpuEntriesPerSecond = Math.round(journal.entries / (chainCpuMs / 1000));
    const chain = {
      ms: chainMs,
      entriesPerSecond,
      cpuEntriesPerSecond,
      rawSha256PerSecond,
      ratio: entriesPerSecond / rawSha256PerSecond,
      met: entriesPerSecond >= charityTargets.entriesPerSecond,
    };
    opts.log(`charity: chain verify ${entriesPerSecond.toLocaleString('en')} entries/s`);

    let notice: CharityBenchResult['notice'] = null;
    if (opts.notice) {
      const t2 = performance.now();
      const cpu0 = processCpuSeconds();
      const child0 = childrenCpuSeconds();
      let publishMs = 0;
      let rows = 0;
      try {
        const published = (await call('charity.publishNotice', { period: journal.noticeQuarter })) as { id: string };
        publishMs = performance.now() - t2;
        const { renderNotice } = await import('./notice-export');
        const { toNotice, findNotice } = await import('./notices');
        const n = await toNotice(core.services.db, await findNotice(core.services.db, published.id));
        rows = n.body.income.length + n.body.expenditure.length;
        if (rows !== journal.noticeRows) throw new Error(`the notice has ${rows} rows, the quarter ${journal.noticeRows} entries`);
        const t3 = performance.now();
        const file = await renderNotice(core.services.db, core.services.pdf, n, 'pdf');
        const renderMs = performance.now() - t3;
        const ms = performance.now() - t2;
        const child1 = childrenCpuSeconds();
        notice = {
          rows,
          publishMs,
          renderMs,
          ms,
          bytes: file.bytes.byteLength,
          pages: pdfPageCount(file.bytes),
          cpuSeconds: processCpuSeconds() - cpu0,
          childCpuSeconds: child0 === null || child1 === null ? null : child1 - child0,
          met: ms <= charityTargets.noticeMs,
        };
      } catch (err) {
        // Printed as MISSED with the reason, after the figures measured before it.
        const ms = performance.now() - t2;
        notice = { rows: rows || journal.noticeRows, publishMs, renderMs: ms - publishMs, ms, bytes: 0, met: false, failed: (err as Error).message };
        opts.log(`charity: the quarter's notice failed after ${(ms / 1000).toFixed(1)} s: ${(err as Error).message}`);
      }
    }
    load.end = os.loadavg();
    return { journal, load, balances, dashboard, hledger, chain, notice };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Exports the postings, times `hledger balance` on them (one run: at a million postings it takes long
 * enough to time), and refuses a result whose totals differ from Linli's fund balances.
 */
function runHledger(
  sqlite: Parameters<typeof writeHledgerJournal>[0],
  dir: string,
  linli: LinliFundFigures[],
  linliMs: number,
  log: (line: string) => void,
): CharityBenchResult['hledger'] {
  const version = hledgerVersion();
  if (!version) {
    log(`charity: ${HLEDGER_INSTALL_HINT}`);
    return { missing: HLEDGER_INSTALL_HINT };
  }
  const file = path.join(dir, 'postings.journal');
  const t0 = performance.now();
  writeHledgerJournal(sqlite, file);
  const exportMs = performance.now() - t0;
  const t1 = performance.now();
  const totals = hledgerBalances(file);
  const balanceMs = performance.now() - t1;
  fs.rmSync(file);
  const types = new Map((sqlite.prepare('SELECT code, type FROM charity_accounts').all() as { code: string; type: string }[]).map((a) => [a.code, a.type]));
  const problems = compareWithHledger(totals, types, linli);
  if (problems.length) throw new Error(`hledger's balances differ from Linli's: ${problems.slice(0, 5).join('; ')}`);
  const ratio = balanceMs / Math.max(0.001, linliMs);
  log(`charity: hledger balance ${(balanceMs / 1000).toFixed(1)} s, the same totals as Linli's`);
  return { version, exportMs, balanceMs, ratio, met: ratio >= charityTargets.hledgerRatio, balancesEqual: true, accounts: totals.size };
}

/**
 * The machine's raw SHA-256 rate for the bytes the verification hashes: each entry's previous hash, a
 * newline and its canonical content, for the same number of entries. The contents are the journal's own,
 * taken from the public-ledger encoding of the first 100,000 entries (cycled past that, to bound memory).
 */
function rawSha256Ms(sqlite: Parameters<typeof writeHledgerJournal>[0], entries: number): number {
  const contents: string[] = [];
  for (const row of journalRows(sqlite)) {
    contents.push(row.encoded!);
    if (contents.length >= 100_000) break;
  }
  const t = performance.now();
  let h = GENESIS_HASH;
  for (let i = 0; i < entries; i++) h = sha256(`${h}\n${contents[i % contents.length]}`);
  return performance.now() - t;
}
/** The figures as `linli charity bench` and `npm run bench` print them, each beside its target, met or MISSED. */
export function charityBenchText(r: CharityBenchResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const j = r.journal;
  const pairedLine = (name: string, c: PairedCase) =>
    `${name}handler median ${ms(c.handler.median)} p95 ${ms(c.handler.p95)} | raw better-sqlite3 ${ms(c.raw.median)} | ratio ${c.ratio.toFixed(1)}× ` +
    `(+${c.addedMs.toFixed(2)} ms) | target ≤ ${charityTargets.handlerMs} ms: ${mark(c.met)}`;
  const h = r.hledger;
  const c = r.chain;
  return [
    `charity: ${n(j.entries)} entries, ${n(j.lines)} journal lines (${n(j.donations)} donations, ${n(j.applications)} aid payments; seeded in ${(j.ms / 1000).toFixed(1)} s)`,
    `load average ${load(r.load.start)} at the start, ${load(r.load.end)} at the end`,
    pairedLine('fund balances   ', r.balances),
    pairedLine('dashboard       ', r.dashboard),
    'missing' in h
      ? `hledger balance  not run: ${h.missing}`
      : `hledger balance  ${n(h.balanceMs)} ms (${h.version}; export ${n(h.exportMs)} ms; ${h.accounts} accounts, equal to Linli's) | Linli ${ms(r.balances.handler.median)} | ` +
        `Linli ${n(h.ratio)}× faster | target ≥ ${charityTargets.hledgerRatio}×: ${mark(h.met)}`,
    `chain verify    ${n(c.entriesPerSecond)} entries/s on every core (${n(c.ms)} ms; one walk: ${n(c.cpuEntriesPerSecond)}/s of its thread's CPU time) | raw SHA-256 of the same bytes ${n(c.rawSha256PerSecond)}/s | ${(c.ratio * 100).toFixed(0)}% | ` +
      `target ≥ ${n(charityTargets.entriesPerSecond)}/s: ${mark(c.met)}`,
    ...(r.notice
      ? [
          r.notice.failed
            ? `quarter notice  ${n(r.notice.rows)} rows to PDF FAILED after ${(r.notice.ms / 1000).toFixed(1)} s (publish ${(r.notice.publishMs / 1000).toFixed(1)} s): ` +
              `${r.notice.failed} | target ≤ ${charityTargets.noticeMs / 1000} s: MISSED`
            : `quarter notice  ${n(r.notice.rows)} rows to PDF in ${(r.notice.ms / 1000).toFixed(1)} s (publish ${(r.notice.publishMs / 1000).toFixed(1)} s, ` +
              `render ${(r.notice.renderMs / 1000).toFixed(1)} s; ${n(r.notice.bytes)} bytes${r.notice.pages ? `, ${n(r.notice.pages)} pages` : ''}` +
              `${r.notice.cpuSeconds !== undefined ? `; CPU ${r.notice.cpuSeconds.toFixed(1)} s in this process` : ''}` +
              `${r.notice.childCpuSeconds != null ? ` + ${r.notice.childCpuSeconds.toFixed(1)} s pdftotext` : ''}) | target ≤ ${charityTargets.noticeMs / 1000} s: ${mark(r.notice.met)}`,
        ]
      : []),
    '',
  ].join('\n');
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../app';
import { compileReplay, isFrameworkStatement, recordStatements, type RecordedStatement } from '../../bench/record';
import { timeAsync, timePaired, type Timing } from '../../bench/stats';
import { table } from '../../bench/table';
import { hallCases, hallTargets, type CaseInputs, type RawResult } from './bench-cases';
import { seedBenchTickets, type HallBenchSeed } from './bench-seed';

export interface HallBenchOptions {
  tickets: number;
  /** Timed pairs per case. */
  runs: number;
  /** Pages the deep-page case follows before the page it times. */
  deepPages: number;
  /** Whether the lists, the board and the ticket are timed (group `tickets`). */
  desk: boolean;
  /** Times a 受理回执 is printed to PDF (each a whole Chromium print; 0 skips the case). */
  receiptRuns: number;
  seed: string;
  /** Only the cases whose names contain one of these (`--cases`). */
  cases?: readonly string[];
  log(line: string): void;
}

export interface HallCase {
  name: string;
  method: string;
  handler: Timing;
  raw: Timing;
  /** handler median ÷ raw median. */
  ratio: number;
  /** Median of (handler − raw) over the pairs. */
  addedMs: number;
  /** Statements the handler ran (and raw replays), transaction control aside. */
  statements: number;
  /** Tickets (or, for a ticket, history lines) the handler returned. */
  rows: number;
  /** Whether raw better-sqlite3 read exactly what the handler returned (bench-cases.ts). */
  sameRows: boolean;
  targetMs: number;
  /** handler p95 ≤ target. */
  met: boolean;
}

export interface HallBenchResult {
  seed: HallBenchSeed;
  /** os.loadavg() when the timed cases start and when they end. */
  load: { start: number[]; end: number[] };
  cases: HallCase[];
  /** The newest accepted ticket's 受理回执 to PDF through reports.run; `failed` holds the error where it failed. */
  receipt: { number: string; first: number; warm: Timing | null; targetMs: number; met: boolean; failed?: string } | null;
  ok: boolean;
}

/**
 * The service counter's benchmark, on a fresh temporary file of its own (it writes years of synthetic
 * tickets, which must not go into the file being benchmarked): `tickets` tickets seeded by
 * seedBenchTickets, then each case through the whole handler path (core.call with a session: permission,
 * zod, Kysely, mapping) beside raw better-sqlite3 replaying exactly the statements the handler ran, in
 * alternation, and the rows both read compared; and, with `receiptRuns`, a 受理回执 printed to PDF.
 */
export async function runHallBench(opts: HallBenchOptions): Promise<HallBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-hall-bench-'));
  // Imported when run: the area module (core/areas.ts) holds this suite, and the app imports the areas.
  const { createCore } = await import('../../app');
  const core = await createCore({ databasePath: path.join(dir, 'bench.sqlite'), workstation: 'bench' });
  try {
    const setup = await core.call({
      method: 'auth.setup',
      input: {
        community: { communityName: '青山路街道', unitName: '青山路街道党群服务中心', complaintPhone: '12345' },
        admin: { username: 'admin', displayName: '基准', password: 'bench-pass-2026' },
      },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const token = (setup.value as { token: string }).token;
    const seed = await seedBenchTickets(core, token, { tickets: opts.tickets, seed: opts.seed });
    opts.log(
      `hall: seeded ${seed.tickets.toLocaleString('en')} tickets and ${seed.events.toLocaleString('en')} history lines ` +
        `(${seed.from} … ${seed.today}) in ${(seed.ms / 1000).toFixed(1)} s`,
    );
    const call = async (method: string, input: unknown) => {
      const r = await core.call({ method, input, sessionToken: token });
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    const inputs = await caseInputs(
      core,
      seed.today,
      opts.deepPages,
      (cursor) => call('hall.listTickets', { cursor, limit: 50 }) as Promise<{ nextCursor: string | null }>,
    );
    const wanted = (name: string) => !opts.cases?.length || opts.cases.some((c) => name.includes(c));
    const load = { start: os.loadavg(), end: [] as number[] };
    const cases: HallCase[] = [];
    for (const spec of opts.desk ? hallCases(inputs).filter((c) => wanted(c.name)) : []) {
      const recorded = await recordStatements(core.services.sqlite, () => call(spec.method, spec.input));
      const { rows, same } = spec.compare(recorded.value, readRaw(core, recorded.statements));
      const t = await timePaired(opts.runs, () => call(spec.method, spec.input), compileReplay(core.services.sqlite, recorded.statements));
      const statements = recorded.statements.filter((s) => !isFrameworkStatement(s.sql)).length;
      const c = { name: spec.name, method: spec.method, ...t, ratio: t.handler.median / Math.max(0.001, t.raw.median), statements, rows, sameRows: same };
      cases.push({ ...c, targetMs: spec.targetMs, met: t.handler.p95 <= spec.targetMs });
      opts.log(`hall: ${spec.name} p95 ${t.handler.p95.toFixed(2)} ms (raw ${t.raw.p95.toFixed(2)} ms)${same ? '' : ', NOT the same rows'}`);
    }
    const receipt = opts.receiptRuns > 0 && wanted('receipt') ? await benchReceipt(core, token, opts.receiptRuns, opts.log) : null;
    load.end = os.loadavg();
    const ok = cases.every((c) => c.met && c.sameRows) && (!receipt || receipt.met);
    return { seed, load, cases, receipt, ok };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each reader statement the handler ran, run once more on raw better-sqlite3 for its rows. */
function readRaw(core: Core, statements: RecordedStatement[]): RawResult[] {
  return statements
    .filter((s) => s.reader && !isFrameworkStatement(s.sql))
    .map((s) => ({ sql: s.sql, rows: core.services.sqlite.prepare(s.sql).all(...s.params) as Record<string, unknown>[] }));
}

/**
 * What the cases ask for, found on the seeded file: the cursor `deepPages` pages in (followed as the
 * screen's 下一页 would), the commonest surname, a whole name with several tickets, the number tail of a
 * ticket from the middle of the years, this year's first thousand numbers, and the ticket with the longest
 * history.
 */
async function caseInputs(
  core: Core,
  today: string,
  deepPages: number,
  page: (cursor: string | null) => Promise<{ nextCursor: string | null }>,
): Promise<CaseInputs> {
  const sqlite = core.services.sqlite;
  let cursor: string | null = null;
  for (let i = 0; i < deepPages; i++) {
    const next: string | null = (await page(cursor)).nextCursor;
    if (!next) break;
    cursor = next;
  }
  const one = <T>(text: string) => sqlite.prepare(text).get() as T;
  const total = one<{ n: number }>('SELECT count(*) AS n FROM hall_tickets').n;
  const middle = one<{ number: string }>(`SELECT number FROM hall_tickets ORDER BY rowid LIMIT 1 OFFSET ${Math.floor(total / 2)}`).number;
  const surname = one<{ s: string }>('SELECT substr(applicant_name, 1, 1) AS s FROM hall_tickets GROUP BY s ORDER BY count(*) DESC, s LIMIT 1').s;
  const whole = one<{ name: string }>(
    'SELECT applicant_name AS name FROM hall_tickets WHERE length(applicant_name) = 3 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1 OFFSET 10',
  );
  const longest = one<{ id: string }>('SELECT ticket_id AS id FROM hall_ticket_events GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1');
  return {
    deepCursor: cursor,
    deepPages,
    namePrefix: surname,
    wholeName: whole?.name ?? surname,
    numberTail: String(Number(middle.slice(middle.indexOf('-') + 1))),
    numberPrefix: `SL${today.slice(0, 4)}-000`,
    ticketId: longest.id,
  };
}

/**
 * Prints a receipt as the ticket page's button does: reports.run starts the job (permission, audit), and
 * the time runs until the job hands over the finished PDF.
 */
async function printReceipt(core: Core, token: string, number: string): Promise<void> {
  const { events } = core.services;
  let started: string | null = null;
  const ended: Record<string, { ok: boolean; message: string }> = {};
  let settle: ((v: { ok: boolean; message: string }) => void) | null = null;
  const unsubscribe = events.subscribe((event) => {
    if (event.name !== 'job.done' && event.name !== 'job.failed') return;
    const payload = event.payload as { jobId: string; error?: { code: string; message?: string } };
    const result = { ok: event.name === 'job.done', message: payload.error ? `${payload.error.code} ${payload.error.message ?? ''}` : '' };
    if (payload.jobId === started && settle) settle(result);
    else ended[payload.jobId] = result;
  });
  try {
    const input = { name: 'hall_receipt', format: 'pdf' as const, params: { ticket: number } };
    const r = await core.call({ method: 'reports.run', input, sessionToken: token });
    if (!r.ok) throw new Error(`reports.run: ${r.error.code} ${r.error.message}`);
    const jobId = (r.value as { jobId: string }).jobId;
    const done = await new Promise<{ ok: boolean; message: string }>((resolve) => {
      started = jobId;
      settle = resolve;
      if (ended[jobId]) resolve(ended[jobId]);
    });
    if (!done.ok) throw new Error(`hall_receipt: ${done.message}`);
  } finally {
    unsubscribe();
  }
}

/** The first print starts Chromium: shown on its own; the target is checked on the prints after it. */
async function benchReceipt(core: Core, token: string, runs: number, log: (line: string) => void): Promise<HallBenchResult['receipt']> {
  const { number } = core.services.sqlite
    .prepare('SELECT number FROM hall_tickets WHERE accepted_on IS NOT NULL ORDER BY registered_on DESC, number DESC LIMIT 1')
    .get() as { number: string };
  const t = performance.now();
  try {
    await printReceipt(core, token, number);
    const first = performance.now() - t;
    const warm = runs > 1 ? await timeAsync(runs - 1, () => printReceipt(core, token, number), 0) : null;
    const p95 = (warm ?? { p95: first }).p95;
    log(`hall: 受理回执 ${number} to PDF, first ${first.toFixed(0)} ms`);
    return { number, first, warm, targetMs: hallTargets.receiptMs, met: p95 <= hallTargets.receiptMs };
  } catch (err) {
    // Printed as MISSED with the reason, after the figures measured before it.
    log(`hall: the receipt failed: ${(err as Error).message}`);
    return { number, first: performance.now() - t, warm: null, targetMs: hallTargets.receiptMs, met: false, failed: (err as Error).message };
  }
}

/** The figures as `npm run bench` prints them, each beside its target, met or MISSED. */
export function hallBenchText(r: HallBenchResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const s = r.seed;
  const rows = [
    ['case', 'handler median', 'p95', 'raw median', 'p95', 'ratio', 'added', 'statements', 'rows', 'raw read', 'target p95', 'met?'],
    ...r.cases.map((c) => [
      c.name,
      ms(c.handler.median),
      ms(c.handler.p95),
      ms(c.raw.median),
      ms(c.raw.p95),
      `${c.ratio.toFixed(1)}×`,
      `+${c.addedMs.toFixed(2)} ms`,
      String(c.statements),
      String(c.rows),
      c.sameRows ? 'the same' : 'NOT THE SAME',
      `≤ ${c.targetMs} ms`,
      mark(c.met && c.sameRows),
    ]),
  ];
  const receipt = r.receipt;
  return [
    `hall: ${n(s.tickets)} tickets, ${n(s.events)} history lines, ${s.from} … ${s.today} (${s.services} services, ${n(s.applicants)} applicants; ` +
      `open ${n(s.open)}, ${n(s.overdue)} of them overdue; notified ${n(s.notified)}; completed ${n(s.completed)}; refused ${n(s.refused)}; ` +
      `rated ${n(s.rated)}, 差评 ${n(s.bad)} (${n(s.followedUp)} followed up, ${n(s.followUpPending)} waiting); seeded in ${(s.ms / 1000).toFixed(1)} s)`,
    `load average ${load(r.load.start)} at the start, ${load(r.load.end)} at the end`,
    ...(r.cases.length
      ? [
          `${r.cases[0].handler.runs} pairs a case: the handler through core.call (session, permission, zod, Kysely, mapping) beside raw better-sqlite3 ` +
            'replaying the statements it ran, in alternation; ratio = handler median ÷ raw median, added = median of (handler − raw)',
          ...table(rows, [1, 2, 3, 4, 5, 6, 7, 8]),
        ]
      : []),
    ...(receipt
      ? [
          receipt.failed
            ? `受理回执 ${receipt.number} to PDF FAILED: ${receipt.failed} | target ≤ ${receipt.targetMs} ms: MISSED`
            : `受理回执 ${receipt.number} to PDF: first ${n(receipt.first)} ms (Chromium starts)` +
              (receipt.warm ? `, then median ${n(receipt.warm.median)} ms, p95 ${n(receipt.warm.p95)} ms over ${receipt.warm.runs}` : '') +
              ` | target p95 ≤ ${receipt.targetMs} ms after the first: ${mark(receipt.met)}`,
        ]
      : []),
    '',
  ].join('\n');
}

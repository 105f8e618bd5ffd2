import fs from 'node:fs';
import type { Core } from '../../../../app';
import { seedResidents, countResidents } from '../seed';
import { compileReplay, recordStatements } from '../../../../bench/record';
import { RssSampler, timePaired, type Timing } from '../../../../bench/stats';
import { benchImport, type ImportBench } from './import';
import { benchServe, type ServeBench, type ServeFormat } from './serve';

export interface BenchOptions {
  /** Residents to seed when the file has none. */
  residents: number;
  /** Timed runs per case (at least 200 for the published figures). */
  runs: number;
  seed: string;
  /** Rows in the XLSX import case; 0 skips it. */
  importRows: number;
  /** Pages followed before the "deep page" is timed. */
  deepPages: number;
  log(line: string): void;
  /** Which groups to run (default all four). */
  groups?: ('search' | 'list' | 'import' | 'serve')[];
  /** Rows imported through `linli serve` while two desks search (the serve group); default importRows. */
  serveRows?: number;
  /** What that import reads: an XLSX workbook (default) or a CSV. */
  serveFormat?: ServeFormat;
  /** How long after the import the serving process's RSS is read again (default 30 s). */
  settleSeconds?: number;
  /** The build to run `linli serve` from (default this one). */
  serveCli?: string;
  /** Only the search and list cases whose names contain one of these (default every case). */
  cases?: string[];
  /** Called with everything but the import before the import starts (it can take long). */
  onPartial?(report: BenchReport): void;
}

export interface SeedFigures {
  residents: number;
  households: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  residentsPerSecond: number;
  workers: number;
  peakRssMb: number;
  /** The process's own high-water mark (getrusage), beside the sampled figure. */
  maxRssMb: number;
  fileBytes: number;
  bytesPerResident: number;
  reused: boolean;
}

export interface CaseResult {
  group: 'search' | 'list';
  name: string;
  input: Record<string, unknown>;
  handler: Timing | null;
  raw: Timing | null;
  /** handler median / raw median */
  ratio: number | null;
  /** What the handler adds per call: the median of (handler − raw) over pairs timed back to back. */
  addedMs: number | null;
  /** Whether the handler is within reach of raw SQLite: ratio ≤ 1.2×, or ≤ 0.2 ms added per call. */
  overheadOk: boolean | null;
  /** Rows the handler returned. */
  rows: number;
  target: string;
  ok: boolean | null;
  note?: string;
}

export interface BenchReport {
  database: string;
  residents: number;
  households: number;
  seed: SeedFigures;
  search: CaseResult[];
  list: CaseResult[];
  import: ImportBench | null;
  serve: ServeBench | null;
  notes: string[];
}

type Call = (method: string, input: unknown) => Promise<unknown>;

/**
 * The residents benchmark: seed (or reuse) a district-scale file, then time search, list pages and an
 * XLSX import through the full handler path (`core.call`: session, permission, input parsing, Kysely,
 * mapping), each beside raw better-sqlite3 running the SQL the handler ran, prepared once.
 */
export async function runBench(core: Core, token: string, opts: BenchOptions): Promise<BenchReport> {
  const notes: string[] = [];
  const call: Call = async (method, input) => {
    const r = await core.call({ method, input, sessionToken: token });
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
    return r.value;
  };
  const seed = await seedPhase(core, opts);
  const sqlite = core.services.sqlite;
  const households = (sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
  const residents = countResidents(core.services);

  // One call before any recording: what every call does before its handler runs (the session's look-ups)
  // is then prepared outside the recordings, so that no case's raw side replays it.
  await call('residents.search', { q: '张', limit: 1 });
  const groups = new Set(opts.groups ?? ['search', 'list', 'import', 'serve']);
  const search = groups.has('search') ? await searchCases(core, call, opts, notes) : [];
  const list = groups.has('list') ? await listCases(core, call, opts, notes) : [];
  opts.onPartial?.({ database: core.services.paths.database, residents, households, seed, search, list, import: null, serve: null, notes });
  let imported: ImportBench | null = null;
  if (opts.importRows > 0 && groups.has('import')) {
    try {
      imported = await benchImport(core, token, { rows: opts.importRows, seed: opts.seed, log: opts.log });
    } catch (err) {
      notes.push(`import: not measured (${(err as Error).message})`);
    }
  }
  let served: ServeBench | null = null;
  const serveRows = opts.serveRows ?? opts.importRows;
  if (serveRows > 0 && groups.has('serve')) {
    try {
      served = await benchServe(core, {
        rows: serveRows,
        format: opts.serveFormat,
        seed: opts.seed,
        settleSeconds: opts.settleSeconds,
        cli: opts.serveCli,
        log: opts.log,
      });
    } catch (err) {
      notes.push(`serve: not measured (${(err as Error).message})`);
    }
  }
  return { database: core.services.paths.database, residents, households, seed, search, list, import: imported, serve: served, notes };
}

async function seedPhase(core: Core, opts: BenchOptions): Promise<SeedFigures> {
  const sqlite = core.services.sqlite;
  const existing = countResidents(core.services);
  const fileBytes = () => {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return fs.statSync(core.services.paths.database).size;
  };
  if (existing > 0) {
    opts.log(`Reusing ${existing} residents in ${core.services.paths.database}`);
    const bytes = fileBytes();
    return {
      residents: existing,
      households: 0,
      rows: 0,
      seconds: 0,
      rowsPerSecond: 0,
      residentsPerSecond: 0,
      workers: 0,
      peakRssMb: 0,
      maxRssMb: 0,
      fileBytes: bytes,
      bytesPerResident: Math.round(bytes / existing),
      reused: true,
    };
  }
  const rss = new RssSampler();
  let lastLog = 0;
  const r = await seedResidents(core.services, {
    residents: opts.residents,
    seed: opts.seed,
    actor: { id: null, name: 'linli bench' },
    workers: 'auto',
    onProgress: (p) => {
      rss.sample();
      const now = performance.now();
      if (p.phase === 'indexes' || now - lastLog > 5000) {
        lastLog = now;
        opts.log(
          p.phase === 'indexes'
            ? `seed: ${p.residents} residents written, building indexes…`
            : `seed: ${p.residents}/${opts.residents} residents, ${Math.round(p.residents / (p.elapsedMs / 1000))}/s`,
        );
      }
    },
  });
  const peak = rss.stop();
  const bytes = fileBytes();
  return {
    residents: r.counts.residents,
    households: r.counts.households,
    rows: r.rows,
    seconds: r.elapsedMs / 1000,
    rowsPerSecond: r.rowsPerSecond,
    residentsPerSecond: r.residentsPerSecond,
    workers: r.workers,
    peakRssMb: Math.round(peak / 2 ** 20),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    fileBytes: bytes,
    bytesPerResident: Math.round(bytes / r.counts.residents),
    reused: false,
  };
}

/** A case that could not be timed (its note says why). */
const unmeasured = { handler: null, raw: null, ratio: null, addedMs: null, overheadOk: null, rows: 0, ok: null } as const;

/** The bar for the handler beside raw SQLite: at most 1.2× the raw time, or 0.2 ms added per call. */
export const overheadTarget = { ratio: 1.2, addedMs: 0.2 };

/**
 * Times one case: the handler through core.call and the statements it ran, replayed raw, in alternation
 * (each pair under the same load). The recording is taken from one extra handler call with the same input.
 */
async function timeCase(
  core: Core,
  call: Call,
  opts: BenchOptions,
  group: CaseResult['group'],
  name: string,
  method: string,
  input: Record<string, unknown>,
  target: { median?: number; p95: number },
): Promise<CaseResult> {
  const targetText =
    target.median !== undefined && target.median !== target.p95 ? `median ≤ ${target.median}, p95 ≤ ${target.p95} ms` : `p95 ≤ ${target.p95} ms`;
  let recorded;
  try {
    recorded = await recordStatements(core.services.sqlite, () => call(method, input));
  } catch (err) {
    return { group, name, input, ...unmeasured, target: targetText, note: (err as Error).message };
  }
  const value = recorded.value as { rows?: unknown[] } | unknown[];
  const rows = Array.isArray(value) ? value.length : (value.rows?.length ?? 0);
  const replay = compileReplay(core.services.sqlite, recorded.statements);
  const { handler, raw, addedMs } = await timePaired(opts.runs, () => call(method, input), replay);
  const ok = (target.median === undefined || handler.median <= target.median) && handler.p95 <= target.p95;
  const ratio = raw.median > 0 ? handler.median / raw.median : null;
  const overheadOk = (ratio !== null && ratio <= overheadTarget.ratio) || addedMs <= overheadTarget.addedMs;
  const rawText = `raw ${fmt(raw.median)} / ${fmt(raw.p95)}, +${addedMs.toFixed(3)} ms`;
  opts.log(`${group} ${name}: ${fmt(handler.median)} / ${fmt(handler.p95)} ms (${rawText}), ${rows} rows`);
  return { group, name, input, handler, raw, ratio, addedMs, overheadOk, rows, target: targetText, ok };
}

/** The bar for a list page (issue 10): p95 ≤ 10 ms, under load too. */
const listTarget = { p95: 10 };

/** Times a paged method's first page, then follows its cursor (up to opts.deepPages pages) and times the page reached. */
async function pagedCases(core: Core, call: Call, opts: BenchOptions, name: string, method: string, base: Record<string, unknown>): Promise<CaseResult[]> {
  if (!wanted(opts, name)) return [];
  const out = [await timeCase(core, call, opts, 'list', `${name} p1`, method, base, listTarget)];
  let cursor: string | null = null;
  let pages = 0;
  try {
    for (; pages < opts.deepPages; pages++) {
      const page = (await call(method, { ...base, cursor })) as { nextCursor: string | null };
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  } catch (err) {
    out.push({ group: 'list', name: `${name} deep`, input: base, ...unmeasured, target: '', note: (err as Error).message });
    return out;
  }
  if (cursor === null) return out;
  const deep = await timeCase(core, call, opts, 'list', `${name} p${pages + 1}`, method, { ...base, cursor }, listTarget);
  if (pages < opts.deepPages) deep.note = `last page: the list has ${pages + 1} pages`;
  out.push(deep);
  return out;
}

function wanted(opts: BenchOptions, name: string): boolean {
  return !opts.cases?.length || opts.cases.some((c) => name.includes(c));
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

async function searchCases(core: Core, call: Call, opts: BenchOptions, notes: string[]): Promise<CaseResult[]> {
  const sqlite = core.services.sqlite;
  // Real values from the file: someone's ID number and phone tail.
  const someone = sqlite
    .prepare("SELECT id_cipher, phone_last4 FROM residents WHERE id_cipher IS NOT NULL AND phone_last4 != '' AND archived = 0 ORDER BY rowid LIMIT 1 OFFSET ?")
    .get(Math.floor(countResidents(core.services) / 2)) as { id_cipher: string; phone_last4: string } | undefined;
  const idNumber = someone ? core.services.secrets.decrypt(someone.id_cipher) : '000000';
  const zhangwei = (sqlite.prepare("SELECT count(*) AS n FROM residents WHERE name = '张伟'").get() as { n: number }).n;
  if (zhangwei === 0) notes.push('search: nobody is called 张伟 in this file; the name case finds the prefix');
  const cases: [string, string][] = [
    ['name 张伟', '张伟'],
    ['initials zw', 'zw'],
    ['pinyin zhangwei', 'zhangwei'],
    [`ID last 4 (${idNumber.slice(-4)})`, idNumber.slice(-4)],
    [`ID last 6 (${idNumber.slice(-6)})`, idNumber.slice(-6)],
    [`phone last 4 (${someone?.phone_last4 ?? '1234'})`, someone?.phone_last4 ?? '1234'],
    ['address 3栋2单元501', '3栋2单元501'],
  ];
  const out: CaseResult[] = [];
  for (const [name, q] of cases)
    if (wanted(opts, name)) out.push(await timeCase(core, call, opts, 'search', name, 'residents.search', { q, limit: 20 }, { median: 20, p95: 50 }));
  return out;
}

async function listCases(core: Core, call: Call, opts: BenchOptions, notes: string[]): Promise<CaseResult[]> {
  const sqlite = core.services.sqlite;
  const pick = <T>(sqlText: string): T | undefined => sqlite.prepare(sqlText).get() as T | undefined;
  const grid = pick<{ id: string; name: string; n: number }>(
    'SELECT g.id, g.name, count(*) AS n FROM residents r JOIN grids g ON g.id = r.grid_id GROUP BY g.id ORDER BY n DESC LIMIT 1',
  );
  const building = pick<{ id: string; n: number }>(
    'SELECT building_id AS id, count(*) AS n FROM residents WHERE building_id IS NOT NULL GROUP BY building_id ORDER BY n DESC LIMIT 1',
  );
  const tag = (name: string) =>
    pick<{ id: string; n: number }>(
      `SELECT t.id, count(rt.resident_id) AS n FROM tags t LEFT JOIN resident_tags rt ON rt.tag_id = t.id WHERE t.name = '${name}' GROUP BY t.id`,
    );
  const common = tag('高龄');
  const rare = tag('社区矫正');
  const filters: [string, Record<string, unknown>][] = [
    ['all active', {}],
    [`grid (${grid?.n ?? 0})`, { gridId: grid?.id }],
    [`building (${building?.n ?? 0})`, { buildingId: building?.id }],
    ['status 流动人口', { status: '流动人口' }],
    [`tag 高龄 (${common?.n ?? 0})`, { tagId: common?.id }],
    [`tag 社区矫正 (${rare?.n ?? 0})`, { tagId: rare?.id }],
    // Few of the tag's residents match: the tag's links are read in the index until a page fills.
    ['tag 高龄 + 流动人口', { tagId: common?.id, status: '流动人口' }],
    // A grid's links of a tag, in resident_tags_grid_* (each link carries its resident's grid, migration 0017).
    ['grid + tag 高龄', { gridId: grid?.id, tagId: common?.id }],
    ['age 60–79', { ageMin: 60, ageMax: 79 }],
    ['archived', { archived: 'archived' }],
    ['active + archived', { archived: 'all' }],
    ['grid + 户籍 + age 18–59', { gridId: grid?.id, status: '户籍', ageMin: 18, ageMax: 59 }],
  ];
  const sorts: [string, Record<string, unknown>][] = [
    ['name↑', { sort: 'name', direction: 'asc' }],
    ['name↓', { sort: 'name', direction: 'desc' }],
    ['birth↑', { sort: 'birthDate', direction: 'asc' }],
    ['birth↓', { sort: 'birthDate', direction: 'desc' }],
  ];
  const out: CaseResult[] = [];
  for (const [fname, filter] of filters) {
    for (const [sname, sort] of sorts)
      out.push(...(await pagedCases(core, call, opts, `${fname} ${sname}`, 'residents.list', { ...filter, ...sort, limit: 50 })));
  }
  // The reminder lists, paged the same way (a month's milestones, documents expiring within N days).
  const reminders: [string, string, Record<string, unknown>][] = [
    ['reminders 整寿 this month', 'residents.milestones', { month: 'this' }],
    ['reminders 身份证 60 days', 'residents.idCardsExpiring', { withinDays: 60 }],
    ['reminders 居住证 30 days', 'residents.permitsDue', { withinDays: 30 }],
  ];
  for (const [name, method, input] of reminders) out.push(...(await pagedCases(core, call, opts, name, method, { ...input, limit: 50 })));
  if (!grid) notes.push('list: no grids in the file');
  return out;
}

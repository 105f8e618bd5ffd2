import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import type { Core } from '../../../../app';
import { summarise, type Timing } from '../../../../bench/stats';
import { writeWorkbook } from './import';
import { countResidents } from '../seed';
import { builtCli, childrenRssMib, cpuSeconds, HttpDesk, rssMib, startServe, type ServeProcess } from './serve-process';

/** One figure against issue 10's bar for it. */
export interface ServeTarget {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}

export interface ServeBench {
  rows: number;
  format: ServeFormat;
  /** Residents in the file before the import (the CSV bar is stated at 300,000). */
  residentsBefore: number;
  importSeconds: { preview: number; commit: number; total: number };
  /** Calls through HTTP from two desks while the import's commit ran (and, apart, while its preview ran). */
  duringCommit: { search: Timing | null; list: Timing | null };
  duringPreview: { search: Timing | null; list: Timing | null };
  /** Calls that got no answer at all (a reset connection, a refused request). */
  failedCalls: number;
  /** Why, by message. */
  failures: Record<string, number>;
  /** From the first start's address to its start-up backup's record (the import waits for it). */
  backupSeconds: number;
  firstSearch: { start: FirstSearch; restart: FirstSearch | null };
  rssMib: { before: number | null; peak: number | null; afterDone: number | null; afterSettle: number | null; settleSeconds: number };
  /** The peak RSS of the serving process's children (the import's preview and commit processes), in MiB: memory the import takes outside it. */
  childrenPeakMib: number | null;
  /**
   * CPU seconds from the preview's start until the settle's end: the serving process's own (the import's
   * part there, and the desks' calls it answered meanwhile) and its children's (the preview and commit
   * processes). Null where /proc is not there.
   */
  cpuSeconds: { own: number; children: number } | null;
  /** The serving process's own RSS peak in each phase, in MiB. */
  peakByPhaseMib: { preview: number; commit: number };
  libreOffice: { seconds: number | null; note: string };
  targets: ServeTarget[];
  loadAverage: number[];
}

interface FirstSearch {
  /** From spawn to the printed address. */
  addressMs: number;
  /** From the printed address to the first search answered (sign-in included). */
  answeredMs: number;
}

/**
 * What a clerk feels while an import runs through `linli serve` (issue 10): the server started as a child
 * process on the benchmark's file, two desks searching and paging the list over HTTP while a third
 * imports an XLSX of `rows` new residents; the server's RSS before, during and after; the time to the
 * first answered search after a start and a restart; and LibreOffice converting the same workbook.
 */
/** The file the third desk imports: an XLSX workbook (the 100,000-row target) or a CSV (the 50,000-row one). */
export type ServeFormat = 'xlsx' | 'csv';

export interface ServeOptions {
  rows: number;
  /** Default xlsx. */
  format?: ServeFormat;
  seed: string;
  settleSeconds?: number;
  /** The build to serve from (default this one). */
  cli?: string;
  log(line: string): void;
}

export async function benchServe(core: Core, opts: ServeOptions): Promise<ServeBench> {
  const cli = opts.cli ?? builtCli();
  if (!cli) throw new Error('no built CLI (out/main/cli.js): run it through npm run bench');
  const credentials = path.join(path.dirname(core.services.paths.database), 'bench-credentials.txt');
  if (!fs.existsSync(credentials)) throw new Error(`no saved sign-in beside the file (${credentials})`);
  const [username, password] = fs.readFileSync(credentials, 'utf8').split('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-serve-'));
  const settleSeconds = opts.settleSeconds ?? 30;
  let serve: ServeProcess | null = null;
  try {
    const format = opts.format ?? 'xlsx';
    const residentsBefore = countResidents(core.services);
    const file = path.join(dir, `serve-import.${format}`);
    await writeWorkbook(core, file, { rows: opts.rows, seed: `${opts.seed}-serve-${Date.now()}` });
    const content = fs.readFileSync(file);
    core.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const startupBackups = () => (core.services.sqlite.prepare("SELECT count(*) AS n FROM backups WHERE kind = 'startup'").get() as { n: number }).n;
    const backupsBefore = startupBackups();
    serve = await startServe(cli, core.services.paths.database);
    const start = await firstSearch(serve, username, password);
    opts.log(`serve: address after ${start.addressMs.toFixed(0)} ms, first search answered ${start.answeredMs.toFixed(0)} ms after it`);
    // The import starts once the server's start-up backup is over, so that what is timed meanwhile is the import's doing.
    while (startupBackups() === backupsBefore && performance.now() - serve.addressAt < 300_000) await new Promise((r) => setTimeout(r, 200));
    const backupSeconds = (performance.now() - serve.addressAt) / 1000;
    opts.log(`serve: its start-up backup recorded ${backupSeconds.toFixed(1)} s after the address`);
    const desks = [new HttpDesk(serve), new HttpDesk(serve)];
    const importer = new HttpDesk(serve);
    for (const d of [...desks, importer]) await d.signIn(username, password);
    // Warm: the same calls the desks will make.
    for (let i = 0; i < 20; i++) await deskRound(desks[0], i);

    type Phase = 'preview' | 'commit' | 'done';
    let phase: Phase | 'idle' = 'idle';
    const pid = serve.child.pid;
    const before = rssMib(pid);
    let peak = before ?? 0;
    let childrenPeak: number | null = null;
    const byPhase = { preview: 0, commit: 0 };
    const sampler = setInterval(() => {
      const now = rssMib(pid) ?? 0;
      peak = Math.max(peak, now);
      if (phase === 'preview' || phase === 'commit') byPhase[phase] = Math.max(byPhase[phase], now);
      const children = childrenRssMib(pid);
      if (children !== null) childrenPeak = Math.max(childrenPeak ?? 0, children);
    }, 100);

    const timings: Record<'preview' | 'commit', { search: number[]; list: number[] }> = { preview: { search: [], list: [] }, commit: { search: [], list: [] } };
    let failedCalls = 0;
    const failures: Record<string, number> = {};
    const deskLoop = async (desk: HttpDesk) => {
      for (let i = 0; phase !== 'done'; i++) {
        const at = phase;
        const t = performance.now();
        const kind = i % 2 ? 'list' : 'search';
        try {
          await deskCall(desk, kind, i);
        } catch (err) {
          failedCalls++;
          const cause = (err as { cause?: { code?: string } }).cause?.code;
          const why = `${(err as Error).message}${cause ? ` (${cause})` : ''}`;
          failures[why] = (failures[why] ?? 0) + 1;
        }
        // A call counts for the phase it was asked in: one held until the commit's end is the commit's.
        if (at === 'preview' || at === 'commit') timings[at][kind].push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const loops = desks.map(deskLoop);

    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    phase = 'preview';
    const previewInput = { fileName: path.basename(file), contentBase64: content.toString('base64') };
    const preview = (await importer.call('residents.importPreview', previewInput)) as { importId: string };
    const t1 = performance.now();
    phase = 'commit';
    const stopEvents = new AbortController();
    let started!: (id: string) => void;
    const jobId = new Promise<string>((r) => (started = r));
    const ended = importer.jobEnd(jobId, stopEvents.signal);
    started(((await importer.call('residents.importCommit', { importId: preview.importId, mode: 'valid_rows' })) as { jobId: string }).jobId);
    const summary = await ended;
    stopEvents.abort();
    const t2 = performance.now();
    phase = 'done';
    await Promise.all(loops);
    const afterDone = rssMib(pid);
    const memory = `RSS ${fmtMib(before)} before, ${fmtMib(peak)} peak (preview ${fmtMib(byPhase.preview)}, commit ${fmtMib(byPhase.commit)}), ${fmtMib(afterDone)} when done; its children (the preview and commit processes) ${fmtMib(childrenPeak)} peak`;
    opts.log(`serve: import ${((t2 - t0) / 1000).toFixed(1)} s (${JSON.stringify(summary)}); ${memory}; load average ${fmtLoad()}`);
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    clearInterval(sampler);
    const afterSettle = rssMib(pid);
    const cpu1 = cpuSeconds(pid);
    const cpu = cpu0 && cpu1 ? { own: cpu1.own - cpu0.own, children: cpu1.children - cpu0.children } : null;
    if (cpu)
      opts.log(
        `serve: CPU from the preview's start to ${settleSeconds} s after: serving process ${cpu.own.toFixed(1)} s (desks' calls included), its children ${cpu.children.toFixed(1)} s`,
      );

    await serve.stop();
    serve = await startServe(cli, core.services.paths.database);
    const restart = await firstSearch(serve, username, password);
    opts.log(`serve: restarted, address after ${restart.addressMs.toFixed(0)} ms, first search answered ${restart.answeredMs.toFixed(0)} ms after it`);
    await serve.stop();
    serve = null;

    // LibreOffice "opening the file" is the workbook's comparison; converting a CSV to CSV says nothing.
    const libreOffice = format === 'xlsx' ? convertWithLibreOffice(file, dir) : { seconds: null, note: 'compared for an XLSX workbook only' };
    const timing = (ms: number[]) => (ms.length ? summarise(ms) : null);
    const result: Omit<ServeBench, 'targets'> = {
      rows: opts.rows,
      format,
      residentsBefore,
      importSeconds: { preview: (t1 - t0) / 1000, commit: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
      duringCommit: { search: timing(timings.commit.search), list: timing(timings.commit.list) },
      duringPreview: { search: timing(timings.preview.search), list: timing(timings.preview.list) },
      failedCalls,
      failures,
      backupSeconds,
      firstSearch: { start, restart },
      rssMib: { before, peak: pid ? peak : null, afterDone, afterSettle, settleSeconds },
      childrenPeakMib: childrenPeak,
      cpuSeconds: cpu,
      peakByPhaseMib: byPhase,
      libreOffice,
      loadAverage: os.loadavg(),
    };
    return { ...result, targets: serveTargets(result) };
  } finally {
    await serve?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const searches = ['张', '王', 'zw', 'li', '3栋2单元'];

function deskCall(desk: HttpDesk, kind: 'search' | 'list', i: number): Promise<unknown> {
  if (kind === 'search') return desk.call('residents.search', { q: searches[(i >> 1) % searches.length], limit: 20 });
  return desk.call('residents.list', { limit: 50, sort: i % 4 === 1 ? 'name' : 'birthDate', direction: 'asc' });
}

async function deskRound(desk: HttpDesk, i: number): Promise<void> {
  await deskCall(desk, 'search', i);
  await deskCall(desk, 'list', i);
}

/** Signs in and searches until answered, from the moment the address is printed. */
async function firstSearch(serve: ServeProcess, username: string, password: string): Promise<FirstSearch> {
  const desk = new HttpDesk(serve);
  for (;;) {
    try {
      await desk.signIn(username, password);
      await desk.call('residents.search', { q: '张', limit: 20 });
      return { addressMs: serve.addressMs, answeredMs: performance.now() - serve.addressAt };
    } catch (err) {
      if (performance.now() - serve.addressAt > 300_000) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const installLibreOffice =
  'not installed here; to compare, install it (Debian/Ubuntu: sudo apt-get install -y libreoffice-calc-nogui, or libreoffice-calc with a desktop; Windows/macOS: libreoffice.org) and run again';

/** LibreOffice reading and converting the same workbook to CSV, headless: what "opening the file" costs elsewhere. */
function convertWithLibreOffice(file: string, dir: string): { seconds: number | null; note: string } {
  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!soffice) return { seconds: null, note: installLibreOffice };
  const out = path.join(dir, 'soffice');
  const profile = `file://${path.join(dir, 'soffice-profile')}`;
  const t = performance.now();
  try {
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', out, file];
    execFileSync(soffice, args, { stdio: 'ignore', timeout: 600_000 });
  } catch (err) {
    return { seconds: null, note: `${soffice} failed: ${(err as Error).message}` };
  }
  const seconds = (performance.now() - t) / 1000;
  // soffice exits 0 even when it could not load the file ("source file could not be loaded": without
  // LibreOffice Calc, as on a machine with only Writer): a time counts only with the CSV written.
  const csv = path.join(out, `${path.basename(file, path.extname(file))}.csv`);
  if (!fs.existsSync(csv) || fs.statSync(csv).size === 0) {
    return {
      seconds: null,
      note: `${soffice} wrote no CSV after ${seconds.toFixed(1)} s (it could not load the workbook: is LibreOffice Calc installed? Debian/Ubuntu: sudo apt-get install -y libreoffice-calc)`,
    };
  }
  return { seconds, note: `${soffice} --headless --convert-to csv` };
}

const fmtLoad = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const fmtMib = (m: number | null) => (m === null ? '—' : `${m.toFixed(0)} MiB`);
const fmtMs = (t: Timing | null) =>
  t ? `p50 ${t.median.toFixed(1)} / p95 ${t.p95.toFixed(1)} / max ${t.max.toFixed(1)} ms (${t.runs} calls)` : 'no call fell in it';

/** Issue 10's targets, as the issue states them, each met or missed. */
function serveTargets(r: Omit<ServeBench, 'targets'>): ServeTarget[] {
  const within = (t: Timing | null, p95: number) => (t ? t.p95 <= p95 : null);
  const restart = r.firstSearch.restart ?? r.firstSearch.start;
  const failures = Object.entries(r.failures).map(([why, n]) => `${n}× ${why}`);
  const seconds = (s: number) => `${s.toFixed(1)} s`;
  const imported = r.importSeconds;
  const office = r.libreOffice;
  return [
    {
      what: 'searches through linli serve while the import commits',
      measured: fmtMs(r.duringCommit.search),
      target: 'p95 ≤ 50 ms',
      ok: within(r.duringCommit.search, 50),
    },
    {
      what: 'list pages through linli serve while the import commits',
      measured: fmtMs(r.duringCommit.list),
      target: 'p95 ≤ 10 ms',
      ok: within(r.duringCommit.list, 10),
    },
    {
      what: 'calls from the two desks left without an answer',
      measured: r.failedCalls ? `${r.failedCalls}: ${failures.join('; ')}` : '0',
      target: 'none',
      ok: r.failedCalls === 0,
    },
    {
      what: 'first search after restarting linli serve',
      measured: `${(restart.answeredMs / 1000).toFixed(2)} s after the address (printed ${seconds(restart.addressMs / 1000)} after start)`,
      target: '≤ 2 s after the address is printed',
      ok: restart.answeredMs <= 2000,
    },
    {
      what: `import of ${r.rows} ${r.format.toUpperCase()} rows into ${r.residentsBefore} residents through linli serve, preview + commit`,
      measured: `${seconds(imported.total)} (preview ${seconds(imported.preview)}, commit ${seconds(imported.commit)})${r.cpuSeconds ? `; CPU ${seconds(r.cpuSeconds.own)} serving (desks' calls included) + ${seconds(r.cpuSeconds.children)} its processes` : ''}`,
      // The issue's two bars: 100,000 XLSX rows in 10 s; 50,000 CSV rows (it measured them at 300,000 residents) in 8 s.
      target: r.format === 'csv' ? '≤ 8 s for 50,000 rows' : '≤ 10 s for 100,000 rows',
      ok: imported.total <= (r.format === 'csv' ? (8 * r.rows) / 50_000 : (10 * r.rows) / 100_000),
    },
    {
      what: 'LibreOffice converting the same workbook',
      measured: office.seconds === null ? office.note : `${seconds(office.seconds)} (${office.note})`,
      target: 'the import faster than it',
      ok: office.seconds === null ? null : imported.total < office.seconds,
    },
    {
      what: 'RSS of the serving process during the import',
      measured: `${fmtMib(r.rssMib.before)} before, ${fmtMib(r.rssMib.peak)} peak (preview ${fmtMib(r.peakByPhaseMib.preview)}, commit ${fmtMib(r.peakByPhaseMib.commit)}; beside it, its preview and commit processes: ${fmtMib(r.childrenPeakMib)} peak, all returned when they end)`,
      target: '≤ 500 MiB peak',
      ok: r.rssMib.peak === null ? null : r.rssMib.peak <= 500,
    },
    {
      what: 'RSS of the serving process after the import',
      measured: `${fmtMib(r.rssMib.afterDone)} when done, ${fmtMib(r.rssMib.afterSettle)} ${r.rssMib.settleSeconds} s later`,
      target: 'back under 300 MiB when it is done',
      ok: r.rssMib.afterSettle === null ? null : r.rssMib.afterSettle < 300,
    },
  ];
}

import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import type { WorkerEntry } from '../context';
import { threadsCanYieldToMain } from '../util/thread-priority';

// This module is loaded first by an import process (an area's process module imports it before anything
// else), so it imports nothing heavy: what it starts must not wait for the rest of the process's code.

/** The worker threads a preview process starts as it starts: their code, their count, what they are told. */
export interface PreviewThreadsSpec {
  entry: WorkerEntry;
  count: number;
  init: PreviewWorkerInit;
}

/** In the environment of a preview process: its threads' spec (JSON), so that it starts them before loading its own code. */
export const PREVIEW_THREADS_ENV = 'LINLI_IMPORT_PREVIEW_THREADS';

export const PREVIEW_WORKER_ROLE = 'linli-import-preview';

/** What each preview worker is given as it starts: its role, the key file, the hall's day. */
export interface PreviewWorkerInit {
  role: typeof PREVIEW_WORKER_ROLE;
  keyFile: string;
  today: string;
}

/**
 * Each preview worker's young generation is capped at 32 MB. They allocate fast (a parsed row, its draft,
 * its prepared values) while a batch of 500 rows stays alive, so each scavenge copies that batch: with 8 MB
 * (the cap when the workers ran in the serving process, to keep its RSS down) the two workers of a
 * 100,000-row preview at 1,000,000 residents ran about 580 scavenges (3.0 s of pauses under load 5), with
 * 32 MB about 160 (1.9 s); the process's CPU, one run each, 10.8 s against 11.2 s. They now run in the
 * preview's own process (preview-process.ts), whose memory goes back when it ends, and its peak RSS
 * stayed 770–800 MB either way. V8's default (no cap) lets each grow to tens of megabytes more.
 */
const PREVIEW_WORKER_LIMITS = { maxYoungGenerationSizeMb: 32 };

/** At most this many threads per preview (each holds its own copy of htmlparser2, pinyin-pro and a batch or two). */
export const MAX_PREVIEW_WORKERS = 4;

/**
 * The main process plans every row against the registry meanwhile, and its garbage collector needs a
 * core too. Where the workers run below the main thread's priority (Linux: thread-priority.ts), they may
 * take every core: the scheduler still gives the main thread a core the moment it needs one. Elsewhere one
 * core is left to it: with every core busy at the same priority, the main thread waited its turn for
 * 100–500 ms at a time on a 2-core machine.
 */
export function defaultWorkerCount(): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(threadsCanYieldToMain() ? cores : cores - 1, MAX_PREVIEW_WORKERS));
}

/** A preview worker thread, started; `alive` is false once it has exited or failed (before anyone listened). */
export interface StartedThread {
  worker: Worker;
  alive(): boolean;
}

/** Starts `count` preview workers running `entry`; throws where one cannot start (the ones started are ended). */
export function startPreviewThreads(entry: WorkerEntry, count: number, init: PreviewWorkerInit): StartedThread[] {
  const started: StartedThread[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry.path, { workerData: init, execArgv: entry.execArgv, resourceLimits: PREVIEW_WORKER_LIMITS });
      let alive = true;
      worker.once('exit', () => (alive = false));
      worker.once('error', () => (alive = false));
      started.push({ worker, alive: () => alive });
    }
  } catch (err) {
    for (const t of started) void t.worker.terminate();
    throw err;
  }
  return started;
}

let early: { spec: PreviewThreadsSpec; threads: StartedThread[] } | null = null;

/**
 * In a preview process (preview-process.ts names the threads in its environment): starts the preview's
 * worker threads at once, so that they load their code while this process loads its own, rather than
 * after it (measured at 300,000 residents: the process took 150–190 ms to load, then its threads
 * another 200–280 ms). Nothing where the environment names none, or they cannot start.
 */
export function startPreviewThreadsEarly(): void {
  const spec = process.env[PREVIEW_THREADS_ENV];
  // Threads inherit the environment: only the process's main thread starts them.
  if (!spec || early || !isMainThread) return;
  try {
    const parsed = JSON.parse(spec) as PreviewThreadsSpec;
    early = { spec: parsed, threads: startPreviewThreads(parsed.entry, parsed.count, parsed.init) };
  } catch {
    early = null;
  }
}

/**
 * The threads started early, if they are the ones asked for (the same code, count, key file and day) and
 * all still running; else they are ended and null is returned. Taken once.
 */
export function takeEarlyPreviewThreads(entry: WorkerEntry, count: number, init: PreviewWorkerInit): StartedThread[] | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  const { spec, threads } = taken;
  const same =
    spec.entry.path === entry.path &&
    JSON.stringify(spec.entry.execArgv ?? null) === JSON.stringify(entry.execArgv ?? null) &&
    spec.count === count &&
    spec.init.keyFile === init.keyFile &&
    spec.init.today === init.today;
  if (same && threads.every((t) => t.alive())) return threads;
  for (const t of threads) void t.worker.terminate();
  return null;
}

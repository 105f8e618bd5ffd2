import type { Core } from '../app';
import type { CoreServices } from '../context';

/** One `npm run bench` run, as every area's suite receives it. */
export interface BenchRun {
  /** Residents the file is seeded with when it has none (the community every area's rows refer to). */
  residents: number;
  /** Timed runs per case. */
  runs: number;
  seed: string;
  /** Which of the suite's groups to run (`--only`; every group by default). */
  groups: readonly string[];
  /** Only the cases whose names contain one of these (`--cases`; every case by default). */
  cases?: readonly string[];
  /** Rows in an import case; 0 skips imports. */
  importRows: number;
  /** Pages a list case follows before it times the page reached. */
  deepPages: number;
  /** Rows imported through `linli serve` while desks search (default importRows). */
  serveRows?: number;
  /** What that import reads: xlsx (default) or csv. */
  serveFormat?: 'xlsx' | 'csv';
  /** Another build's out/main/cli.js to run `linli serve` from (to compare two builds on one file). */
  serveCli?: string;
  /** Seconds after that import before the serving process's memory is read again (default 30). */
  settleSeconds?: number;
  /** A progress line (stderr). */
  log(line: string): void;
  /** What is measured so far, as text, before a long case starts (so a killed run still shows it). */
  onPartial?(text: string): void;
}

export interface BenchSection {
  /** The figures as a plain-text report. */
  text: string;
  /** The same figures for `--json`. */
  json: unknown;
}

/** An area's part of the benchmark: cases through the full handler path beside raw SQL on the same file. */
export interface BenchSuite {
  /** The groups `--only` can name besides the area itself (residents: search, list, import, serve). */
  groups: readonly string[];
  /**
   * Why this file must not be benchmarked (rows that `linli seed` did not make: the benchmark writes
   * synthetic data), with an error code, in both languages; null when it may.
   */
  refusal?(services: CoreServices): { code: string; 'zh-CN': string; en: string } | null;
  run(core: Core, token: string, run: BenchRun): Promise<BenchSection>;
}

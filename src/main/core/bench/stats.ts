export interface Timing {
  runs: number;
  median: number;
  p95: number;
  max: number;
}

/** Median, 95th percentile (nearest rank) and maximum of a list of milliseconds. */
export function summarise(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { runs: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1] };
}

/** Times `fn` `runs` times after `warmup` untimed runs. */
export async function timeAsync(runs: number, fn: () => Promise<unknown>, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return summarise(ms);
}

/** A handler and the raw statements it ran, timed in alternation: each pair under the same load. */
export interface PairedTiming {
  handler: Timing;
  raw: Timing;
  /** Median of (handler − raw) over the pairs: what the handler adds to each call. */
  addedMs: number;
}

/**
 * Times `handler` and `raw` one after the other, `runs` times (after `warmup` untimed pairs), alternating
 * which goes first, so that the machine's load, the page cache and the CPU's state are the same for both.
 */
export async function timePaired(runs: number, handler: () => Promise<unknown>, raw: () => unknown, warmup = 5): Promise<PairedTiming> {
  for (let i = 0; i < warmup; i++) {
    await handler();
    raw();
  }
  const h: number[] = [];
  const r: number[] = [];
  const timeRaw = () => {
    const t = performance.now();
    raw();
    r.push(performance.now() - t);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2) timeRaw();
    const t = performance.now();
    await handler();
    h.push(performance.now() - t);
    if (i % 2 === 0) timeRaw();
  }
  const added = summarise(h.map((ms, i) => ms - r[i]));
  return { handler: summarise(h), raw: summarise(r), addedMs: added.median };
}

export function timeSync(runs: number, fn: () => unknown, warmup = 5): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return summarise(ms);
}

/** Samples the resident set size while long work runs (between the work's own yields too, via `sample`). */
export class RssSampler {
  peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** How long one slice of work may hold the main process before it lets other work run. */
export const SLICE_MS = 40;
/** …and at most this many rows in one slice. */
export const SLICE_ROWS = 2_000;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `fn` over the items in slices of at most SLICE_ROWS items or SLICE_MS milliseconds, yielding to the
 * event loop between slices (DESIGN.md: the main process is never held up for more than ~100 ms).
 * `between` runs after each slice: progress, a cancellation check.
 */
export async function forEachSliced<T>(items: readonly T[], fn: (item: T, index: number) => void, between?: (done: number) => void): Promise<void> {
  let i = 0;
  while (i < items.length) {
    const started = performance.now();
    const end = Math.min(items.length, i + SLICE_ROWS);
    while (i < end) {
      fn(items[i], i);
      i++;
      if ((i & 63) === 0 && performance.now() - started > SLICE_MS) break;
    }
    between?.(i);
    if (i < items.length) await yieldToEventLoop();
  }
}

/**
 * A time budget for work that arrives in pieces (the preview plans batches as a worker hands them over):
 * `due()` says when the current slice has run for `ms`, and `pause()` then lets other work run.
 */
export class Slicer {
  private started = performance.now();

  constructor(private readonly ms = SLICE_MS) {}

  due(): boolean {
    return performance.now() - this.started > this.ms;
  }

  async pause(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
  }
}

/**
 * A small seeded generator (mulberry32) so that the same seed always gives the same community. Never
 * Math.random: a benchmark or a test must be repeatable.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Roughly normal (sum of three uniforms), for "about this many years apart". */
  around(mean: number, spread: number): number {
    return mean + ((this.next() + this.next() + this.next()) / 1.5 - 1) * spread;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

/** Turns a text seed ("demo", "42") into a 32-bit number (FNV-1a). */
export function seedFrom(text: string | number): number {
  const s = String(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Weighted choice over a fixed table: build once, draw many times (binary search on the cumulative sums). */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cumulative = [];
    let sum = 0;
    for (const [, w] of entries) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  draw(rng: Rng): T {
    return this.items[this.indexFor(rng.next() * this.total)];
  }

  /** A draw restricted to items [from, to] by index (both included), keeping their relative weights. */
  drawBetween(rng: Rng, from: number, to: number): T {
    const lo = from === 0 ? 0 : this.cumulative[from - 1];
    const hi = this.cumulative[to];
    return this.items[this.indexFor(lo + rng.next() * (hi - lo))];
  }

  private indexFor(x: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

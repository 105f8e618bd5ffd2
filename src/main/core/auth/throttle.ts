/**
 * Slows down password guessing: after `maxFailures` failed attempts on a user name, the next attempt is
 * refused until `waitMs` have passed since the last failure. Kept in memory: it guards the workstation
 * while it runs; a restart needs local access anyway.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly waitMs = 30_000,
  ) {}

  /** Seconds left to wait, or 0 when an attempt may be made now. */
  secondsToWait(username: string, now: number): number {
    const f = this.failures.get(username.toLowerCase());
    if (!f || f.count < this.maxFailures) return 0;
    const left = f.lastAt + this.waitMs - now;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(username: string, now: number): number {
    const key = username.toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, lastAt: now };
    f.count++;
    f.lastAt = now;
    this.failures.set(key, f);
    return f.count;
  }

  recordSuccess(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}

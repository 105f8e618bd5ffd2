import { describe, expect, it } from 'vitest';
import { areaModules } from '../../../src/main/core/areas';
import { benchLines, charityBench } from '../../../src/main/core/features/charity/bench-suite';
import type { CharityBenchResult } from '../../../src/main/core/features/charity/bench';

// The charity suite of `npm run bench`, run small: it measures on a journal file of its own, so it needs
// neither the bench file's core nor its session.
describe('the charity bench suite', () => {
  it('is the charity area module’s suite and sizes the journal from the residents count (1,000,000 lines by default)', () => {
    expect(areaModules.find((a) => a.name === 'charity')?.bench).toBe(charityBench);
    expect(benchLines(1_000_000)).toBe(1_000_000);
    expect(benchLines(50)).toBe(10_000);
    expect(benchLines(5_000_000)).toBe(1_000_000);
  });

  it('times balances beside raw better-sqlite3 and the chain beside raw SHA-256, and prints them against their targets', async () => {
    const lines: string[] = [];
    const run = { residents: 50, runs: 5, seed: 'x', groups: ['ledger'], importRows: 0, deepPages: 0, log: (l: string) => lines.push(l) };
    const section = await charityBench.run(null as never, '', run);
    const r = section.json as CharityBenchResult;
    expect(r.lines).toBe(10_000);
    expect(r.chain.entriesPerSecond).toBeGreaterThan(0);
    expect(r.chain.rawSha256PerSecond).toBeGreaterThan(0);
    expect(r.balances.raw.median).toBeGreaterThan(0);
    expect(r.notice).toBeNull();
    expect(section.text).toContain('chain verify');
    expect(section.text).toContain('target ≥ 300,000/s');
    expect(section.text).toMatch(/fund balances {2}handler median [\d.]+ ms/);
    expect(lines[0]).toContain('10,000 lines');
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { areaModules } from '../../../src/main/core/areas';
import { benchLines, charityBench } from '../../../src/main/core/features/charity/bench-suite';
import type { CharityBenchResult } from '../../../src/main/core/features/charity/bench';
import { HLEDGER_INSTALL_HINT, hledgerVersion } from '../../../src/main/core/features/charity/bench-hledger';

// The charity suite of `npm run bench`, run small: it measures on a journal file of its own, so it needs
// neither the bench file's core nor its session.
describe('the charity bench suite', () => {
  it('is the charity area module’s suite and sizes the journal from the residents count (1,000,000 lines by default)', () => {
    expect(areaModules.find((a) => a.name === 'charity')?.bench).toBe(charityBench);
    expect(benchLines(1_000_000)).toBe(1_000_000);
    expect(benchLines(50)).toBe(10_000);
    expect(benchLines(5_000_000)).toBe(1_000_000);
  });

  it('times balances and the dashboard beside raw better-sqlite3, hledger, the chain beside raw SHA-256, and marks each target met or MISSED', async () => {
    const lines: string[] = [];
    const run = { residents: 50, runs: 5, seed: 'x', groups: ['ledger'], importRows: 0, deepPages: 0, log: (l: string) => lines.push(l) };
    const section = await charityBench.run(null as never, '', run);
    const r = section.json as CharityBenchResult;
    // The seeded book: 10,000 lines, two per entry, posted donations and paid applications behind them.
    expect(r.journal.lines).toBe(10_000);
    expect(r.journal.entries).toBe(5_000);
    expect(r.journal.donations + r.journal.applications).toBe(5_000);
    expect(r.journal.applications).toBeGreaterThan(500);
    expect(r.chain.entriesPerSecond).toBeGreaterThan(0);
    expect(r.chain.rawSha256PerSecond).toBeGreaterThan(0);
    expect(r.balances.raw.median).toBeGreaterThan(0);
    expect(r.dashboard.raw.median).toBeGreaterThan(0);
    expect(r.notice).toBeNull();
    expect(section.text).toContain('chain verify');
    expect(section.text).toContain('target ≥ 300,000/s');
    expect(section.text).toMatch(/fund balances +handler median [\d.]+ ms .* target ≤ 10 ms: (met|MISSED)/);
    expect(section.text).toMatch(/load average [\d.]+ [\d.]+ [\d.]+/);
    if (hledgerVersion()) {
      // The bench itself refuses a run whose hledger totals differ from Linli's: reaching here means they agree.
      expect(r.hledger).toMatchObject({ balancesEqual: true });
      expect(section.text).toMatch(/hledger balance +[\d,]+ ms/);
    } else {
      expect(r.hledger).toEqual({ missing: HLEDGER_INSTALL_HINT });
      expect(section.text).toContain('apt-get install -y hledger');
    }
    expect(lines[0]).toContain('10,000 lines');
  }, 120_000);
});

import type { BenchSuite } from '../../bench/suite';
import { charityBenchText, runCharityBench } from './bench';

/** Journal lines for a run: one per resident (1,000,000 by default, the scale), at least 10,000. */
export function benchLines(residents: number): number {
  return Math.min(1_000_000, Math.max(10_000, residents));
}

/**
 * The charity ledger's part of `npm run bench` (issue 12): the same measurement as `linli charity bench`, on a
 * journal file of its own (the bench writes synthetic, hash-chained entries, which must not go into the file
 * being benchmarked): fund balances and the dashboard through the handler beside raw better-sqlite3, the
 * balances beside `hledger balance` of the same postings (where hledger is installed), the full chain
 * verification beside the machine's raw SHA-256 rate for the same bytes, and (group `notice-pdf`) a quarter's
 * notice of 50,000 rows to PDF.
 */
export const charityBench: BenchSuite = {
  groups: ['ledger', 'notice-pdf'],
  async run(_core, _token, run) {
    const lines = benchLines(run.residents);
    run.log(`charity: seeding a journal of ${lines.toLocaleString('en')} lines…`);
    const r = await runCharityBench({ lines, runs: run.runs, notice: run.groups.includes('notice-pdf'), log: run.log });
    return { text: charityBenchText(r), json: r };
  },
};

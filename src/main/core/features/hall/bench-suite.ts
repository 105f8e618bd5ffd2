import type { BenchSuite } from '../../bench/suite';
import { hallBenchText, runHallBench } from './bench';

/** Tickets for a run: a fifth of the residents count (200,000 at the default 1,000,000: a street hall's three years), at least 2,000. */
export function benchTickets(residents: number): number {
  return Math.min(200_000, Math.max(2_000, Math.round(residents / 5)));
}

/**
 * The service counter's part of `npm run bench`, on a file of its own (bench.ts): a street-level hall's
 * three years of tickets, then (group `tickets`) the tickets list's pages and searches, the 督办 board and a
 * ticket with its history through the handler beside raw better-sqlite3, and (group `receipt-pdf`) a
 * 受理回执 printed to PDF a few times.
 */
export const hallBench: BenchSuite = {
  groups: ['tickets', 'receipt-pdf'],
  async run(_core, _token, run) {
    const tickets = benchTickets(run.residents);
    run.log(`hall: seeding ${tickets.toLocaleString('en')} tickets over three years…`);
    const r = await runHallBench({
      tickets,
      runs: run.runs,
      deepPages: run.deepPages,
      desk: run.groups.includes('tickets'),
      // A print is a whole Chromium job: a few say enough about the 3 s target.
      receiptRuns: run.groups.includes('receipt-pdf') ? Math.min(run.runs, 5) : 0,
      seed: run.seed,
      cases: run.cases,
      log: run.log,
    });
    return { text: hallBenchText(r), json: r };
  },
};

import { describe, expect, it } from 'vitest';
import { areaModules } from '../../../src/main/core/areas';
import { benchTickets, hallBench } from '../../../src/main/core/features/hall/bench-suite';
import type { HallBenchResult } from '../../../src/main/core/features/hall/bench';

// The service counter's suite of `npm run bench`, run small: it seeds and measures on a file of its own, so
// it needs neither the bench file's core nor its session.
describe('the hall bench suite', () => {
  it('is the hall area module’s suite and sizes the tickets from the residents count (200,000 by default)', () => {
    expect(areaModules.find((a) => a.name === 'hall')?.bench).toBe(hallBench);
    expect(benchTickets(1_000_000)).toBe(200_000);
    expect(benchTickets(10_000)).toBe(2_000);
    expect(benchTickets(50)).toBe(2_000);
    expect(benchTickets(5_000_000)).toBe(200_000);
  });

  it('times every case beside raw better-sqlite3 replaying the same statements, which read the same rows, and marks each target', async () => {
    const lines: string[] = [];
    const run = { residents: 10_000, runs: 5, seed: 'x', groups: ['tickets'], importRows: 0, deepPages: 3, log: (l: string) => lines.push(l) };
    const section = await hallBench.run(null as never, '', run);
    const r = section.json as HallBenchResult;

    // Three years of a counter's tickets, in the shapes of a real one.
    const s = r.seed;
    expect(s.tickets).toBe(2_000);
    expect(s.services).toBe(12);
    expect(s.from < s.today).toBe(true);
    expect(s.events).toBeGreaterThan(s.tickets * 2);
    expect(s.completed).toBeGreaterThan(s.tickets * 0.9);
    expect(s.open).toBeGreaterThan(0);
    expect(s.open).toBeLessThan(s.tickets * 0.05);
    expect(s.notified).toBeGreaterThan(0);
    expect(s.rated).toBeGreaterThan(s.tickets * 0.4);
    expect(s.rated).toBeLessThan(s.tickets * 0.8);

    expect(r.cases.map((c) => c.name)).toEqual([
      'list first page',
      'list 在办 (open)',
      'list 已逾期 (overdue)',
      'list page 4',
      expect.stringMatching(/^list name .…$/),
      expect.stringMatching(/^list name ..+$/),
      expect.stringMatching(/^list number …\d+$/),
      expect.stringMatching(/^list number SL\d{4}-000…$/),
      'supervision board',
      'ticket with history',
    ]);
    for (const c of r.cases) {
      // The raw side replays what the handler ran and reads the very rows it returned.
      expect(c.sameRows, c.name).toBe(true);
      expect(c.statements, c.name).toBeGreaterThan(0);
      expect(c.handler.runs).toBe(5);
      expect(c.raw.median).toBeGreaterThan(0);
      expect(c.met).toBe(c.handler.p95 <= c.targetMs);
    }
    const byName = (prefix: string) => r.cases.find((c) => c.name.startsWith(prefix))!;
    expect(byName('list first page').rows).toBe(50);
    expect(byName('list page 4').rows).toBe(50);
    expect(byName('list number').rows).toBeGreaterThan(0);
    expect(byName('list name').rows).toBeGreaterThan(0);
    expect(byName('ticket with history').rows).toBeGreaterThanOrEqual(4);
    expect(byName('supervision board').targetMs).toBe(50);
    expect(byName('ticket with history').targetMs).toBe(5);
    expect(r.receipt).toBeNull();

    expect(section.text).toMatch(/^hall: 2,000 tickets, [\d,]+ history lines, \d{4}-\d\d-\d\d … \d{4}-\d\d-\d\d/);
    expect(section.text).toMatch(/load average [\d.]+ [\d.]+ [\d.]+ at the start/);
    expect(section.text).toContain('5 pairs a case: the handler through core.call (session, permission, zod, Kysely, mapping) beside raw better-sqlite3');
    // A row per case: handler median and p95, raw median and p95, ratio, added, statements, rows, the check, the target and its verdict.
    const row = (name: string, rows: string, target: number) =>
      new RegExp(`^${name} +(\\d+\\.\\d\\d ms +){4}\\d+\\.\\d× +\\+-?\\d+\\.\\d\\d ms +\\d+ +${rows} +the same +≤ ${target} ms +(met|MISSED)$`, 'm');
    expect(section.text).toMatch(row('list first page', '50', 10));
    expect(section.text).toMatch(row('list page 4', '50', 10));
    expect(section.text).toMatch(row('supervision board', '\\d+', 50));
    expect(section.text).toMatch(row('ticket with history', '\\d+', 5));
    expect(lines[0]).toBe('hall: seeding 2,000 tickets over three years…');
  }, 120_000);

  it('group receipt-pdf prints the newest accepted ticket’s 受理回执 through reports.run, the first print shown on its own', async () => {
    const run = { residents: 10_000, runs: 2, seed: 'x', groups: ['receipt-pdf'], importRows: 0, deepPages: 3, log: () => {} };
    const section = await hallBench.run(null as never, '', run);
    const r = section.json as HallBenchResult;
    expect(r.cases).toEqual([]);
    expect(r.receipt).toMatchObject({ number: expect.stringMatching(/^SL\d{4}-\d{6}$/), targetMs: 3000 });
    expect(r.receipt!.failed).toBeUndefined();
    expect(r.receipt!.first).toBeGreaterThan(0);
    expect(r.receipt!.warm!.runs).toBe(1);
    expect(r.receipt!.met).toBe(r.receipt!.warm!.p95 <= 3000);
    expect(section.text).toMatch(
      /^受理回执 SL\d{4}-\d{6} to PDF: first [\d,]+ ms \(Chromium starts\), then median [\d,]+ ms, p95 [\d,]+ ms over 1 \| target p95 ≤ 3000 ms after the first: (met|MISSED)$/m,
    );
  }, 120_000);
});

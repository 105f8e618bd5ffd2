import type { BenchSuite } from '../../bench/suite';
import { benchCouncil } from './bench';

/**
 * The council's part of `npm run bench`: 10,000 meetings and 200,000 action items (issue 13), then the
 * follow-up list's first and a deep page through the whole handler path, and a meeting's minutes printed to PDF. `linli council bench` runs the
 * same measurement on a file of its own.
 */
export const councilBench: BenchSuite = {
  groups: ['followup', 'minutes'],
  async run(core, token, run) {
    run.log('council: seeding 10,000 meetings and 200,000 action items…');
    // A print is a whole Chromium job: 10 of them say enough about the 3 s target without a long run.
    const pdfRuns = run.groups.includes('minutes') ? Math.min(run.runs, 10) : 0;
    const r = await benchCouncil(core, token, { meetings: 10_000, actionsPerMeeting: 20, runs: run.runs, deepPages: run.deepPages, pdfRuns });
    const fmt = (t: { median: number; p95: number } | null) => (t ? `median ${t.median.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms` : '—');
    const text = [
      `council follow-up list (${r.openItems} open items; target p95 ≤ ${r.targetMs} ms): ${r.ok ? 'met' : 'MISSED'}`,
      `  first page: ${fmt(r.followUpFirstPage)}`,
      `  deep page:  ${fmt(r.followUpDeepPage)}`,
      ...(r.minutesPdf
        ? [
            `council minutes to PDF (target p95 ≤ ${r.minutesPdf.targetMs} ms after the first): first ${r.minutesPdf.first.toFixed(0)} ms` +
              (r.minutesPdf.warm ? `, then median ${r.minutesPdf.warm.median.toFixed(0)} ms, p95 ${r.minutesPdf.warm.p95.toFixed(0)} ms` : ''),
          ]
        : []),
    ].join('\n');
    return { text, json: r };
  },
};

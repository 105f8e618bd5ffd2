import type { BenchReport, CaseResult } from './run';
import type { Timing } from '../../../../bench/stats';
import { table } from '../../../../bench/table';

const ms = (t: Timing | null, key: 'median' | 'p95') => (t ? (t[key] < 10 ? t[key].toFixed(2) : t[key].toFixed(1)) : '—');

function caseRows(cases: CaseResult[]): string[][] {
  return [
    ['case', 'handler median', 'p95', 'raw median', 'p95', 'ratio', 'added', 'rows', 'target', '', 'handler ≤ 1.2× raw or +0.2 ms'],
    ...cases.map((c) => [
      c.name,
      ms(c.handler, 'median'),
      ms(c.handler, 'p95'),
      ms(c.raw, 'median'),
      ms(c.raw, 'p95'),
      c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`,
      c.addedMs === null ? '—' : `${c.addedMs >= 0 ? '+' : ''}${c.addedMs.toFixed(2)}`,
      String(c.rows),
      c.target,
      c.ok === null ? `n/a ${c.note ?? ''}` : `${c.ok ? 'ok' : 'MISSED'}${c.note ? ` (${c.note})` : ''}`,
      c.overheadOk === null ? '' : c.overheadOk ? 'ok' : 'MISSED',
    ]),
  ];
}

const timingText = (t: Timing | null) =>
  t ? `p50 ${t.median.toFixed(1)}, p95 ${t.p95.toFixed(1)}, max ${t.max.toFixed(1)} ms (${t.runs} calls)` : 'no call fell in it';

/** The benchmark as a plain-text table (milliseconds unless marked). */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const s = r.seed;
  out.push(`Linli residents benchmark — ${r.database}`);
  out.push(`${r.residents} residents in ${r.households} households (${(r.residents / Math.max(1, r.households)).toFixed(2)} per household)`);
  out.push('');
  out.push('Seed');
  out.push(
    ...table(
      [
        ['measure', 'value'],
        ...(s.reused
          ? [['seed', 'reused an existing file']]
          : [
              ['time', `${s.seconds.toFixed(1)} s`],
              ['rows written', `${s.rows} (${s.rowsPerSecond} rows/s)`],
              ['residents', `${s.residents} (${s.residentsPerSecond} residents/s)`],
              ['threads deriving columns', s.workers ? `${s.workers} workers beside the writer` : 'the writer itself'],
              ['peak RSS (sampled / getrusage)', `${s.peakRssMb} MB / ${s.maxRssMb} MB`],
            ]),
        ['file size', `${(s.fileBytes / 2 ** 20).toFixed(0)} MB (${s.bytesPerResident} bytes per resident, all tables)`],
      ],
      [],
    ),
  );
  out.push('');
  if (r.search.length) {
    const runs = r.search[0]?.handler?.runs ?? 0;
    out.push(`Search (residents.search through core.call vs the same SQL on raw better-sqlite3, timed in alternation; ${runs} runs each; ms)`);
    out.push(...table(caseRows(r.search), [1, 2, 3, 4, 5, 6, 7]));
    out.push('');
  }
  if (r.list.length) {
    out.push(
      `List pages of 50 (residents.list, and the reminder lists: milestones, idCardsExpiring, permitsDue; p1 = first page, pN = after following the cursor N−1 pages; ms)`,
    );
    out.push(...table(caseRows(r.list), [1, 2, 3, 4, 5, 6, 7]));
    out.push('');
  }
  if (r.import) {
    const i = r.import;
    out.push(`Import (residents.importPreview + residents.importCommit, XLSX; load average ${i.loadAverage.map((l) => l.toFixed(1)).join(' ')} at its start)`);
    out.push(
      ...table([
        ['measure', 'value'],
        ['rows (with a bad check digit)', `${i.rows} (${i.invalidRows})`],
        ['file', `${(i.fileBytes / 2 ** 20).toFixed(1)} MB`],
        ['preview', `${i.previewSeconds.toFixed(1)} s`],
        ['commit (job)', `${i.commitSeconds.toFixed(1)} s`],
        [
          'CPU time of the process (all threads)',
          `preview ${i.cpuSeconds.preview.toFixed(1)} s` +
            (i.previewProcessCpuSeconds ? ` + its preview process ${i.previewProcessCpuSeconds.toFixed(1)} s` : '') +
            `, commit ${i.cpuSeconds.commit.toFixed(1)} s` +
            (i.commitProcessCpuSeconds === null ? '' : ` + its commit process ${i.commitProcessCpuSeconds.toFixed(1)} s (checkpoint included)`) +
            (i.cpuSeconds.raw === null ? '' : `; raw replay ${i.cpuSeconds.raw.toFixed(1)} s`),
        ],
        [
          'memory of this process (MiB)',
          `${i.memory.beforeRss.toFixed(0)} before; RSS peak in the preview ${i.memory.preview.rss.toFixed(0)} (V8 heap ${i.memory.preview.heapUsed.toFixed(0)}, buffers ${i.memory.preview.external.toFixed(0)}), ` +
            `in the commit ${i.memory.commit.rss.toFixed(0)} (heap ${i.memory.commit.heapUsed.toFixed(0)}, buffers ${i.memory.commit.external.toFixed(0)}); ${i.memory.afterRss.toFixed(0)} when it was done`,
        ],
        ['checkpoint after it (background)', `${i.checkpointSeconds.toFixed(1)} s`],
        ['CPU taken by the VM host meanwhile (steal)', i.stolenSeconds === null ? 'not measured here' : `${i.stolenSeconds.toFixed(1)} s over all cores`],
        ['total', `${i.totalSeconds.toFixed(1)} s`],
        ['raw replay of its SQL (one transaction)', i.rawSeconds === null ? '—' : `${i.rawSeconds.toFixed(1)} s (ratio ${i.ratio?.toFixed(1)}×)`],
        ['longest event-loop stall (p99)', `${i.maxStallMs.toFixed(0)} ms (${i.p99StallMs.toFixed(0)} ms)`],
        ['…during the preview', `${i.stalls.preview.maxMs.toFixed(0)} ms (${i.stalls.preview.p99Ms.toFixed(0)} ms)`],
        ['…during the commit', `${i.stalls.commit.maxMs.toFixed(0)} ms (${i.stalls.commit.p99Ms.toFixed(0)} ms)`],
        [
          'main thread held by its own work (CPU)',
          `preview ${i.stalls.preview.maxCpuMs.toFixed(0)} ms, commit ${i.stalls.commit.maxCpuMs.toFixed(0)} ms at most between two event-loop turns`,
        ],
        ['result', JSON.stringify(i.counts)],
        ['target', `${i.target}: ${i.ok ? 'ok' : 'MISSED'}`],
        ...i.slowestStatements.map((st, n) => [n === 0 ? 'slowest statements (raw)' : '', `${st.seconds.toFixed(1)} s, ${st.count}×: ${st.sql}`]),
      ]),
    );
    out.push('');
  }
  if (r.serve) {
    const v = r.serve;
    const load = v.loadAverage.map((l) => l.toFixed(1)).join(' ');
    out.push(
      `Through linli serve over HTTP: two desks searching and paging while a third imports ${v.rows} ${v.format.toUpperCase()} rows (load average ${load})`,
    );
    out.push(
      ...table([
        ['measure', 'value'],
        ['searches during the preview', timingText(v.duringPreview.search)],
        ['list pages during the preview', timingText(v.duringPreview.list)],
        ['searches during the commit', timingText(v.duringCommit.search)],
        ['list pages during the commit', timingText(v.duringCommit.list)],
        ['start-up backup recorded (the import waited for it)', `${v.backupSeconds.toFixed(1)} s after the address`],
        [
          'first search after start / restart',
          [v.firstSearch.start, v.firstSearch.restart].map((f) => (f ? `${(f.answeredMs / 1000).toFixed(2)} s after the address` : '—')).join(' / '),
        ],
      ]),
    );
    out.push('');
    out.push("Issue 10's targets");
    const mark = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'MISSED');
    out.push(...table([['what', 'measured', 'target', ''], ...v.targets.map((t) => [t.what, t.measured, t.target, mark(t.ok)])]));
    out.push('');
  }
  const missed = [...r.search, ...r.list].filter((c) => c.ok === false).map((c) => c.name);
  if (r.serve) missed.push(...r.serve.targets.filter((t) => t.ok === false).map((t) => t.what));
  missed.push(...[...r.search, ...r.list].filter((c) => c.overheadOk === false).map((c) => `${c.name} (handler beside raw)`));
  if (r.import && !r.import.ok) missed.push('import');
  out.push(missed.length ? `Missed targets: ${missed.join('; ')}` : 'Every measured case met its target.');
  for (const n of r.notes) out.push(`Note: ${n}`);
  return out.join('\n') + '\n';
}

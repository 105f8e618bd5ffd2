import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeetingSummary } from '../../../shared/contract/council';
import type { Command, CommandContext } from '../context';
import { stringOption, userOption } from '../args';
import { CliError, UsageError } from '../errors';
import { databaseExists, openCore, withSession } from '../session';
import { ensureFolder } from '../../core/util/folders';
import { jobWaiter } from './report';
import { createCore } from '../../core/app';
import { benchCouncil } from '../../core/features/council/bench';
import { generatePassword } from '../../core/seed/demo';
import { meetingsPageQuery } from '../../core/features/council/repository';
import { toSummary } from '../../core/features/council/service';
import { translator, type Locale } from '../../../shared/i18n/translate';
import { commandTexts } from '../text';

type BenchFigures = { meetings: number; actions: number; open: number; seconds: string; first: string; deep: string; target: number; ok: boolean };

/** What `linli council` says, from the council's locale files (cli.council.* in src/shared/i18n/council/). */
function councilTexts(locale: Locale) {
  const t = translator(locale);
  const verdict = (ok: boolean) => t(ok ? 'cli.council.met' : 'cli.council.missed');
  return {
    action: (action: string) => t('cli.council.unknownAction', { action }),
    format: t('cli.council.formats'),
    gone: t('cli.council.gone'),
    written: (out: string, bytes: number) => t('cli.council.written', { out, bytes }),
    benchNew: (file: string) => t('cli.council.benchNew', { file }),
    bench: ({ ok, ...r }: BenchFigures) => t('cli.council.bench', { ...r, verdict: verdict(ok) }),
    pdf: ({ ok, ...r }: { first: string; warm: string; target: number; ok: boolean }) => t('cli.council.pdf', { ...r, verdict: verdict(ok) }),
    none: t('cli.council.none'),
    count: (count: number) => t('cli.council.count', { count }),
    ms: t('cli.council.ms'),
    state: (state: MeetingSummary['state']) => t(`cli.council.states.${state}`),
  };
}

const say = { 'zh-CN': councilTexts('zh-CN'), en: councilTexts('en') };

export const councilCommand: Command = {
  name: 'council',
  ...commandTexts('council'),
  options: {
    ...userOption,
    meeting: { type: 'string' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    version: { type: 'string' },
    meetings: { type: 'string' },
    'actions-per-meeting': { type: 'string' },
    runs: { type: 'string' },
    'deep-pages': { type: 'string' },
    'pdf-runs': { type: 'string' },
  },
  positionals: true,
  async run(ctx) {
    const [action, ...extra] = ctx.args.positionals;
    if (extra.length) throw new UsageError(ctx.text.extraArguments(extra.join(' ')));
    if (action === 'meetings') return listMeetings(ctx);
    if (action === 'minutes') return printMinutes(ctx);
    if (action === 'bench') return bench(ctx);
    throw new UsageError(say[ctx.locale].action(action ?? ''));
  },
};

async function listMeetings(ctx: CommandContext): Promise<number> {
  const core = await openCore(ctx, { mustExist: true });
  try {
    const meetings: MeetingSummary[] = [];
    let after: { k: string | null; i: number } | null = null;
    // Page through the same index the app's list reads, so a large file never sorts in memory.
    for (;;) {
      const rows = await meetingsPageQuery(core.services.db, null, after, 500).execute();
      meetings.push(...rows.map(toSummary));
      const last = rows.at(-1);
      if (rows.length < 500 || !last) break;
      after = { k: last.held_on, i: last.rid };
    }
    ctx.emitJson({ ok: true, meetings: meetings.map((m) => ({ id: m.id, heldOn: m.heldOn, body: m.bodyName, title: m.title, state: m.state })) });
    if (meetings.length === 0) ctx.print(say[ctx.locale].none);
    for (const m of meetings) ctx.print(`${m.id}  ${m.heldOn}  ${m.bodyName}  ${m.title}  ${say[ctx.locale].state(m.state)}`);
    if (meetings.length) ctx.print(say[ctx.locale].count(meetings.length));
    return 0;
  } finally {
    await core.close();
  }
}

/** Runs the council_minutes report as the meeting page's print button does, and copies the file to --out. */
async function printMinutes(ctx: CommandContext): Promise<number> {
  const meeting = ctx.required('meeting');
  const format = ctx.required('format');
  if (format !== 'pdf' && format !== 'docx') throw new UsageError(ctx.text.badValue('format', format, say[ctx.locale].format));
  const out = path.resolve(ctx.required('out'));
  const version = stringOption(ctx.args.values, 'version') === undefined ? undefined : intOption(ctx, 'version', 1, 1, 10_000);
  return withSession(ctx, [], async ({ core, session, call }) => {
    const waiter = jobWaiter(core.services.events, session.token, ctx);
    try {
      // Official documents are printed in Chinese (GB/T 9704), whatever the terminal's language.
      const { jobId } = await call('reports.run', { name: 'council_minutes', format, params: { meeting, version, locale: 'zh-CN' } });
      const done = await waiter.wait(jobId);
      const file = core.services.jobs.file(done.fileId, session.token);
      const gone = say[ctx.locale].gone;
      if (!file) throw new CliError(ctx.explain({ code: 'jobs.failed', message: gone, params: { message: gone } }), 'jobs.failed');
      ensureFolder(path.dirname(out));
      fs.copyFileSync(file.path, out);
      ctx.print(say[ctx.locale].written(out, file.bytes));
      ctx.emitJson({ ok: true, meeting, format, out, bytes: file.bytes, fileName: file.fileName });
      return 0;
    } finally {
      waiter.stop();
    }
  });
}

function intOption(ctx: CommandContext, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(ctx.args.values, name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(ctx.text.badValue(name, raw, `${min}–${max}`));
  return n;
}

async function bench(ctx: CommandContext): Promise<number> {
  const meetings = intOption(ctx, 'meetings', 10_000, 1, 1_000_000);
  const actionsPerMeeting = intOption(ctx, 'actions-per-meeting', 20, 0, 1000);
  const runs = intOption(ctx, 'runs', 200, 1, 100_000);
  const deepPages = intOption(ctx, 'deep-pages', 100, 1, 100_000);
  const pdfRuns = intOption(ctx, 'pdf-runs', 10, 0, 1000);
  const explicitDb = stringOption(ctx.args.values, 'db');
  // Synthetic meetings never go into a file with real records: the bench makes its own.
  if (explicitDb && databaseExists(ctx.dbPath)) throw new CliError(say[ctx.locale].benchNew(ctx.dbPath), 'council.bench_not_new');
  const tempFolder = explicitDb ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'linli-council-bench-'));
  const databasePath = explicitDb ? ctx.dbPath : path.join(tempFolder!, 'linli.sqlite');
  const core = await createCore({ databasePath, workstation: 'bench' });
  try {
    const setup = await core.call({
      method: 'auth.setup',
      input: {
        community: { communityName: '性能测试社区', unitName: '性能测试社区居民委员会' },
        admin: { username: 'bench', displayName: '性能测试', password: generatePassword() },
      },
      sessionToken: null,
    });
    if (!setup.ok) throw new CliError(ctx.explain(setup.error), setup.error.code);
    const r = await benchCouncil(core, (setup.value as { token: string }).token, { meetings, actionsPerMeeting, runs, deepPages, pdfRuns });
    const unit = say[ctx.locale].ms;
    const ms = (t: { median: number; p95: number } | null) => (t ? `${t.median.toFixed(2)}${unit} (p95 ${t.p95.toFixed(2)}${unit})` : '—');
    ctx.emitJson(r);
    ctx.print(
      say[ctx.locale].bench({
        meetings: r.seeded.meetings,
        actions: r.seeded.actionItems,
        open: r.openItems,
        seconds: r.seedSeconds.toFixed(1),
        first: ms(r.followUpFirstPage),
        deep: ms(r.followUpDeepPage),
        target: r.targetMs,
        ok: r.ok,
      }),
    );
    const pdf = r.minutesPdf;
    if (pdf) {
      const warm = pdf.warm ?? { median: pdf.first, p95: pdf.first };
      const pdfOk = warm.p95 <= pdf.targetMs;
      ctx.print(say[ctx.locale].pdf({ first: `${pdf.first.toFixed(0)}${unit}`, warm: ms(pdf.warm), target: pdf.targetMs, ok: pdfOk }));
    }
    return r.ok ? 0 : 1;
  } finally {
    await core.close();
    if (tempFolder) fs.rmSync(tempFolder, { recursive: true, force: true });
  }
}

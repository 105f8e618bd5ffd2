import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile, ReportFormatName } from '../../../shared/contract/reports';
import { reportFormat } from '../../../shared/contract/reports';
import type { PushEvent } from '../../../shared/contract/events';
import type { ErrorPayload } from '../../../shared/errors';
import type { Command, CommandContext } from '../context';
import { listOption, stringOption, userOption } from '../args';
import { CliError, UsageError } from '../errors';
import { reportCatalogue, findReport } from '../../core/reports/catalogue';
import type { ReportDefinition } from '../../core/reports/registry';
import type { EventBus } from '../../core/events';
import { localToday } from '../../core/time/zone';
import { withSession } from '../session';
import { ensureFolder } from '../../core/util/folders';
import { commandTexts } from '../text';

const names = () => reportCatalogue.map((r) => r.name).join(', ');

export const reportCommand: Command = {
  name: 'report',
  ...commandTexts('report', { reports: names() }),
  options: {
    ...userOption,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    param: { type: 'string', multiple: true },
  },
  positionals: true,
  async run(ctx) {
    const [name, ...extra] = ctx.args.positionals;
    if (!name) throw new UsageError(ctx.text.unknownReport('', names()));
    if (extra.length) throw new UsageError(ctx.text.extraArguments(extra.join(' ')));
    const def = findReport(name);
    if (!def) throw new UsageError(ctx.text.unknownReport(name, names()));
    const format = parseFormat(ctx, def);
    const out = path.resolve(ctx.required('out'));
    const params = extraParams(ctx, def);

    return withSession(ctx, [], async ({ core, session, call }) => {
      await defaultDateRange(def, params, () => call('community.settings', {}).then((s) => localToday(core.services.now(), s.timeZone)));
      const waiter = jobWaiter(core.services.events, session.token, ctx);
      try {
        const { jobId } = await call('reports.run', { name, format, params: { ...params, locale: reportLocale(ctx) } });
        const done = await waiter.wait(jobId);
        const file = core.services.jobs.file(done.fileId, session.token);
        if (!file)
          throw new CliError(
            ctx.explain({ code: 'jobs.failed', message: 'the finished file is gone', params: { message: 'the finished file is gone' } }),
            'jobs.failed',
          );
        ensureFolder(path.dirname(out));
        fs.copyFileSync(file.path, out);
        ctx.print(ctx.text.reportDone(out, file.bytes));
        ctx.emitJson({ ok: true, report: name, format, out, bytes: file.bytes, fileName: file.fileName, mimeType: file.mimeType });
        return 0;
      } finally {
        waiter.stop();
      }
    });
  },
};

function parseFormat(ctx: CommandContext, def: ReportDefinition): ReportFormatName {
  const raw = ctx.required('format');
  const parsed = reportFormat.safeParse(raw);
  if (!parsed.success || !def.formats.includes(parsed.data)) throw new UsageError(ctx.text.badValue('format', raw, def.formats.join(', ')));
  return parsed.data;
}

/** The report's language: `--locale` if given, else Chinese (reports are official documents). */
function reportLocale(ctx: CommandContext): string {
  return stringOption(ctx.args.values, 'locale') ?? 'zh-CN';
}

function extraParams(ctx: CommandContext, def: ReportDefinition): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const item of listOption(ctx.args.values, 'param')) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(ctx.text.badParam(item));
    const key = item.slice(0, i);
    const value = item.slice(i + 1);
    const field = def.paramFields.find((f) => f.name === key);
    params[key] = field?.type === 'boolean' ? value === 'true' || value === '1' : value;
  }
  for (const key of ['from', 'to']) {
    const v = stringOption(ctx.args.values, key);
    if (v !== undefined) params[key] = v;
  }
  return params;
}

/** A report that takes a date range gets one even when none was given: this year up to today. */
async function defaultDateRange(def: ReportDefinition, params: Record<string, unknown>, today: () => Promise<string>): Promise<void> {
  const takes = (n: string) => def.paramFields.some((f) => f.name === n && f.type === 'date');
  if (!takes('from') && !takes('to')) return;
  if (params.to === undefined) params.to = await today();
  if (params.from === undefined && typeof params.to === 'string') params.from = `${params.to.slice(0, 4)}-01-01`;
}

/**
 * Listens for the session's job events from before the job starts (so none is missed), shows progress on
 * a terminal, and resolves with the finished file of one job.
 */
export function jobWaiter(events: EventBus, sessionToken: string, ctx: CommandContext) {
  const seen = new Map<string, PushEvent>();
  let waiting: { jobId: string; resolve(f: ExportedFile): void; reject(e: Error): void } | null = null;
  const tty = ctx.io.stderr.isTTY === true;
  let progressShown = false;

  const settle = (event: PushEvent) => {
    if (!waiting) return;
    const payload = event.payload as { jobId: string; file?: ExportedFile; error?: ErrorPayload };
    if (payload.jobId !== waiting.jobId) return;
    if (progressShown) ctx.io.stderr.write('\n');
    if (event.name === 'job.done' && payload.file) waiting.resolve(payload.file);
    else if (event.name === 'job.failed' && payload.error)
      waiting.reject(new CliError(ctx.explain(payload.error), payload.error.code, 1, { error: payload.error }));
  };
  const unsubscribe = events.subscribe((event) => {
    if (event.sessionToken !== sessionToken) return;
    if (event.name === 'job.progress') {
      const p = event.payload as { jobId: string; done: number; total: number };
      if (tty && (!waiting || p.jobId === waiting.jobId)) {
        ctx.io.stderr.write(`\r${ctx.text.reportProgress(p.done, p.total)}`);
        progressShown = true;
      }
      return;
    }
    if (event.name !== 'job.done' && event.name !== 'job.failed') return;
    seen.set((event.payload as { jobId: string }).jobId, event);
    settle(event);
  });

  return {
    wait(jobId: string): Promise<ExportedFile> {
      return new Promise<ExportedFile>((resolve, reject) => {
        waiting = { jobId, resolve, reject };
        const early = seen.get(jobId);
        if (early) settle(early);
      });
    },
    stop: unsubscribe,
  };
}

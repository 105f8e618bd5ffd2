import fs from 'node:fs';
import path from 'node:path';
import type { EventMap, PushEvent } from '../../../shared/contract/events';
import { constantFields, type ImportConstants, type ImportMapping, type NewPlaces } from '../../../shared/contract/residents/imports';
import { constantField } from '../../core/features/residents/import/mapping';
import type { Command, CommandContext } from '../context';
import { listOption, stringOption, userOption } from '../args';
import { CliError, ExitCode, UsageError } from '../errors';
import { withSession, type SignedIn } from '../session';
import { translator, type Locale } from '../../../shared/i18n/translate';
import { commandTexts } from '../text';

type Done = EventMap['job.done'];

/** How people head the columns --set can stand in for (each one is recognised by constantField). */
const constantHeader: Record<(typeof constantFields)[number], string> = {
  status: '人员类别',
  docType: '证件类型',
  residenceReason: '居住事由',
  registeredOn: '登记日期',
  ethnicity: '民族',
  compound: '小区',
  building: '楼栋',
  unit: '单元',
  grid: '网格',
  tags: '标签',
};

/** The fields --set takes, as the headers people write: 小区、楼栋 … */
const constantNames = constantFields.map((f) => constantHeader[f]).join('、');

/** What `linli residents` says, from the registry's locale files (cli.residents.* in src/shared/i18n/residents/). */
function residentsTexts(locale: Locale) {
  const t = translator(locale);
  /** "小区：泰和小区；楼栋：泰和小区3栋、泰和小区5栋；3 间房屋" in the locale's words. */
  const placesList = (p: NewPlaces) => {
    const word = (key: string) => t(`cli.residents.places.${key}`);
    const [colon, and] = [word('colon'), word('and')];
    const parts: string[] = [];
    if (p.grids.length) parts.push(`${word('grids')}${colon}${p.grids.join(and)}`);
    if (p.compounds.length) parts.push(`${word('compounds')}${colon}${p.compounds.join(and)}`);
    if (p.buildings.length) parts.push(`${word('buildings')}${colon}${p.buildings.join(and)}`);
    if (p.houseCount) parts.push(`${p.houseCount} ${word('houses')}`);
    return parts.join(word('then'));
  };
  return {
    counts: (c: { add: number; update: number; unchanged: number; reject: number }) => t('cli.residents.counts', c),
    previewed: (file: string, rows: number) => t('cli.residents.previewed', { file, rows }),
    unmapped: (headers: string) => t('cli.residents.unmapped', { headers }),
    dryRun: t('cli.residents.dryRun'),
    imported: (c: Record<string, number>) =>
      t('cli.residents.imported', { added: c.added ?? 0, updated: c.updated ?? 0, unchanged: c.unchanged ?? 0, rejected: c.rejected ?? 0 }),
    changedSincePreview: (count: number) => t('cli.residents.changedSincePreview', { count }),
    rejected: (count: number, report: string) => t('cli.residents.rejected', { count, report }),
    allOrNothing: (count: number) => t('cli.residents.allOrNothing', { count }),
    progress: (done: number, total: number) => t('cli.residents.progress', { done, total }),
    exported: (out: string, bytes: number) => t('cli.residents.exported', { out, bytes }),
    badMapping: (file: string, why: string) => t('cli.residents.badMapping', { file, why }),
    noFile: (file: string) => t('cli.residents.noFile', { file }),
    newPlaces: (p: NewPlaces, creating: boolean) =>
      t('cli.residents.newPlaces', { places: placesList(p), next: t(creating ? 'cli.residents.placesCreated' : 'cli.residents.placesHowTo') }),
    badSet: (item: string, allowed: string) => t('cli.residents.badSet', { item, allowed }),
    badMapCompound: (item: string) => t('cli.residents.badMapCompound', { item }),
    action: (action: string) => t('cli.residents.unknownAction', { action }),
  };
}

const say = { 'zh-CN': residentsTexts('zh-CN'), en: residentsTexts('en') };

export const residentsCommand: Command = {
  name: 'residents',
  ...commandTexts('residents', { fields: constantNames }),
  options: {
    ...userOption,
    file: { type: 'string' },
    mapping: { type: 'string' },
    set: { type: 'string', multiple: true },
    'create-places': { type: 'boolean' },
    'map-compound': { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    'all-or-nothing': { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    grid: { type: 'string' },
    building: { type: 'string' },
    tag: { type: 'string' },
    status: { type: 'string' },
    archived: { type: 'string' },
    'full-ids': { type: 'boolean' },
  },
  positionals: true,
  async run(ctx) {
    const [action, ...extra] = ctx.args.positionals;
    if (extra.length) throw new UsageError(ctx.text.extraArguments(extra.join(' ')));
    if (action === 'import') return importFile(ctx);
    if (action === 'export') return exportRegister(ctx);
    throw new UsageError(say[ctx.locale].action(action ?? ''));
  },
};

function readMapping(ctx: CommandContext): ImportMapping | undefined {
  const file = stringOption(ctx.args.values, 'mapping');
  if (!file) return undefined;
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    // A saved mapping ({ name, mapping }) or the mapping itself.
    const m = raw && typeof raw === 'object' && 'mapping' in raw ? (raw as { mapping: unknown }).mapping : raw;
    if (!m || typeof m !== 'object' || Array.isArray(m) || Object.values(m).some((v) => typeof v !== 'string')) throw new Error('{ "field": "header", … }');
    return m as ImportMapping;
  } catch (err) {
    throw new UsageError(say[ctx.locale].badMapping(file, (err as Error).message));
  }
}

/** `--set 小区=泰和小区`: a field named as a header would name it (or by its key), and its value. */
function readConstants(ctx: CommandContext): ImportConstants {
  const out: ImportConstants = {};
  for (const item of repeated(ctx, 'set')) {
    const at = item.indexOf('=');
    const field = at > 0 ? constantField(item.slice(0, at).trim()) : undefined;
    const value = at > 0 ? item.slice(at + 1).trim() : '';
    if (!field || !value) throw new UsageError(say[ctx.locale].badSet(item, constantNames));
    out[field] = value;
  }
  return out;
}

function readCompoundAliases(ctx: CommandContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of repeated(ctx, 'map-compound')) {
    const [spelling, existing, ...rest] = item.split('=').map((x) => x.trim());
    if (!spelling || !existing || rest.length) throw new UsageError(say[ctx.locale].badMapCompound(item));
    out[spelling] = existing;
  }
  return out;
}

function repeated(ctx: CommandContext, name: string): string[] {
  const v = ctx.args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

async function importFile(ctx: CommandContext): Promise<number> {
  const s = say[ctx.locale];
  const file = path.resolve(ctx.required('file'));
  if (!fs.existsSync(file)) throw new UsageError(s.noFile(file));
  const mapping = readMapping(ctx);
  const constants = readConstants(ctx);
  const compoundAliases = readCompoundAliases(ctx);
  const createPlaces = ctx.args.values['create-places'] === true;
  const dryRun = ctx.args.values['dry-run'] === true;
  const mode = ctx.args.values['all-or-nothing'] === true ? 'all_or_nothing' : 'valid_rows';

  return withSession(ctx, [], async (signed) => {
    const p = await signed.call('residents.importPreview', {
      fileName: path.basename(file),
      contentBase64: fs.readFileSync(file).toString('base64'),
      ...(mapping ? { mapping } : {}),
      constants,
      createPlaces,
      compoundAliases,
    });
    ctx.print(s.previewed(file, p.totalRows));
    ctx.print(s.counts(p.counts));
    const places = p.newPlaces;
    if (places.grids.length + places.compounds.length + places.buildings.length + places.houseCount > 0) ctx.print(s.newPlaces(places, createPlaces));
    if (p.unmappedHeaders.length) ctx.note(s.unmapped(p.unmappedHeaders.join('、')));
    let summary: Record<string, number> | null = null;
    if (dryRun) ctx.print(s.dryRun);
    else if (mode === 'all_or_nothing' && p.counts.reject > 0) ctx.print(s.allOrNothing(p.counts.reject));
    else if (p.counts.add + p.counts.update + p.counts.unchanged > 0) {
      const done = await runJob(ctx, signed, () => signed.call('residents.importCommit', { importId: p.importId, mode }));
      summary = done.summary ?? {};
      ctx.print(s.imported(summary));
    }
    // The rows not imported are the commit's when it ran (a row changed since the preview is refused there,
    // with the commit's reason), else the preview's; either way they go to the error report and exit 1.
    const rejected = summary ? (summary.rejected ?? 0) : p.counts.reject;
    const sincePreview = summary ? Math.max(0, rejected - p.counts.reject) : 0;
    let errorReport: string | null = null;
    if (rejected > 0) {
      errorReport = file.replace(/\.[^./\\]+$/, '') + '.errors.xlsx';
      const done = await runJob(ctx, signed, () => signed.call('residents.importErrorReport', { importId: p.importId }));
      copyJobFile(signed, done, errorReport);
      if (sincePreview > 0) ctx.print(s.changedSincePreview(sincePreview));
      ctx.print(s.rejected(rejected, errorReport));
    }
    ctx.emitJson({
      ok: rejected === 0,
      importId: p.importId,
      counts: p.counts,
      constants: p.constants,
      createPlaces,
      newPlaces: p.newPlaces,
      dryRun,
      mode,
      imported: summary,
      rejected,
      rejectedSincePreview: sincePreview,
      errorReport,
      unmappedHeaders: p.unmappedHeaders,
    });
    return rejected > 0 ? ExitCode.failed : ExitCode.ok;
  });
}

async function exportRegister(ctx: CommandContext): Promise<number> {
  const s = say[ctx.locale];
  const format = ctx.required('format');
  if (!['xlsx', 'csv', 'pdf'].includes(format)) throw new UsageError(ctx.text.badValue('format', format, 'xlsx, csv, pdf'));
  const out = path.resolve(ctx.required('out'));
  const params: Record<string, unknown> = { locale: stringOption(ctx.args.values, 'locale') ?? 'zh-CN' };
  for (const key of ['grid', 'building', 'tag', 'status', 'archived']) {
    const v = listOption(ctx.args.values, key).join(',') || undefined;
    if (v !== undefined) params[key] = v;
  }
  if (ctx.args.values['full-ids'] === true) params.fullIds = true;
  return withSession(ctx, [], async (signed) => {
    const done = await runJob(ctx, signed, () => signed.call('reports.run', { name: 'residents.register', format: format as 'xlsx', params }));
    const bytes = copyJobFile(signed, done, out);
    ctx.print(s.exported(out, bytes));
    ctx.emitJson({ ok: true, out, bytes, format });
    return ExitCode.ok;
  });
}

function copyJobFile(signed: SignedIn, done: Done, to: string): number {
  const stored = done.file ? signed.core.services.jobs.file(done.file.fileId, signed.session.token) : null;
  if (!stored) throw new CliError('the finished file is gone', 'jobs.failed');
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(stored.path, to);
  return stored.bytes;
}

/** Starts a job and waits for its end, listening from before the start so that no event is missed. */
async function runJob(ctx: CommandContext, signed: SignedIn, start: () => Promise<{ jobId: string }>): Promise<Done> {
  const seen: PushEvent[] = [];
  let jobId: string | null = null;
  let settle: ((e: PushEvent) => void) | null = null;
  const tty = ctx.io.stderr.isTTY === true;
  const off = signed.core.services.events.subscribe((e) => {
    if (e.sessionToken !== signed.session.token) return;
    if (e.name === 'job.progress' && tty) {
      const p = e.payload as EventMap['job.progress'];
      if (!jobId || p.jobId === jobId) ctx.io.stderr.write(`\r${say[ctx.locale].progress(p.done, p.total)}`);
    }
    if (e.name !== 'job.done' && e.name !== 'job.failed') return;
    if (settle) settle(e);
    else seen.push(e);
  });
  try {
    jobId = (await start()).jobId;
    const end = await new Promise<PushEvent>((resolve) => {
      settle = (e) => {
        if ((e.payload as { jobId: string }).jobId === jobId) resolve(e);
      };
      for (const e of seen) settle(e);
    });
    if (tty) ctx.io.stderr.write('\n');
    if (end.name === 'job.failed') {
      const error = (end.payload as EventMap['job.failed']).error;
      throw new CliError(ctx.explain(error), error.code, ExitCode.failed, { error });
    }
    return end.payload as Done;
  } finally {
    off();
  }
}

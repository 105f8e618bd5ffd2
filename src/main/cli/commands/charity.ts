import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { EventMap, PushEvent } from '../../../shared/contract/events';
import { noticeFormats } from '../../../shared/contract/charity/notices';
import { AppError } from '../../../shared/errors';
import type { Command, CommandContext } from '../context';
import { stringOption, userOption } from '../args';
import { CliError, ExitCode, UsageError } from '../errors';
import { inspectExisting } from '../../core/db/connection';
import { verifyJournalOnAllCores } from '../../core/features/charity/verify-all-cores';
import { exportPublicLedger, verifyNoticeDigest, type PublicLedger } from '../../core/features/charity/public-ledger';
import { databaseRefusal } from '../recovery';
import { charityBenchText, runCharityBench } from '../../core/features/charity/bench';
import { databaseExists, withSession, type SignedIn } from '../session';
import { translator, type Locale } from '../../../shared/i18n/translate';
import { commandTexts } from '../text';

/** What `linli charity` says, from the charity ledger's locale files (cli.charity.* in src/shared/i18n/charity/). */
function charityTexts(locale: Locale) {
  const t = translator(locale);
  return {
    action: (action: string) => t('cli.charity.unknownAction', { action }),
    chainOk: (count: number, head: string) => t('cli.charity.chainOk', { count, head }),
    chainBroken: (seq: number, reason: string) => t('cli.charity.chainBroken', { seq, reason }),
    exported: (out: string, count: number) => t('cli.charity.exported', { out, count }),
    notLedger: (file: string) => t('cli.charity.notLedger', { file }),
    noticeOk: (seq: number) => t('cli.charity.noticeOk', { seq }),
    noticeNotFound: t('cli.charity.noticeNotFound'),
    noticeBroken: (seq: number, reason: string) => t('cli.charity.noticeBroken', { seq, reason }),
    published: (number: string, title: string) => t('cli.charity.published', { number, title }),
    reprinted: (number: string, title: string) => t('cli.charity.reprinted', { number, title }),
    written: (out: string, bytes: number) => t('cli.charity.written', { out, bytes }),
    gone: t('cli.charity.gone'),
  };
}

const say = { 'zh-CN': charityTexts('zh-CN'), en: charityTexts('en') };

export const charityCommand: Command = {
  name: 'charity',
  ...commandTexts('charity'),
  options: {
    ...userOption,
    out: { type: 'string', short: 'o' },
    public: { type: 'string' },
    digest: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string', short: 'f' },
    lines: { type: 'string' },
    runs: { type: 'string' },
    pdf: { type: 'boolean' },
  },
  positionals: true,
  async run(ctx) {
    const [action, ...extra] = ctx.args.positionals;
    if (extra.length) throw new UsageError(ctx.text.extraArguments(extra.join(' ')));
    if (action === 'verify') return verify(ctx);
    if (action === 'export-public') return exportPublic(ctx);
    if (action === 'verify-notice') return verifyNotice(ctx);
    if (action === 'notice') return notice(ctx);
    if (action === 'bench') return bench(ctx);
    throw new UsageError(say[ctx.locale].action(action ?? ''));
  },
};

/** The file, read-only and without signing in, as `linli verify` opens it. */
async function readOnly<T>(ctx: CommandContext, work: (sqlite: SqliteDatabase.Database) => T | Promise<T>): Promise<T> {
  if (!databaseExists(ctx.dbPath)) throw new CliError(ctx.text.noDatabase(ctx.dbPath), 'cli.no_database');
  try {
    inspectExisting(ctx.dbPath);
  } catch (err) {
    if (err instanceof AppError) throw await databaseRefusal(ctx, err);
    throw err;
  }
  const sqlite = new SqliteDatabase(ctx.dbPath, { readonly: true, fileMustExist: true });
  try {
    return await work(sqlite);
  } finally {
    sqlite.close();
  }
}

const reasonText = (ctx: CommandContext, reason: string) => ctx.text.chainReasons[reason] ?? reason;

async function verify(ctx: CommandContext): Promise<number> {
  // Every core checks a range of the journal; the verdict is the one walk's (verify-range.ts).
  const v = await readOnly(ctx, (sqlite) => verifyJournalOnAllCores(sqlite, ctx.dbPath));
  if (v.ok) ctx.print(say[ctx.locale].chainOk(v.count, v.head ?? '—'));
  else ctx.note(say[ctx.locale].chainBroken(v.firstBroken!.seq, reasonText(ctx, v.firstBroken!.reason)));
  ctx.emitJson(v);
  return v.ok ? ExitCode.ok : ExitCode.failed;
}

async function exportPublic(ctx: CommandContext): Promise<number> {
  const out = path.resolve(ctx.required('out'));
  const ledger = await readOnly(ctx, (sqlite) => {
    const community =
      (sqlite.prepare('SELECT community_name FROM community_profile LIMIT 1').get() as { community_name: string } | undefined)?.community_name ?? '';
    return exportPublicLedger(sqlite, community, new Date().toISOString());
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(ledger, null, 1));
  ctx.print(say[ctx.locale].exported(out, ledger.entries.length));
  ctx.emitJson({ ok: true, out, entries: ledger.entries.length });
  return ExitCode.ok;
}

async function verifyNotice(ctx: CommandContext): Promise<number> {
  const file = path.resolve(ctx.required('public'));
  const digest = ctx.required('digest');
  let ledger: PublicLedger;
  try {
    ledger = JSON.parse(fs.readFileSync(file, 'utf8')) as PublicLedger;
    if (ledger.format !== 'linli-charity-ledger' || !Array.isArray(ledger.entries)) throw new Error('format');
  } catch {
    throw new CliError(say[ctx.locale].notLedger(file), 'charity.not_ledger');
  }
  const check = verifyNoticeDigest(ledger, digest);
  const s = say[ctx.locale];
  if (check.ok) ctx.print(s.noticeOk(check.seq!));
  else if (check.reason === 'digest_not_found') ctx.note(s.noticeNotFound);
  else ctx.note(s.noticeBroken(check.seq!, reasonText(ctx, check.reason!)));
  ctx.emitJson(check);
  return check.ok ? ExitCode.ok : ExitCode.failed;
}

async function notice(ctx: CommandContext): Promise<number> {
  const period = ctx.required('period');
  const format = ctx.required('format');
  if (!(noticeFormats as readonly string[]).includes(format)) throw new UsageError(ctx.text.badValue('format', format, noticeFormats.join(', ')));
  const out = path.resolve(ctx.required('out'));
  const s = say[ctx.locale];
  return withSession(ctx, [], async (signed) => {
    const draft = await signed.call('charity.previewNotice', { period });
    const current = (await signed.call('charity.listNotices', {})).find((n) => n.periodKey === draft.periodKey && !n.supersededById);
    const published = current ?? (await signed.call('charity.publishNotice', { period }));
    ctx.print(current ? s.reprinted(published.number, published.title) : s.published(published.number, published.title));
    const bytes = await saveJobFile(ctx, signed, () => signed.call('charity.exportNotice', { id: published.id, format: format as 'pdf' }), out);
    ctx.print(s.written(out, bytes));
    ctx.emitJson({ ok: true, number: published.number, digest: published.headHash, firstSeq: published.firstSeq, lastSeq: published.lastSeq, out, bytes });
    return ExitCode.ok;
  });
}

/** Starts a job, waits for its end (listening from before the start) and copies its file to `to`. */
async function saveJobFile(ctx: CommandContext, signed: SignedIn, start: () => Promise<{ jobId: string }>, to: string): Promise<number> {
  const ended: PushEvent[] = [];
  let jobId: string | null = null;
  let wake: (() => void) | null = null;
  const off = signed.core.services.events.subscribe((e) => {
    if (e.sessionToken !== signed.session.token || (e.name !== 'job.done' && e.name !== 'job.failed')) return;
    ended.push(e);
    wake?.();
  });
  try {
    jobId = (await start()).jobId;
    const mine = () => ended.find((e) => (e.payload as { jobId: string }).jobId === jobId);
    while (!mine()) await new Promise<void>((resolve) => (wake = resolve));
    const end = mine()!;
    if (end.name === 'job.failed') {
      const error = (end.payload as EventMap['job.failed']).error;
      throw new CliError(ctx.explain(error), error.code, ExitCode.failed, { error });
    }
    const file = (end.payload as EventMap['job.done']).file;
    const stored = file ? signed.core.services.jobs.file(file.fileId, signed.session.token) : null;
    if (!stored) {
      const gone = say[ctx.locale].gone;
      throw new CliError(ctx.explain({ code: 'jobs.failed', message: gone, params: { message: gone } }), 'jobs.failed');
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(stored.path, to);
    return stored.bytes;
  } finally {
    off();
  }
}

/** `linli charity bench --lines N [--runs R] [--pdf]`: the ledger's figures beside raw better-sqlite3 and raw SHA-256. */
async function bench(ctx: CommandContext): Promise<number> {
  const num = (name: string, fallback: number, max: number) => {
    const raw = stringOption(ctx.args.values, name);
    const n = raw === undefined ? fallback : Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 2 || n > max) throw new UsageError(ctx.text.badValue(name, raw ?? '', `2–${max}`));
    return n;
  };
  const r = await runCharityBench({
    lines: num('lines', 1_000_000, 20_000_000),
    runs: num('runs', 200, 100_000),
    notice: ctx.args.values.pdf === true,
    log: (l) => ctx.note(l),
  });
  ctx.print(charityBenchText(r));
  ctx.emitJson(r);
  return ExitCode.ok;
}

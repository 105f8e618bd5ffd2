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
import { charityChain } from '../../core/features/charity/chain';
import { exportPublicLedger, verifyNoticeDigest, type PublicLedger } from '../../core/features/charity/public-ledger';
import { databaseRefusal } from '../recovery';
import { charityBenchText, runCharityBench } from '../../core/features/charity/bench';
import { databaseExists, withSession, type SignedIn } from '../session';

const say = {
  'zh-CN': {
    action: (a: string) => `未知的子命令“${a}”，可用：verify、export-public、verify-notice、notice`,
    chainOk: (n: number, head: string) => `慈善账本链完整：共 ${n} 笔分录，链头 ${head}`,
    chainBroken: (seq: number, reason: string) => `慈善账本链在第 ${seq} 号分录处断开：${reason}`,
    exported: (out: string, n: number) => `公开账本已导出：${out}（${n} 笔分录，不含捐赠人和受助人信息）`,
    notLedger: (file: string) => `${file} 不是邻里导出的公开账本`,
    noticeOk: (seq: number) => `公示与公开账本相符：链头哈希对应第 ${seq} 号分录，此前每一笔分录都已重新计算并核对。`,
    noticeNotFound: '公开账本中没有这个链头哈希：公示与账本不符（或账本不完整）。',
    noticeBroken: (seq: number, reason: string) => `公开账本在第 ${seq} 号分录处与哈希不符：${reason}。公示无法得到证实。`,
    published: (n: string, title: string) => `已发布公示 ${n}：${title}`,
    reprinted: (n: string, title: string) => `重新打印已发布的公示 ${n}：${title}`,
    written: (out: string, bytes: number) => `已写入：${out}（${bytes} 字节）`,
  },
  en: {
    action: (a: string) => `Unknown subcommand "${a}"; use verify, export-public, verify-notice or notice`,
    chainOk: (n: number, head: string) => `Charity ledger chain intact: ${n} entries, head ${head}`,
    chainBroken: (seq: number, reason: string) => `Charity ledger chain broken at entry ${seq}: ${reason}`,
    exported: (out: string, n: number) => `Public ledger written: ${out} (${n} entries, no donor or recipient details)`,
    notLedger: (file: string) => `${file} is not a public ledger exported by Linli`,
    noticeOk: (seq: number) => `The notice matches the public ledger: its digest is entry ${seq}'s hash, and every entry up to it was recomputed.`,
    noticeNotFound: 'The public ledger has no entry with that digest: the notice does not match it (or the ledger is incomplete).',
    noticeBroken: (seq: number, reason: string) => `The public ledger breaks at entry ${seq}: ${reason}. The notice cannot be confirmed.`,
    published: (n: string, title: string) => `Published notice ${n}: ${title}`,
    reprinted: (n: string, title: string) => `Printing the published notice ${n} again: ${title}`,
    written: (out: string, bytes: number) => `Written: ${out} (${bytes} bytes)`,
  },
};

export const charityCommand: Command = {
  name: 'charity',
  summary: { 'zh-CN': '慈善账本：校验、导出公开账本、核对公示、发布公示', en: 'charity ledger: verify, export the public ledger, check or publish a notice' },
  help: {
    'zh-CN': `用法：linli charity verify --db 文件
      linli charity export-public --db 文件 --out 公开账本.json
      linli charity verify-notice --public 公开账本.json --digest 哈希
      linli charity notice --db 文件 --period 2026-10|2026-Q3|活动名称 --format pdf|poster|xlsx|csv|html --out 文件 --user 用户名

verify         以只读方式重新计算慈善账本的哈希链，指出第一笔断开的分录（不需要登录）。
export-public  导出公开账本（JSON）：每笔分录及其哈希，不含捐赠人、受助人、证件号码和电话。
verify-notice  不需要数据文件：用公开账本核对公示上印的链头哈希。
notice         发布该期公示（已发布则重新打印），poster 为 A3 张贴版。密码从标准输入读取。
哈希规则见 README“慈善账本的哈希规则”。退出码：0 通过；1 未通过或被拒绝；2 用法错误。`,
    en: `Usage: linli charity verify --db FILE
       linli charity export-public --db FILE --out LEDGER.json
       linli charity verify-notice --public LEDGER.json --digest HASH
       linli charity notice --db FILE --period 2026-10|2026-Q3|CAMPAIGN --format pdf|poster|xlsx|csv|html --out FILE --user NAME

verify recomputes the charity journal's hash chain read-only and names the first broken entry (no sign-in).
export-public writes the public ledger (JSON): every entry and its hashes, no donors, recipients, IDs or phones.
verify-notice needs no data file: it checks a notice's printed digest against the public ledger.
notice publishes the period's notice (or prints the published one again); poster is the A3 board version.
Password on stdin. The hashing rule is in the README ("The charity ledger's hashing rule").
Exit codes: 0 passed; 1 failed or refused; 2 usage error.`,
  },
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
async function readOnly<T>(ctx: CommandContext, work: (sqlite: SqliteDatabase.Database) => T): Promise<T> {
  if (!databaseExists(ctx.dbPath)) throw new CliError(ctx.text.noDatabase(ctx.dbPath), 'cli.no_database');
  try {
    inspectExisting(ctx.dbPath);
  } catch (err) {
    if (err instanceof AppError) throw await databaseRefusal(ctx, err);
    throw err;
  }
  const sqlite = new SqliteDatabase(ctx.dbPath, { readonly: true, fileMustExist: true });
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

const reasonText = (ctx: CommandContext, reason: string) => ctx.text.chainReasons[reason] ?? reason;

async function verify(ctx: CommandContext): Promise<number> {
  const v = await readOnly(ctx, (sqlite) => charityChain.verify(sqlite));
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
    if (!stored) throw new CliError('the finished file is gone', 'jobs.failed');
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

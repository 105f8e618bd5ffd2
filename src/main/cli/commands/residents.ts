import fs from 'node:fs';
import path from 'node:path';
import type { EventMap, PushEvent } from '../../../shared/contract/events';
import type { ImportMapping } from '../../../shared/contract/residents/imports';
import type { Command, CommandContext } from '../context';
import { listOption, stringOption, userOption } from '../args';
import { CliError, ExitCode, UsageError } from '../errors';
import { withSession, type SignedIn } from '../session';

type Done = EventMap['job.done'];

const say = {
  'zh-CN': {
    counts: (c: { add: number; update: number; unchanged: number; reject: number }) => `新增 ${c.add}，更新 ${c.update}，未变 ${c.unchanged}，有问题 ${c.reject}`,
    previewed: (file: string, rows: number) => `已读取 ${file}：${rows} 行。`,
    unmapped: (headers: string) => `未导入的列：${headers}`,
    dryRun: '试运行（--dry-run）：未写入任何数据。',
    imported: (c: Record<string, number>) => `已导入：新增 ${c.added ?? 0}，更新 ${c.updated ?? 0}，未变 ${c.unchanged ?? 0}，未导入（有问题）${c.rejected ?? 0}。`,
    changedSincePreview: (n: number) => `有 ${n} 行在预览之后被改动，导入时未通过检查，未导入。`,
    rejected: (n: number, report: string) => `有 ${n} 行有问题，未导入。错误报告（含错误原因，修改后可重新导入）：${report}`,
    allOrNothing: (n: number) => `有 ${n} 行有问题；按 --all-or-nothing，整个文件未导入。`,
    progress: (done: number, total: number) => `正在导入：${done}/${total}`,
    exported: (out: string, bytes: number) => `已导出：${out}（${bytes} 字节）`,
    badMapping: (file: string, why: string) => `对应关系文件 ${file} 无法读取：${why}`,
    noFile: (file: string) => `找不到文件 ${file}`,
    action: (a: string) => `未知的子命令“${a}”，可用：import、export`,
  },
  en: {
    counts: (c: { add: number; update: number; unchanged: number; reject: number }) => `add ${c.add}, update ${c.update}, unchanged ${c.unchanged}, rejected ${c.reject}`,
    previewed: (file: string, rows: number) => `Read ${file}: ${rows} rows.`,
    unmapped: (headers: string) => `Columns not imported: ${headers}`,
    dryRun: 'Dry run (--dry-run): nothing was written.',
    imported: (c: Record<string, number>) => `Imported: added ${c.added ?? 0}, updated ${c.updated ?? 0}, unchanged ${c.unchanged ?? 0}, rejected ${c.rejected ?? 0}.`,
    changedSincePreview: (n: number) => `${n} rows changed after the preview, failed the check at import and were not imported.`,
    rejected: (n: number, report: string) => `${n} rows have problems and were not imported. Error report (with the reasons; fix and import it again): ${report}`,
    allOrNothing: (n: number) => `${n} rows have problems; with --all-or-nothing nothing was imported.`,
    progress: (done: number, total: number) => `Importing: ${done}/${total}`,
    exported: (out: string, bytes: number) => `Written: ${out} (${bytes} bytes)`,
    badMapping: (file: string, why: string) => `Cannot read the mapping file ${file}: ${why}`,
    noFile: (file: string) => `No such file: ${file}`,
    action: (a: string) => `Unknown subcommand "${a}"; use import or export`,
  },
};

export const residentsCommand: Command = {
  name: 'residents',
  summary: { 'zh-CN': '导入或导出居民（Excel / CSV / PDF）', en: 'import or export residents (Excel / CSV / PDF)' },
  help: {
    'zh-CN': `用法：linli residents import --db 文件 --file 表格.xlsx|.csv --user 用户名 [--mapping 对应关系.json]
                              [--dry-run] [--all-or-nothing]
      linli residents export --db 文件 --format xlsx|csv|pdf --out 文件 --user 用户名
                              [--grid 网格] [--building 楼栋] [--tag 标签] [--status 户籍|居住证|流动人口]
                              [--archived active|archived|all] [--full-ids]

import：与界面的导入相同：先逐行检查（证件号码、地址、户号、标签），显示新增/更新/未变/有问题的行数。
  有问题的行写入同目录的 表格.errors.xlsx（含“错误原因”列，修改后可重新导入）。
  --mapping        JSON 对应关系，字段名 → 表头，例如 {"name":"姓名","idNumber":"身份证号"}；
                   给出时只导入其中列出的字段
  --dry-run        只检查，不写入
  --all-or-nothing 有任何一行有问题就整个文件不导入（默认导入无误的行）
  同一文件重复导入不会改变任何数据。
export：居民登记册，筛选条件与居民列表相同；证件号码和电话默认遮蔽，--full-ids 需要“导出完整证件号码”权限。
  每次导出都记入审计日志。
密码从标准输入读取。退出码：0 全部完成；1 有行未导入（有问题）或被拒绝；2 用法错误。`,
    en: `Usage: linli residents import --db FILE --file SHEET.xlsx|.csv --user NAME [--mapping MAPPING.json]
                              [--dry-run] [--all-or-nothing]
       linli residents export --db FILE --format xlsx|csv|pdf --out FILE --user NAME
                              [--grid G] [--building B] [--tag T] [--status S] [--archived active|archived|all] [--full-ids]

import does what the import screen does: every row is checked first and the counts printed (add, update,
unchanged, rejected). Rejected rows go to SHEET.errors.xlsx beside the file, with a 错误原因 column; fix it and
import it again. --mapping is a JSON object field → header ({"name":"姓名","idNumber":"身份证号"}); when given,
only the fields it lists are imported. --dry-run checks without writing. --all-or-nothing imports nothing
if any row is rejected (default: the valid rows). Importing the same file again changes nothing.
export writes the resident register, filtered as the list is; ID and phone numbers are masked unless
--full-ids (needs the residents.export_full permission). Every export is on the audit trail.
Password on stdin. Exit codes: 0 all done; 1 rows were rejected (not imported) or refused; 2 usage error.`,
  },
  options: {
    ...userOption,
    file: { type: 'string' },
    mapping: { type: 'string' },
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

async function importFile(ctx: CommandContext): Promise<number> {
  const s = say[ctx.locale];
  const file = path.resolve(ctx.required('file'));
  if (!fs.existsSync(file)) throw new UsageError(s.noFile(file));
  const mapping = readMapping(ctx);
  const dryRun = ctx.args.values['dry-run'] === true;
  const mode = ctx.args.values['all-or-nothing'] === true ? 'all_or_nothing' : 'valid_rows';

  return withSession(ctx, [], async (signed) => {
    const p = await signed.call('residents.importPreview', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), ...(mapping ? { mapping } : {}) });
    ctx.print(s.previewed(file, p.totalRows));
    ctx.print(s.counts(p.counts));
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
    ctx.emitJson({ ok: rejected === 0, importId: p.importId, counts: p.counts, dryRun, mode, imported: summary, rejected, rejectedSincePreview: sincePreview, errorReport, unmappedHeaders: p.unmappedHeaders });
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

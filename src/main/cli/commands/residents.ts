import fs from 'node:fs';
import path from 'node:path';
import type { EventMap, PushEvent } from '../../../shared/contract/events';
import { constantFields, type ImportConstants, type ImportMapping, type NewPlaces } from '../../../shared/contract/residents/imports';
import { constantField } from '../../core/features/residents/import/mapping';
import type { Command, CommandContext } from '../context';
import { listOption, stringOption, userOption } from '../args';
import { CliError, ExitCode, UsageError } from '../errors';
import { withSession, type SignedIn } from '../session';

type Done = EventMap['job.done'];

/** How people head the columns --set can stand in for (each one is recognised by constantField). */
const constantHeader: Record<(typeof constantFields)[number], string> = {
  status: '人员类别', docType: '证件类型', residenceReason: '居住事由', registeredOn: '登记日期', ethnicity: '民族',
  compound: '小区', building: '楼栋', unit: '单元', grid: '网格', tags: '标签',
};

/** The fields --set takes, as the headers people write: 小区、楼栋 … */
const constantNames = constantFields.map((f) => constantHeader[f]).join('、');

/** "小区：泰和小区；楼栋：泰和小区3栋、泰和小区5栋；间房屋：3" in the locale's words. */
function placesList(p: NewPlaces, and: string, then: string, words: Record<'grids' | 'compounds' | 'buildings' | 'houses', string>): string {
  const colon = and === '、' ? '：' : ': ';
  const parts: string[] = [];
  if (p.grids.length) parts.push(`${words.grids}${colon}${p.grids.join(and)}`);
  if (p.compounds.length) parts.push(`${words.compounds}${colon}${p.compounds.join(and)}`);
  if (p.buildings.length) parts.push(`${words.buildings}${colon}${p.buildings.join(and)}`);
  if (p.houseCount) parts.push(`${p.houseCount} ${words.houses}`);
  return parts.join(then);
}

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
    newPlaces: (p: NewPlaces, creating: boolean) =>
      `文件中有系统里还没有的地址：${placesList(p, '、', '；', { grids: '网格', compounds: '小区', buildings: '楼栋', houses: '间房屋' })}。` +
      (creating ? '导入时一并新建（--create-places）。' : '加 --create-places 可在导入时一并新建，或用 --map-compound 文件中的写法=已有小区 对应到已有的小区。'),
    badSet: (item: string, allowed: string) => `--set ${item}：应写作 字段=值，字段可以是：${allowed}`,
    badMapCompound: (item: string) => `--map-compound ${item}：应写作 文件中的写法=已有小区名称`,
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
    newPlaces: (p: NewPlaces, creating: boolean) =>
      `The file names places the registry does not have: ${placesList(p, ', ', '; ', { grids: 'grids', compounds: 'compounds', buildings: 'buildings', houses: 'rooms' })}. ` +
      (creating ? 'They are created with the import (--create-places).' : 'Add --create-places to create them with the import, or --map-compound SPELLING=EXISTING to map a compound.'),
    badSet: (item: string, allowed: string) => `--set ${item}: write FIELD=VALUE, where FIELD is one of: ${allowed}`,
    badMapCompound: (item: string) => `--map-compound ${item}: write SPELLING=EXISTING COMPOUND`,
    action: (a: string) => `Unknown subcommand "${a}"; use import or export`,
  },
};

export const residentsCommand: Command = {
  name: 'residents',
  summary: { 'zh-CN': '导入或导出居民（Excel / CSV / PDF）', en: 'import or export residents (Excel / CSV / PDF)' },
  help: {
    'zh-CN': `用法：linli residents import --db 文件 --file 表格.xlsx|.csv --user 用户名 [--mapping 对应关系.json]
                              [--set 字段=值 …] [--create-places] [--map-compound 写法=已有小区 …]
                              [--dry-run] [--all-or-nothing]
      linli residents export --db 文件 --format xlsx|csv|pdf --out 文件 --user 用户名
                              [--grid 网格] [--building 楼栋] [--tag 标签] [--status 户籍|居住证|流动人口]
                              [--archived active|archived|all] [--full-ids]

import：与界面的导入相同：先逐行检查（证件号码、地址、户号、标签），显示新增/更新/未变/有问题的行数。
  有问题的行写入同目录的 表格.errors.xlsx（含“错误原因”列，修改后可重新导入）。
  --mapping        JSON 对应关系，字段名 → 表头，例如 {"name":"姓名","idNumber":"身份证号"}；
                   给出时只导入其中列出的字段
  --set 字段=值    文件中没有的列，所有行用同一个值（可重复），例如 --set 小区=泰和小区 --set 人员类别=户籍；
                   字段可以是：${constantNames}
  --create-places  文件中的小区、楼栋、房屋（和网格）在系统中还没有时，导入时一并新建（同一事务）；
                   新楼栋属于该行的网格，没有网格时用唯一的网格，一个网格都没有时新建“未分网格”
  --map-compound 写法=已有小区  文件中小区的另一种写法对应到已有的小区（可重复），例如 --map-compound 泰和=泰和小区
  --dry-run        只检查，不写入
  --all-or-nothing 有任何一行有问题就整个文件不导入（默认导入无误的行）
  同一文件重复导入不会改变任何数据。
export：居民登记册，筛选条件与居民列表相同；证件号码和电话默认遮蔽，--full-ids 需要“导出完整证件号码”权限。
  每次导出都记入审计日志。
密码从标准输入读取。退出码：0 全部完成；1 有行未导入（有问题）或被拒绝；2 用法错误。`,
    en: `Usage: linli residents import --db FILE --file SHEET.xlsx|.csv --user NAME [--mapping MAPPING.json]
                              [--set FIELD=VALUE …] [--create-places] [--map-compound SPELLING=EXISTING …]
                              [--dry-run] [--all-or-nothing]
       linli residents export --db FILE --format xlsx|csv|pdf --out FILE --user NAME
                              [--grid G] [--building B] [--tag T] [--status S] [--archived active|archived|all] [--full-ids]

import does what the import screen does: every row is checked first and the counts printed (add, update,
unchanged, rejected). Rejected rows go to SHEET.errors.xlsx beside the file, with a 错误原因 column; fix it and
import it again. --mapping is a JSON object field → header ({"name":"姓名","idNumber":"身份证号"}); when given,
only the fields it lists are imported. --set FIELD=VALUE gives a column the file lacks one value for every
row (repeatable: --set 小区=泰和小区 --set 人员类别=户籍; fields: ${constantNames}). --create-places creates the
compounds, buildings and rooms (and grids) the file names that do not exist, in the import's transaction; a
new building goes into the row's grid, else the only grid, else a new 未分网格. --map-compound 泰和=泰和小区
maps a compound's spelling in the file to an existing compound (repeatable). --dry-run checks without writing. --all-or-nothing imports nothing
if any row is rejected (default: the valid rows). Importing the same file again changes nothing.
export writes the resident register, filtered as the list is; ID and phone numbers are masked unless
--full-ids (needs the residents.export_full permission). Every export is on the audit trail.
Password on stdin. Exit codes: 0 all done; 1 rows were rejected (not imported) or refused; 2 usage error.`,
  },
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
    ctx.emitJson({ ok: rejected === 0, importId: p.importId, counts: p.counts, constants: p.constants, createPlaces, newPlaces: p.newPlaces, dryRun, mode, imported: summary, rejected, rejectedSincePreview: sincePreview, errorReport, unmappedHeaders: p.unmappedHeaders });
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

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

const stateWords = {
  'zh-CN': { draft: '草拟', notified: '已通知', open: '进行中', closed: '已闭会' },
  en: { draft: 'draft', notified: 'notified', open: 'open', closed: 'closed' },
} as const;

const say = {
  'zh-CN': {
    action: (a: string) => `未知的子命令“${a}”，可用：meetings、minutes、bench`,
    format: 'pdf、docx',
    gone: '生成的文件已不存在',
    written: (out: string, bytes: number) => `会议纪要已导出：${out}（${bytes} 字节）`,
    benchNew: (file: string) => `性能测试只在新的数据文件上运行，${file} 已存在。`,
    bench: (r: { meetings: number; actions: number; open: number; seconds: string; first: string; deep: string; target: number; ok: boolean }) =>
      `已生成 ${r.meetings} 次会议、${r.actions} 个落实事项（未完成 ${r.open} 个），用时 ${r.seconds} 秒。\n` +
      `落实跟踪第一页：中位数 ${r.first}；深页：${r.deep}；目标 p95 ≤ ${r.target} 毫秒：${r.ok ? '达到' : '未达到'}`,
    pdf: (r: { first: string; warm: string; target: number; ok: boolean }) =>
      `会议纪要生成 PDF：首次（含启动浏览器）${r.first}；之后 ${r.warm}；目标 p95 ≤ ${r.target} 毫秒：${r.ok ? '达到' : '未达到'}`,
    none: '还没有会议。',
    count: (n: number) => `共 ${n} 次会议。`,
  },
  en: {
    action: (a: string) => `Unknown subcommand "${a}"; use meetings, minutes or bench`,
    format: 'pdf, docx',
    gone: 'the finished file is gone',
    written: (out: string, bytes: number) => `Minutes written: ${out} (${bytes} bytes)`,
    benchNew: (file: string) => `The benchmark only runs on a new file; ${file} exists.`,
    bench: (r: { meetings: number; actions: number; open: number; seconds: string; first: string; deep: string; target: number; ok: boolean }) =>
      `Seeded ${r.meetings} meetings and ${r.actions} action items (${r.open} not done) in ${r.seconds} s.\n` +
      `Follow-up list, first page: ${r.first}; deep page: ${r.deep}; target p95 ≤ ${r.target} ms: ${r.ok ? 'met' : 'missed'}`,
    pdf: (r: { first: string; warm: string; target: number; ok: boolean }) =>
      `Minutes to PDF: first (starting the browser) ${r.first}; after it ${r.warm}; target p95 ≤ ${r.target} ms: ${r.ok ? 'met' : 'missed'}`,
    none: 'No meetings yet.',
    count: (n: number) => `${n} meetings.`,
  },
};

export const councilCommand: Command = {
  name: 'council',
  summary: { 'zh-CN': '居民议事：列出会议、打印会议纪要', en: "residents' council: list meetings, print the minutes" },
  help: {
    'zh-CN': `用法：linli council meetings --db 文件 [--json]
      linli council minutes --db 文件 --user 用户名 --meeting 会议编号 --format pdf|docx --out 文件 [--version 版本]
      linli council bench [--meetings 10000] [--actions-per-meeting 20] [--runs 200] [--pdf-runs 10] [--db 新文件] [--json]

meetings：列出全部会议（编号、日期、议事组织、状态），最近的在前。只读，不需要登录：会议清单不含个人证件号码或电话。
minutes：打印一次会议的会议纪要（PDF 按 GB/T 9704 公文格式，或 Word 可打开的 DOCX），默认为已签字的版本，尚未签字时为最新草稿
（印“草稿”）；--version 指定版本。与报表中心相同：检查权限，导出记入审计日志，密码从标准输入读取。
bench：在新的临时数据文件中生成会议和落实事项，测量落实跟踪列表（目标 p95 ≤ 20 毫秒）和会议纪要生成 PDF（目标 ≤ 3 秒）。
退出码：0 完成；1 文件无法打开或未达到目标；2 用法错误。`,
    en: `Usage: linli council meetings --db FILE [--json]
       linli council minutes --db FILE --user NAME --meeting ID --format pdf|docx --out FILE [--version N]
       linli council bench [--meetings 10000] [--actions-per-meeting 20] [--runs 200] [--pdf-runs 10] [--db NEW_FILE] [--json]

meetings lists every meeting (id, date, body, state), newest first. Read-only and without signing in: the list
holds no ID numbers or phones. minutes prints a meeting's minutes (PDF in the GB/T 9704 layout, or DOCX that Word
opens): the signed version, or the latest draft (stamped 草稿) before signing; --version picks another. As in the
report centre, the permission is checked and the export audited; password on stdin. bench seeds meetings and
action items into a new temporary file and times the follow-up list (target p95 ≤ 20 ms) and the minutes to PDF (≤ 3 s).
Exit codes: 0 done; 1 cannot open the file or the target was missed; 2 usage error.`,
  },
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
    for (const m of meetings) ctx.print(`${m.id}  ${m.heldOn}  ${m.bodyName}  ${m.title}  ${stateWords[ctx.locale][m.state]}`);
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
    const unit = ctx.locale === 'zh-CN' ? ' 毫秒' : ' ms';
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

import type { MeetingSummary } from '../../../shared/contract/council';
import type { Command, CommandContext } from '../context';
import { UsageError } from '../errors';
import { openCore } from '../session';
import { meetingsPageQuery } from '../../core/features/council/repository';
import { toSummary } from '../../core/features/council/service';

const stateWords = {
  'zh-CN': { draft: '草拟', notified: '已通知', open: '进行中', closed: '已闭会' },
  en: { draft: 'draft', notified: 'notified', open: 'open', closed: 'closed' },
} as const;

const say = {
  'zh-CN': {
    action: (a: string) => `未知的子命令“${a}”，可用：meetings`,
    none: '还没有会议。',
    count: (n: number) => `共 ${n} 次会议。`,
  },
  en: {
    action: (a: string) => `Unknown subcommand "${a}"; use meetings`,
    none: 'No meetings yet.',
    count: (n: number) => `${n} meetings.`,
  },
};

export const councilCommand: Command = {
  name: 'council',
  summary: { 'zh-CN': '居民议事：列出会议', en: "residents' council: list meetings" },
  help: {
    'zh-CN': `用法：linli council meetings --db 文件 [--json]

meetings：列出全部会议（编号、日期、议事组织、状态），最近的在前。只读，不需要登录：会议清单不含个人证件号码或电话。
退出码：0 完成；1 文件无法打开；2 用法错误。`,
    en: `Usage: linli council meetings --db FILE [--json]

meetings lists every meeting (id, date, body, state), newest first. Read-only and without signing in: the list
holds no ID numbers or phones. Exit codes: 0 done; 1 the file cannot be opened; 2 usage error.`,
  },
  options: {},
  positionals: true,
  async run(ctx) {
    const [action, ...extra] = ctx.args.positionals;
    if (extra.length) throw new UsageError(ctx.text.extraArguments(extra.join(' ')));
    if (action === 'meetings') return listMeetings(ctx);
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

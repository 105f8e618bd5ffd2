import type { Command, CommandContext } from '../context';
import { stringOption, userOption } from '../args';
import { AppError } from '../../../shared/errors';
import { CliError, UsageError } from '../errors';
import { databaseExists, openCore, withSession } from '../session';
import type { Core } from '../../core/app';
import { areaModules } from '../../core/areas';
import { seedAreas, type SeededArea } from '../../core/seed/run';
import type { SeedRun } from '../../core/seed/seeder';
import { createDemo, DEMO_RESIDENTS } from '../../core/seed/demo';
import type { Permission } from '../../../shared/permissions';

export const seedCommand: Command = {
  name: 'seed',
  summary: { 'zh-CN': '生成模拟社区数据（测试、演示、性能测试用）', en: 'fill a file with a synthetic community (tests, demos, benchmarks)' },
  help: {
    'zh-CN': `用法：linli seed --db 文件 --residents 人数 [--seed 种子] [--user 用户名] [--append] [--json]
      linli seed --demo [--db 文件] [--if-missing] [--residents 人数]

生成一个模拟社区：按依赖顺序运行每个业务模块的模拟数据生成器，先是实有人口（网格、小区、楼栋、
房屋、家庭户及成员、居民（有效的身份证号码，按本机密钥加密）、标签和走访记录），再是其他模块。
同一种子生成相同的数据。只用于测试和演示，切勿在真实数据上运行。
  --db         必须明确指定数据文件（或设置 LINLI_DB），以免误写入默认数据文件
  --residents  居民人数（约 3.3 人一户）
  --seed       随机种子（默认 linli）
  --user       以该用户名义写入审计记录（需要各模块的导入权限，如“居民导入”；密码从标准输入读取）
  --append     已有数据时仍然追加（默认拒绝）
  --demo       新建演示数据文件：社区、管理员（随机密码，写入数据文件旁的 demo-credentials.txt）
               和约 ${DEMO_RESIDENTS} 名居民；数据文件已存在时拒绝
  --if-missing 与 --demo 一起使用：数据文件已存在时什么也不做（退出码 0）
  --workers    加密和拼音计算使用的工作线程数（默认每个 CPU 核心一个；0 表示不用工作线程）
退出码：0 完成；1 被拒绝或失败；2 用法错误。
例：linli seed --db /tmp/bench.sqlite --residents 1000000 --seed 42`,
    en: `Usage: linli seed --db FILE --residents N [--seed S] [--user NAME] [--append] [--json]
       linli seed --demo [--db FILE] [--if-missing] [--residents N]

Fills the file with a synthetic community: every area's seeder in dependency order, the resident
registry first (grids, compounds, buildings, houses, households and their members with valid ID numbers
encrypted with this file's key, tags and visit history), then the other areas. The same seed gives the
same data. For tests and demos only; never on real records. --db (or LINLI_DB) must name the file, so
that the default data file is never seeded by accident. Refuses an area that already has rows unless
--append is given. --user names the audit records' author (needs each area's import permission, such as
residents.import; password on stdin). --demo creates a new file with a community, an administrator (generated password,
written to demo-credentials.txt beside the file, mode 0600) and about ${DEMO_RESIDENTS} residents; it
refuses an existing file, or with --if-missing leaves it alone and exits 0. --workers N sets the worker
threads that encrypt and compute pinyin (default one per core; 0: none).`,
  },
  options: {
    ...userOption,
    residents: { type: 'string' },
    seed: { type: 'string' },
    append: { type: 'boolean' },
    demo: { type: 'boolean' },
    'if-missing': { type: 'boolean' },
    workers: { type: 'string' },
  },
  async run(ctx) {
    return ctx.args.values.demo === true ? demo(ctx) : seed(ctx);
  },
};

function zh(ctx: CommandContext): boolean {
  return ctx.locale === 'zh-CN';
}

function residentsOption(ctx: CommandContext, fallback?: number): number {
  const raw = stringOption(ctx.args.values, 'residents');
  if (raw === undefined && fallback !== undefined) return fallback;
  if (raw === undefined) throw new UsageError(ctx.text.missingOption('residents'));
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > 20_000_000) throw new UsageError(ctx.text.badValue('residents', raw, '1–20000000'));
  return n;
}

async function seed(ctx: CommandContext): Promise<number> {
  // Synthetic people never go into the default data file by accident: the file is named explicitly.
  if (stringOption(ctx.args.values, 'db') === undefined && !ctx.io.env.LINLI_DB) throw new UsageError(ctx.text.missingOption('db'));
  const residents = residentsOption(ctx);
  const append = ctx.args.values.append === true;
  const user = stringOption(ctx.args.values, 'user');
  const run = async (core: Core, actor: SeedRun['actor'], permissions: ReadonlySet<Permission> | null) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const started = Date.now();
    try {
      const seeded = await seedAreas(core.services, areaModules, {
        residents,
        seed: stringOption(ctx.args.values, 'seed') ?? 'linli',
        append,
        actor,
        permissions,
        workers: workersOption(ctx),
        signal: controller.signal,
        locale: ctx.locale,
        note: (line) => ctx.note(line),
      });
      return report(ctx, seeded);
    } catch (err) {
      // A refusal names the file, so that nobody wonders which one was meant.
      if (err instanceof AppError && err.code.endsWith('.seed_not_empty')) {
        throw new CliError(`${ctx.dbPath}: ${ctx.explain(err.toPayload())}`, err.code, 1, err.params ?? {});
      }
      throw err;
    } finally {
      process.off('SIGINT', stop);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (controller.signal.aborted) ctx.note(zh(ctx) ? `已中止（${seconds} 秒）。` : `Stopped after ${seconds} s.`);
    }
  };
  if (user) {
    return withSession(ctx, [], async ({ core, session }) =>
      run(core, { id: session.user.id, name: session.user.displayName }, new Set(session.user.permissions as Permission[])),
    );
  }
  const core = await openCore(ctx, { mustExist: false });
  try {
    return await run(core, { id: null, name: 'linli seed' }, null);
  } finally {
    await core.close();
  }
}

/** --workers N (0: derive in the writing thread); default one per core. */
function workersOption(ctx: CommandContext): number | 'auto' {
  const raw = stringOption(ctx.args.values, 'workers');
  if (raw === undefined || raw === 'auto') return 'auto';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 8) throw new UsageError(ctx.text.badValue('workers', raw, 'auto, 0–8'));
  return n;
}

/**
 * Each area's summary, in the order they were seeded. Under --json the first area's figures (the
 * registry's) stay at the top level, as before areas had seeders of their own; `areas` has every one.
 */
function report(ctx: CommandContext, seeded: SeededArea[]): number {
  for (const s of seeded) ctx.print(s.result.text);
  const areas = Object.fromEntries(seeded.map((s) => [s.area, s.result.figures]));
  ctx.emitJson({ ok: true, databasePath: ctx.dbPath, ...(seeded[0]?.result.figures ?? {}), areas });
  return 0;
}

async function demo(ctx: CommandContext): Promise<number> {
  const residents = residentsOption(ctx, DEMO_RESIDENTS);
  if (databaseExists(ctx.dbPath)) {
    if (ctx.args.values['if-missing'] === true) {
      ctx.emitJson({ ok: true, created: false, databasePath: ctx.dbPath });
      return 0;
    }
    throw new CliError(
      zh(ctx)
        ? `数据文件 ${ctx.dbPath} 已经存在。演示数据只写入新的数据文件，不会写入现有数据；请用 --db 指定一个新文件。`
        : `${ctx.dbPath} already exists. Demo data only goes into a new file, never into existing records; name a new file with --db.`,
      'residents.demo_not_new',
    );
  }
  const firstRun = ctx.args.values['if-missing'] === true;
  ctx.note(
    zh(ctx)
      ? `${firstRun ? `还没有数据文件 ${ctx.dbPath}：首次运行，` : ''}正在新建演示数据文件 ${ctx.dbPath}（模拟社区，约 ${residents} 名居民）…${firstRun ? '\n（若要从空白数据开始，请先运行 `linli init`。）' : ''}`
      : `${firstRun ? `No database at ${ctx.dbPath} yet: first run, so ` : ''}creating a demo database at ${ctx.dbPath} (a synthetic community, about ${residents} residents)…${firstRun ? '\n(To start from an empty database instead, run `linli init` first.)' : ''}`,
  );
  const core = await openCore(ctx, { mustExist: false });
  try {
    const r = await createDemo(core, { residents, seed: stringOption(ctx.args.values, 'seed'), locale: ctx.locale });
    const rule = '─'.repeat(48);
    ctx.print(
      zh(ctx)
        ? [rule, '演示数据已就绪。请用下面的账号登录：', `  用户名：${r.username}`, `  密码：  ${r.password}`, `（已保存到 ${r.credentialsFile}，仅本人可读）`, rule].join('\n')
        : [rule, 'Demo data is ready. Sign in with:', `  user name: ${r.username}`, `  password:  ${r.password}`, `(saved to ${r.credentialsFile}, readable only by you)`, rule].join('\n'),
    );
    const areas = Object.fromEntries(r.areas.map((a) => [a.area, a.result.figures]));
    const { username, password, credentialsFile } = r;
    ctx.emitJson({ ok: true, created: true, databasePath: ctx.dbPath, username, password, credentialsFile, seed: areas.residents, areas });
    return 0;
  } finally {
    await core.close();
  }
}

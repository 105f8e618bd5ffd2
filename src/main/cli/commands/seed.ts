import type { Command, CommandContext } from '../context';
import { stringOption, userOption } from '../args';
import { CliError, UsageError } from '../errors';
import { databaseExists, openCore, withSession } from '../session';
import type { Core } from '../../core/app';
import { countResidents, seedResidents, type SeedProgress, type SeedResult } from '../../core/features/residents/seed/seed';
import { createDemo, DEMO_RESIDENTS } from '../../core/features/residents/seed/demo';
import { seedCharity } from '../../core/features/charity/seed';

export const seedCommand: Command = {
  name: 'seed',
  summary: { 'zh-CN': '生成模拟社区数据（测试、演示、性能测试用）', en: 'fill a registry with a synthetic community (tests, demos, benchmarks)' },
  help: {
    'zh-CN': `用法：linli seed --db 文件 --residents 人数 [--seed 种子] [--user 用户名] [--append] [--json]
      linli seed --demo [--db 文件] [--if-missing] [--residents 人数]

生成一个模拟社区：网格、小区、楼栋、房屋（自住/出租/空置/商用）、家庭户及成员、
居民（有效的身份证号码，按本机密钥加密）、标签和走访记录。同一种子生成相同的数据。
只用于测试和演示，切勿在真实数据上运行。
  --db         必须明确指定数据文件（或设置 LINLI_DB），以免误写入默认数据文件
  --residents  居民人数（约 3.3 人一户）
  --seed       随机种子（默认 linli）
  --user       以该用户名义写入审计记录（需要“居民导入”权限，密码从标准输入读取）
  --append     已有居民时仍然追加（默认拒绝）
  --demo       新建演示数据文件：社区、管理员（随机密码，写入数据文件旁的 demo-credentials.txt）
               和约 ${DEMO_RESIDENTS} 名居民；数据文件已存在时拒绝
  --if-missing 与 --demo 一起使用：数据文件已存在时什么也不做（退出码 0）
  --workers    加密和拼音计算使用的工作线程数（默认每个 CPU 核心一个；0 表示不用工作线程）
退出码：0 完成；1 被拒绝或失败；2 用法错误。
例：linli seed --db /tmp/bench.sqlite --residents 1000000 --seed 42`,
    en: `Usage: linli seed --db FILE --residents N [--seed S] [--user NAME] [--append] [--json]
       linli seed --demo [--db FILE] [--if-missing] [--residents N]

Fills the registry with a synthetic community: grids, compounds, buildings, houses, households and
their members (valid ID numbers, encrypted with this file's key), tags and visit history. The same seed
gives the same data. For tests and demos only; never on real records. --db (or LINLI_DB) must name the
file, so that the default data file is never seeded by accident. Refuses a registry that already
has residents unless --append is given. --user names the audit record's author (needs residents.import;
password on stdin). --demo creates a new file with a community, an administrator (generated password,
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
  const run = async (core: Core, actor?: { id: string; name: string }) => {
    const existing = countResidents(core.services);
    if (existing > 0 && !append) {
      throw new CliError(
        zh(ctx)
          ? `数据文件 ${ctx.dbPath} 中已有 ${existing} 名居民。模拟数据只写入没有居民的数据文件；确需追加请加 --append。`
          : `${ctx.dbPath} already has ${existing} residents. Synthetic data only goes into an empty registry; add --append to add to it anyway.`,
        'residents.seed_not_empty',
        1,
        { count: existing },
      );
    }
    const result = await seedWithProgress(ctx, core, { residents, append, actor });
    // A year of the charity ledger on top of a fresh registry (it would repeat its months on --append).
    if (!append) await seedCharity(core.services, { seed: stringOption(ctx.args.values, 'seed') });
    return report(ctx, result);
  };
  if (user) {
    return withSession(ctx, [], async ({ core, session }) => {
      if (!session.user.permissions.includes('residents.import')) {
        throw new CliError(zh(ctx) ? `用户 ${user} 没有“居民导入”权限，不能生成模拟居民。` : `${user} lacks the residents.import permission needed to seed residents.`, 'auth.forbidden');
      }
      return run(core, { id: session.user.id, name: session.user.displayName });
    });
  }
  const core = await openCore(ctx, { mustExist: false });
  try {
    return await run(core);
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

async function seedWithProgress(ctx: CommandContext, core: Core, opts: { residents: number; append: boolean; actor?: { id: string; name: string } }): Promise<SeedResult> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  const started = Date.now();
  let lastNote = 0;
  try {
    return await seedResidents(core.services, {
      residents: opts.residents,
      seed: stringOption(ctx.args.values, 'seed'),
      append: opts.append,
      actor: opts.actor ?? { id: null, name: 'linli seed' },
      workers: workersOption(ctx),
      signal: controller.signal,
      onProgress: (p: SeedProgress) => {
        const now = Date.now();
        if (p.phase !== 'indexes' && now - lastNote < 2000) return;
        lastNote = now;
        const rate = Math.round(p.residents / Math.max(0.001, p.elapsedMs / 1000));
        ctx.note(
          p.phase === 'indexes'
            ? zh(ctx) ? `已写入 ${p.residents} 名居民，正在建立索引…` : `${p.residents} residents written; building the indexes…`
            : zh(ctx) ? `已写入 ${p.residents}/${opts.residents} 名居民（${p.households} 户，${rate} 人/秒）` : `${p.residents}/${opts.residents} residents (${p.households} households, ${rate}/s)`,
        );
      },
    });
  } finally {
    process.off('SIGINT', stop);
    if (controller.signal.aborted) ctx.note(zh(ctx) ? `已中止（${Math.round((Date.now() - started) / 1000)} 秒）。` : `Stopped after ${Math.round((Date.now() - started) / 1000)} s.`);
  }
}

function report(ctx: CommandContext, r: SeedResult): number {
  const c = r.counts;
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  ctx.print(
    zh(ctx)
      ? `已生成模拟社区（种子 ${r.seed}，基准日期 ${r.today}）：${c.residents} 名居民、${c.households} 户、${c.houses} 套房屋、${c.buildings} 栋楼、${c.compounds} 个小区、${c.grids} 个网格、${c.tags} 个标签、${c.visits} 条走访记录。\n用时 ${seconds} 秒，${r.rowsPerSecond} 行/秒（${r.residentsPerSecond} 名居民/秒，${r.workers ? `${r.workers} 个工作线程` : '单线程'}）。`
      : `Synthetic community (seed ${r.seed}, as of ${r.today}): ${c.residents} residents, ${c.households} households, ${c.houses} houses, ${c.buildings} buildings, ${c.compounds} compounds, ${c.grids} grids, ${c.tags} tags, ${c.visits} visits.\n${seconds} s, ${r.rowsPerSecond} rows/s (${r.residentsPerSecond} residents/s, ${r.workers ? `${r.workers} worker threads` : 'one thread'}).`,
  );
  ctx.emitJson({ ok: true, databasePath: ctx.dbPath, ...r });
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
    const r = await createDemo(core, { residents, seed: stringOption(ctx.args.values, 'seed') });
    const rule = '─'.repeat(48);
    ctx.print(
      zh(ctx)
        ? [rule, '演示数据已就绪。请用下面的账号登录：', `  用户名：${r.username}`, `  密码：  ${r.password}`, `（已保存到 ${r.credentialsFile}，仅本人可读）`, rule].join('\n')
        : [rule, 'Demo data is ready. Sign in with:', `  user name: ${r.username}`, `  password:  ${r.password}`, `(saved to ${r.credentialsFile}, readable only by you)`, rule].join('\n'),
    );
    ctx.emitJson({ ok: true, created: true, databasePath: ctx.dbPath, username: r.username, password: r.password, credentialsFile: r.credentialsFile, seed: r.seed });
    return 0;
  } finally {
    await core.close();
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command, CommandContext } from '../context';
import { stringOption, userOption } from '../args';
import { CliError, UsageError } from '../errors';
import { readSecrets } from '../secrets';
import { createCore, type Core } from '../../core/app';
import { generatePassword } from '../../core/seed/demo';
import { areaModules } from '../../core/areas';
import type { BenchSuite } from '../../core/bench/suite';

export const benchCommand: Command = {
  name: 'bench',
  summary: { 'zh-CN': '性能测试：每个业务模块的测试项（百万居民的搜索、列表和导入等）', en: "benchmarks: every area's cases (search, list pages and import at a million residents, …)" },
  help: {
    'zh-CN': `用法：linli bench [--residents 人数] [--db 文件] [--keep] [--runs 次数] [--import-rows 行数] [--seed 种子] [--json]

依次运行每个业务模块的性能测试。实有人口模块：
在临时文件中生成模拟社区（默认 1,000,000 名居民，约 300,000 户），报告生成用时、文件大小和内存峰值；
然后逐项测量：居民搜索（姓名、首字母、全拼、身份证号后 4/6 位、手机号后 4 位、地址）、
每种筛选和排序的列表第一页与深页（沿游标翻 200 页之后的一页）、10 万行 XLSX 导入（含校验）
及其间事件循环的最长阻塞。每项给出经由完整处理流程（core.call）的中位数和 p95，
以及原生 better-sqlite3 在同一文件上交替执行相同 SQL 的结果、两者之比和每次调用多出的毫秒数。
最后启动 linli serve（子进程），两个窗口经 HTTP 搜索和翻页，同时第三个窗口导入 XLSX：
报告导入期间的 p50/p95/最大值、服务进程导入前后的内存（RSS）、重启后第一次搜索的等待时间，
以及 LibreOffice（如已安装）转换同一工作簿的用时。
  --db 文件      使用（或新建）该文件；已有居民时直接使用，且只接受由 linli seed 生成的数据
  --keep         保留临时文件（默认结束后删除）
  --runs 次数    每项测量次数（默认 200）
  --import-rows  导入测试的行数（默认 100000；0 表示跳过）
  --serve-rows   经 linli serve 导入的行数（默认同 --import-rows；0 表示跳过）
  --settle-seconds 导入结束后多少秒再读一次服务进程的内存（默认 30）
  --serve-cli 文件 用另一个构建的 out/main/cli.js 运行 linli serve（在同一文件上比较两个版本）
  --only 项目    只运行其中几个模块或几项（逗号分隔）：模块名（如 residents）或其测试组（search,list,import,serve）；默认全部
  --cases 文字   只测名称含其中任一文字（逗号分隔）的搜索和列表项，如 --cases 高龄,reminders
  --user 用户名  --db 指向已设置的文件时，以该用户登录（密码从标准输入读取）
不包含计时断言；结果对照目标（议题 10）逐项标明达到或未达到：搜索中位数 ≤ 20 ms、p95 ≤ 50 ms；列表每页 p95 ≤ 10 ms；
处理流程 ≤ 原生 1.2 倍或每次多出 ≤ 0.2 ms；导入期间经 linli serve 的搜索 p95 ≤ 50 ms、无连接被断开；
重启后 ≤ 2 秒答复第一次搜索；10 万行 XLSX 导入 ≤ 10 秒且快于 LibreOffice 转换；服务进程峰值 ≤ 500 MiB、导入后 < 300 MiB。`,
    en: `Usage: linli bench [--residents N] [--db FILE] [--keep] [--runs N] [--import-rows N] [--seed S] [--json]

Runs every area's benchmark suite in turn. The resident registry's seeds a synthetic community into a
temporary file (1,000,000 residents in about 300,000 households by default) and reports the seed time, file size and peak memory; then times resident search (name,
initials, full pinyin, ID last 4/6, phone last 4, address), list pages of 50 for every filter and sort
(first page and the page after following the cursor 200 pages), and a 100,000-row XLSX import with
validation, watching the event loop. Each figure is the median and p95 through the full handler path
(core.call), beside raw better-sqlite3 running the same SQL on the same file in alternation, with the
ratio and the ms added per call. Then linli serve is started as a child process: two desks search and
page over HTTP while a third imports an XLSX (p50/p95/max during preview and commit), with the server's
RSS before, during and after, the first answered search after a restart, and LibreOffice converting the
same workbook where it is installed. --serve-rows sets that import's size (default --import-rows);
--settle-seconds when the RSS is read again after it (default 30); --serve-cli FILE serves from another
build's out/main/cli.js, to compare two builds on one file.
--db uses (or creates) that file; a file with residents is reused and must hold seeded data only.
--keep keeps the temporary file. --only takes areas (residents) and groups of a suite (search, list,
import, serve), comma-separated, and runs only those. --cases 高龄,reminders
times only the search and list cases whose names contain one of those words. --user signs in to a --db
file that is already set up.
Targets (issue 10), each marked met or missed: search median ≤ 20 ms and p95 ≤ 50 ms; list pages p95 ≤ 10 ms;
the handler ≤ 1.2× raw or ≤ 0.2 ms added per call; through linli serve during an import, search p95 ≤ 50 ms
and no connection reset; first search ≤ 2 s after a restart's address; 100k XLSX rows imported in ≤ 10 s
and faster than LibreOffice converting them; the server ≤ 500 MiB at peak and under 300 MiB after.`,
  },
  options: {
    ...userOption,
    residents: { type: 'string' },
    keep: { type: 'boolean' },
    runs: { type: 'string' },
    'import-rows': { type: 'string' },
    'deep-pages': { type: 'string' },
    'serve-rows': { type: 'string' },
    'settle-seconds': { type: 'string' },
    'serve-cli': { type: 'string' },
    only: { type: 'string' },
    cases: { type: 'string' },
    seed: { type: 'string' },
  },
  async run(ctx) {
    const residents = intOption(ctx, 'residents', 1_000_000, 1, 20_000_000);
    const runs = intOption(ctx, 'runs', 200, 1, 100_000);
    const importRows = intOption(ctx, 'import-rows', 100_000, 0, 2_000_000);
    const deepPages = intOption(ctx, 'deep-pages', 200, 1, 100_000);
    const serveRows = intOption(ctx, 'serve-rows', importRows, 0, 2_000_000);
    const settleSeconds = intOption(ctx, 'settle-seconds', 30, 0, 3600);
    const selected = selectedSuites(ctx);
    const explicitDb = stringOption(ctx.args.values, 'db');
    const tempFolder = explicitDb ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
    const databasePath = explicitDb ? ctx.dbPath : path.join(tempFolder!, 'linli.sqlite');
    const keep = ctx.args.values.keep === true || explicitDb !== undefined;
    ctx.note(`bench: ${databasePath}`);

    const core = await createCore({ databasePath, workstation: 'bench' });
    try {
      refuseRealData(ctx, core, selected);
      const token = await signIn(ctx, core);
      const json: Record<string, unknown> = {};
      for (const { area, suite, groups } of selected) {
        const section = await suite.run(core, token, {
          residents,
          runs,
          importRows,
          deepPages,
          serveRows,
          settleSeconds,
          serveCli: stringOption(ctx.args.values, 'serve-cli'),
          groups,
          cases: stringOption(ctx.args.values, 'cases')?.split(',').map((c) => c.trim()).filter(Boolean),
          seed: stringOption(ctx.args.values, 'seed') ?? 'bench',
          log: (line) => ctx.note(line),
          // A long case (an import) comes last: what was measured before it goes to stderr first, so it is not lost.
          onPartial: (text) => (ctx.json ? undefined : ctx.note(`bench: ${area}, before its longest case\n${text}`)),
        });
        json[area] = section.json;
        if (!ctx.json) ctx.io.stdout.write(section.text);
      }
      // One suite (the usual --only residents / import): its report as it always was; several: by area.
      if (ctx.json) ctx.emitJson(selected.length === 1 ? json[selected[0].area] : json);
      return 0;
    } finally {
      await core.close();
      if (tempFolder && !keep) fs.rmSync(tempFolder, { recursive: true, force: true });
      else if (tempFolder) ctx.note(`bench: kept ${databasePath}`);
    }
  },
};

interface SelectedSuite {
  area: string;
  suite: BenchSuite;
  groups: readonly string[];
}

/**
 * --only names areas (every group of their suite) and groups of a suite (residents' search, list,
 * import), comma-separated; without it every area's suite runs, in the areas' order.
 */
function selectedSuites(ctx: CommandContext): SelectedSuite[] {
  const suites = areaModules.flatMap((a) => (a.bench ? [{ area: a.name, suite: a.bench }] : []));
  const raw = stringOption(ctx.args.values, 'only');
  if (raw === undefined) return suites.map((s) => ({ ...s, groups: s.suite.groups }));
  const wanted = raw.split(',').map((g) => g.trim()).filter(Boolean);
  const known = suites.flatMap((s) => [s.area, ...s.suite.groups]);
  const bad = wanted.find((w) => !known.includes(w));
  if (bad || wanted.length === 0) throw new UsageError(ctx.text.badValue('only', bad ?? raw, known.join(', ')));
  return suites
    .map((s) => ({ ...s, groups: wanted.includes(s.area) ? s.suite.groups : s.suite.groups.filter((g) => wanted.includes(g)) }))
    .filter((s) => s.groups.length > 0);
}

function intOption(ctx: CommandContext, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(ctx.args.values, name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(ctx.text.badValue(name, raw, `${min}–${max}`));
  return n;
}

/** The benchmark writes synthetic data (the import case): never into a file with real records. */
function refuseRealData(ctx: CommandContext, core: Core, selected: SelectedSuite[]): void {
  for (const { suite } of selected) {
    const refusal = suite.refusal?.(core.services);
    if (refusal) throw new CliError(refusal[ctx.locale], refusal.code);
  }
}

/** Beside a kept benchmark file: its administrator's sign-in, so that a later run can reuse the file. */
function credentialsFile(core: Core): string {
  return path.join(path.dirname(core.services.paths.database), 'bench-credentials.txt');
}

/**
 * A new file gets a benchmark administrator (its password saved beside the file, mode 0600); a file set
 * up before is signed in with those saved credentials, or with --user and a password on stdin.
 */
async function signIn(ctx: CommandContext, core: Core): Promise<string> {
  const status = await core.call({ method: 'auth.status', input: {}, sessionToken: null });
  if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) {
    const password = generatePassword();
    const r = await core.call({
      method: 'auth.setup',
      input: { community: { communityName: '性能测试社区', unitName: '性能测试社区居民委员会' }, admin: { username: 'bench', displayName: '性能测试', password } },
      sessionToken: null,
    });
    if (!r.ok) throw new CliError(ctx.explain(r.error), r.error.code);
    fs.writeFileSync(credentialsFile(core), `bench\n${password}\n`, { mode: 0o600 });
    return (r.value as { token: string }).token;
  }
  let username = stringOption(ctx.args.values, 'user');
  let password: string | undefined;
  if (!username && fs.existsSync(credentialsFile(core))) [username, password] = fs.readFileSync(credentialsFile(core), 'utf8').split('\n');
  if (!username) throw new UsageError(ctx.text.needsUser);
  password ??= (await readSecrets(ctx, [ctx.text.yourPassword]))[0];
  const r = await core.call({ method: 'auth.login', input: { username, password }, sessionToken: null });
  if (!r.ok) throw new CliError(ctx.explain(r.error), r.error.code);
  return (r.value as { token: string }).token;
}

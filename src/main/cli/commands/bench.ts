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
import { commandTexts } from '../text';

export const benchCommand: Command = {
  name: 'bench',
  ...commandTexts('bench'),
  options: {
    ...userOption,
    residents: { type: 'string' },
    keep: { type: 'boolean' },
    runs: { type: 'string' },
    'import-rows': { type: 'string' },
    'deep-pages': { type: 'string' },
    'serve-rows': { type: 'string' },
    'serve-format': { type: 'string' },
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
          serveFormat: serveFormat(ctx),
          settleSeconds,
          serveCli: stringOption(ctx.args.values, 'serve-cli'),
          groups,
          cases: stringOption(ctx.args.values, 'cases')
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean),
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
  const wanted = raw
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const known = suites.flatMap((s) => [s.area, ...s.suite.groups]);
  const bad = wanted.find((w) => !known.includes(w));
  if (bad || wanted.length === 0) throw new UsageError(ctx.text.badValue('only', bad ?? raw, known.join(', ')));
  return suites
    .map((s) => ({ ...s, groups: wanted.includes(s.area) ? s.suite.groups : s.suite.groups.filter((g) => wanted.includes(g)) }))
    .filter((s) => s.groups.length > 0);
}

/** --serve-format: what the serve group's import reads (xlsx, the default, or csv). */
function serveFormat(ctx: CommandContext): 'xlsx' | 'csv' {
  const raw = stringOption(ctx.args.values, 'serve-format') ?? 'xlsx';
  if (raw !== 'xlsx' && raw !== 'csv') throw new UsageError(ctx.text.badValue('serve-format', raw, 'xlsx, csv'));
  return raw;
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
      input: {
        community: { communityName: '性能测试社区', unitName: '性能测试社区居民委员会' },
        admin: { username: 'bench', displayName: '性能测试', password },
      },
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

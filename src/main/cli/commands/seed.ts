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
import { commandTexts } from '../text';

export const seedCommand: Command = {
  name: 'seed',
  ...commandTexts('seed', { demoResidents: DEMO_RESIDENTS }),
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
      if (controller.signal.aborted) ctx.note(ctx.text.seedStopped(seconds));
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
    throw new CliError(ctx.text.demoNotNew(ctx.dbPath), 'residents.demo_not_new');
  }
  const firstRun = ctx.args.values['if-missing'] === true;
  ctx.note(ctx.text.demoCreating(ctx.dbPath, residents, firstRun));
  const core = await openCore(ctx, { mustExist: false });
  try {
    const r = await createDemo(core, { residents, seed: stringOption(ctx.args.values, 'seed'), locale: ctx.locale });
    const rule = '─'.repeat(48);
    ctx.print([rule, ...ctx.text.demoReady(r.username, r.password, r.credentialsFile), rule].join('\n'));
    const areas = Object.fromEntries(r.areas.map((a) => [a.area, a.result.figures]));
    const { username, password, credentialsFile } = r;
    ctx.emitJson({ ok: true, created: true, databasePath: ctx.dbPath, username, password, credentialsFile, seed: areas.residents, areas });
    return 0;
  } finally {
    await core.close();
  }
}

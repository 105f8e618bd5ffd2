import os from 'node:os';
import { AppError } from '../../../../../shared/errors';
import type { CoreServices } from '../../../context';
import { appendAudit } from '../../../audit/repository';
import { readSettings } from '../../../community/settings';
import { localToday } from '../../../time/zone';
import { defaultLocale, translator } from '../../../../../shared/i18n/translate';
import { idLookupHash } from '../prepare';
import { CommunityGenerator, type SeedCounts, type VisitPolicy } from './community';
import { inThreadDeriver, SeedDeriver } from './derive';
import { startDerivePool } from './derive-pool';
import { PeopleFactory } from './people';
import { Rng, seedFrom } from '../../../seed/random';
import { SeedWriter } from './writer';
import { deferIndexes, restoreIndexes } from './indexes';

export interface SeedOptions {
  residents: number;
  /** Same seed, same community (names, ID numbers, places, visits). Default 'linli'. */
  seed?: string | number;
  /** Add to a registry that already has residents (refused otherwise). */
  append?: boolean;
  /** Who the audit record names; a CLI run without --user names the command. */
  actor?: { id: string | null; name: string | null };
  /** Rows per transaction. */
  batchRows?: number;
  /** The district whose 户籍 residents live here (GB/T 2260). Default 150204 (包头市青山区). */
  home?: string;
  /**
   * Worker threads for the derived columns (encryption, pinyin): a number, or 'auto' (one per core).
   * Needs the key file and the built bundle; otherwise, and by default, everything runs in this thread.
   */
  workers?: number | 'auto';
  /** Stops at the next building; what was committed stays (a partial community). */
  signal?: AbortSignal;
  onProgress?(p: SeedProgress): void;
}

export interface SeedProgress {
  rows: number;
  residents: number;
  households: number;
  elapsedMs: number;
  /** 'indexes' once the rows are in and the indexes are being built. */
  phase?: 'rows' | 'indexes';
}

export interface SeedResult {
  seed: string;
  today: string;
  counts: SeedCounts;
  rows: number;
  elapsedMs: number;
  /** Worker threads that derived the columns (0: this thread). */
  workers: number;
  rowsPerSecond: number;
  residentsPerSecond: number;
}

export const SEED_ACTION = 'residents.seed';

export function countResidents(services: Pick<CoreServices, 'sqlite'>): number {
  return (services.sqlite.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
}

/**
 * Fills the registry with a synthetic community: grids, compounds, buildings, houses, households,
 * residents (valid ID numbers, encrypted with the app's field key, every derived column as
 * prepareResident makes it), tags and visit history. Deterministic for a seed. Written with prepared
 * statements in large transactions; one audit record at the end.
 */
export async function seedResidents(services: CoreServices, opts: SeedOptions): Promise<SeedResult> {
  if (!Number.isInteger(opts.residents) || opts.residents < 1)
    throw new AppError('contract.invalid_input', 'The number of residents must be a positive whole number');
  // An earlier seed that was killed before it rebuilt its indexes is repaired first.
  restoreIndexes(services.sqlite, services.paths.database);
  const existing = countResidents(services);
  if (existing > 0 && !opts.append) {
    throw new AppError(
      'residents.seed_not_empty',
      `The registry already has ${existing} residents; seeding adds synthetic people, so it only runs on an empty registry (or with --append)`,
      { params: { count: existing } },
    );
  }
  const started = performance.now();
  const seed = String(opts.seed ?? 'linli');
  const { timeZone } = await readSettings(services.db);
  const today = localToday(services.now(), timeZone);
  const at = services.now().toISOString();
  const actor = opts.actor ?? { id: null, name: null };
  const sqlite = services.sqlite;

  const tagIds = new Map((sqlite.prepare('SELECT id, name FROM tags').all() as { id: string; name: string }[]).map((t) => [t.name, t.id]));
  const policy = readVisitPolicy(services);
  const idTaken = sqlite.prepare('SELECT 1 FROM residents WHERE id_hash = ?');
  const taken = {
    compoundNames: new Set(sqlite.prepare('SELECT name FROM compounds').pluck().all() as string[]),
    gridCodes: new Set(sqlite.prepare('SELECT code FROM grids').pluck().all() as string[]),
    householdNumbers: new Set(sqlite.prepare('SELECT number FROM households').pluck().all() as string[]),
    idNumber: existing > 0 ? (n: string) => idTaken.get(idLookupHash(services.secrets, '居民身份证', n)) !== undefined : undefined,
  };

  const rng = new Rng(seedFrom(seed));
  const people = new PeopleFactory(rng, today, opts.home ?? '150204');
  const pool = opts.workers
    ? await startDerivePool({ keyFile: services.paths.keyFile, today, secrets: services.secrets, workers: opts.workers === 'auto' ? undefined : opts.workers })
    : null;
  const deriver = pool ?? inThreadDeriver(new SeedDeriver(services.secrets, today));
  let generator: CommunityGenerator | null = null;
  const writer = new SeedWriter(sqlite, deriver, tagIds, { at, actorId: actor.id }, opts.batchRows ?? 20_000, (rows) => {
    opts.onProgress?.({
      rows,
      residents: generator?.counts.residents ?? 0,
      households: generator?.counts.households ?? 0,
      elapsedMs: performance.now() - started,
    });
    if (opts.signal?.aborted) throw new AppError('residents.seed_cancelled', 'Seeding was stopped; the rows written so far stay');
  });
  generator = new CommunityGenerator(
    rng,
    people,
    { residents: opts.residents, today, at, actorId: actor.id, policy, home: opts.home ?? '150204', taken },
    writer,
  );

  // A bigger page cache while a million rows go in; the app's own setting is put back afterwards.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -524288');
  const deferred = existing === 0 ? deferIndexes(sqlite, services.paths.database) : null;
  let counts: SeedCounts;
  try {
    counts = await generator.run();
    await writer.flush();
  } finally {
    await deriver.close();
    opts.onProgress?.({
      rows: writer.written,
      residents: generator.counts.residents,
      households: generator.counts.households,
      elapsedMs: performance.now() - started,
      phase: 'indexes',
    });
    deferred?.restore();
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }

  const elapsedMs = performance.now() - started;
  await services.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        action: SEED_ACTION,
        area: 'residents',
        // In the hall's language, as the audit log's other summaries (names, addresses) are; the screen
        // words it again from `after` in the reader's language.
        summary: translator(defaultLocale)('auditReport.seedSummary', { seed, residents: counts.residents, households: counts.households }),
        after: { seed, append: Boolean(opts.append), ...counts },
        actor,
      },
      { id: actor.id, name: actor.name, workstation: services.workstation },
      services.now(),
    ),
  );
  const seconds = elapsedMs / 1000;
  return {
    seed,
    today,
    counts,
    rows: writer.written,
    elapsedMs,
    workers: pool ? (opts.workers === 'auto' ? os.availableParallelism() : Number(opts.workers)) : 0,
    rowsPerSecond: Math.round(writer.written / seconds),
    residentsPerSecond: Math.round(counts.residents / seconds),
  };
}

function readVisitPolicy(services: CoreServices): VisitPolicy {
  const rows = services.sqlite.prepare('SELECT kind, match, interval_days FROM visit_policy').all() as { kind: string; match: string; interval_days: number }[];
  const policy: VisitPolicy = { byStatus: new Map(), byTag: new Map(), fallback: 182 };
  for (const r of rows) {
    if (r.kind === 'status') policy.byStatus.set(r.match, r.interval_days);
    else if (r.kind === 'tag') policy.byTag.set(r.match, r.interval_days);
    else policy.fallback = r.interval_days;
  }
  return policy;
}

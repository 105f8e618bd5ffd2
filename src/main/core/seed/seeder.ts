import type { Locale } from '../../../shared/i18n/translate';
import type { Permission } from '../../../shared/permissions';
import type { CoreServices } from '../context';

/** One `linli seed` (or first-run demo) run, as every area's seeder receives it. */
export interface SeedRun {
  /** The community's size in residents: the other areas scale their rows from it. */
  residents: number;
  /** Same seed, same data. */
  seed: string;
  /** Add to an area that already has rows (each seeder refuses otherwise). */
  append: boolean;
  /** Whom the audit records name. */
  actor: { id: string | null; name: string | null };
  /** What the signed-in user may do; null when no one signed in (a local file the operator named). */
  permissions: ReadonlySet<Permission> | null;
  /** Worker threads an area may use ('auto': one per core; 0: none). */
  workers: number | 'auto';
  signal?: AbortSignal;
  /** The language of `note`'s lines and of the result's text. */
  locale: Locale;
  /** A progress line for people (stderr in the CLI). */
  note?(line: string): void;
}

export interface AreaSeedResult {
  /** What was made, for people, in the run's language. */
  text: string;
  /** The figures, for `--json` and the benchmark. */
  figures: Record<string, unknown>;
}

/** An area's synthetic data: `linli seed` and the first-run demo run every area's seeder, dependencies first. */
export interface AreaSeeder {
  /** Areas whose seeded rows this area's rows refer to (residents, for nearly every area). */
  after?: readonly string[];
  /**
   * Throws an AppError when the area already has rows and the run does not append, before any area
   * writes: a refused seed leaves the file as it was.
   */
  check?(services: CoreServices, run: SeedRun): void;
  seed(services: CoreServices, run: SeedRun): Promise<AreaSeedResult>;
}

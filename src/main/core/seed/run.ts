import type { CoreServices } from '../context';
import type { AreaModule } from '../area';
import type { AreaSeedResult, AreaSeeder, SeedRun } from './seeder';

export interface SeededArea {
  area: string;
  result: AreaSeedResult;
}

type Seedable = Pick<AreaModule<never>, 'name' | 'seeder'>;

/**
 * The areas that have a seeder, each after the areas it names in `after` (residents first), otherwise in
 * the list's order. A dependency on an area without a seeder, or a cycle, is a programming error.
 */
export function seedOrder(areas: readonly Seedable[]): { name: string; seeder: AreaSeeder }[] {
  const withSeeder = new Map(areas.filter((a) => a.seeder).map((a) => [a.name, a.seeder!]));
  const ordered: { name: string; seeder: AreaSeeder }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string | null) => {
    const seeder = withSeeder.get(name);
    if (!seeder) throw new Error(`The ${from} seeder runs after ${name}, which has no seeder`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`The seeders' dependencies go round in a circle at ${name}`);
    state.set(name, 'visiting');
    for (const dep of seeder.after ?? []) visit(dep, name);
    state.set(name, 'done');
    ordered.push({ name, seeder });
  };
  for (const name of withSeeder.keys()) visit(name, null);
  return ordered;
}

/**
 * Runs every area's seeder in dependency order. Each one checks first (an area that already has rows
 * refuses unless the run appends), so that a refused seed writes nothing at all.
 */
export async function seedAreas(services: CoreServices, areas: readonly Seedable[], run: SeedRun): Promise<SeededArea[]> {
  const ordered = seedOrder(areas);
  for (const { seeder } of ordered) seeder.check?.(services, run);
  const out: SeededArea[] = [];
  for (const { name, seeder } of ordered) out.push({ area: name, result: await seeder.seed(services, run) });
  return out;
}

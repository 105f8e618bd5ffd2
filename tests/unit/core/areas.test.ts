import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../src/shared/contract';
import { permissions, rolePermissions } from '../../../src/shared/permissions';
import { residentsPermissions } from '../../../src/shared/contract/residents';
import { areaModules } from '../../../src/main/core/areas';
import { handlers } from '../../../src/main/core/handlers';
import { reportCatalogue } from '../../../src/main/core/reports/catalogue';
import { seedOrder } from '../../../src/main/core/seed/run';
import type { AreaSeeder } from '../../../src/main/core/seed/seeder';

const seeder = (after: string[] = []): AreaSeeder => ({ after, seed: async () => ({ text: '', figures: {} }) });

describe('areas plug in through one list', () => {
  it('every contract method has a handler, the areas’ from their modules', () => {
    expect(methodNames.filter((m) => typeof handlers[m] !== 'function')).toEqual([]);
    const residents = areaModules.find((a) => a.name === 'residents')!;
    expect(Object.keys(residents.handlers).every((m) => m.startsWith('residents.'))).toBe(true);
    expect(Object.keys(residents.handlers)).toContain('residents.importCommit');
  });

  it("the report centre lists the foundation's reports, then each area's", () => {
    expect(reportCatalogue.map((r) => r.name)).toEqual(['audit', ...areaModules.flatMap((a) => (a.reports ?? []).map((r) => r.name))]);
    expect(reportCatalogue.filter((r) => r.area === 'residents').length).toBeGreaterThan(0);
  });

  it("an area's permissions join the foundation's, and its grants the roles'", () => {
    for (const p of residentsPermissions) expect(permissions).toContain(p);
    expect(rolePermissions.admin).toEqual(permissions);
    expect(rolePermissions.clerk).toEqual(expect.arrayContaining(['reports.run', 'residents.import']));
    expect(rolePermissions.auditor).not.toContain('residents.write');
  });

  it('seeders run after the areas they depend on, else in the list’s order; a bad dependency is refused', () => {
    const order = seedOrder([
      { name: 'council', seeder: seeder(['residents', 'charity']) },
      { name: 'plain' },
      { name: 'charity', seeder: seeder(['residents']) },
      { name: 'residents', seeder: seeder() },
    ]).map((s) => s.name);
    expect(order).toEqual(['residents', 'charity', 'council']);
    expect(seedOrder(areaModules).map((s) => s.name)[0]).toBe('residents');
    expect(() => seedOrder([{ name: 'a', seeder: seeder(['ghost']) }])).toThrow(/ghost/);
    expect(() =>
      seedOrder([
        { name: 'a', seeder: seeder(['b']) },
        { name: 'b', seeder: seeder(['a']) },
      ]),
    ).toThrow(/circle/);
  });
});

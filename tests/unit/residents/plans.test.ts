import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src/shared/contract';
import { openTestHall, type TestHall } from '../support/core';
import { explainer } from './fixture';
import { countQuery, pageQueries, pagesByTag, tagPageQueries, type ListFilter } from '../../../src/main/core/features/residents/people/list';
import { addressHousesQuery, residentsQuery, type ResidentMatchKind } from '../../../src/main/core/features/residents/search';
import { dueCountQuery, dueQuery, gridDueCandidates } from '../../../src/main/core/features/residents/visits/due';
import {
  expiredCountQuery,
  expiringCountQuery,
  expiringQuery,
  milestoneCountQuery,
  milestoneKeysQuery,
} from '../../../src/main/core/features/residents/reminders';
import { unplacedCountQuery, unplacedQuery } from '../../../src/main/core/features/residents/unplaced';

/**
 * Every list filter and sort, and every search kind, is an index range: no full scan of residents and no
 * sort (the plans are the ones SQLite picks without statistics, as on a fresh or imported file).
 */

let hall: TestHall;
let plan: ReturnType<typeof explainer>;
const today = '2026-11-22';

beforeAll(async () => {
  hall = await openTestHall();
  plan = explainer(hall);
});
afterAll(async () => {
  await hall.close();
});

const compile = (q: { compile(db: never): { sql: string; parameters: readonly unknown[] } }) => q.compile(hall.core.services.db as never);

function expectIndexed(p: string, index: string | RegExp, what: string) {
  expect(p, what).not.toMatch(/SCAN residents|SCAN households|TEMP B-TREE/);
  if (typeof index === 'string') expect(p, what).toMatch(new RegExp(`USING (COVERING )?INDEX ${index} `));
  else expect(p, what).toMatch(index);
}

describe('query plans: residents.list', () => {
  const filters: [Partial<Input<'residents.list'>>, string, string][] = [
    [{}, 'residents_archived_pinyin', 'residents_archived_birth'],
    [{ gridId: 'g' }, 'residents_grid_pinyin', 'residents_grid_birth'],
    [{ buildingId: 'b' }, 'residents_building', 'residents_building'],
    [{ status: '户籍' }, 'residents_status_pinyin', 'residents_status_birth'],
    [{ tagId: 't' }, 'resident_tags_pinyin', 'resident_tags_birth'],
    [{ tagId: 't', ageMin: 60, ageMax: 90 }, 'resident_tags_pinyin', 'resident_tags_birth'],
    [{ tagId: 't', gridId: 'g' }, 'resident_tags_grid_pinyin', 'resident_tags_grid_birth'],
    [{ tagId: 't', gridId: 'g', status: '流动人口', ageMin: 60 }, 'resident_tags_grid_pinyin', 'resident_tags_grid_birth'],
    [{ ageMin: 60 }, 'residents_archived_pinyin', 'residents_archived_birth'],
    [{ ageMin: 18, ageMax: 59, gridId: 'g' }, 'residents_grid_pinyin', 'residents_grid_birth'],
    [{ buildingId: 'b', gridId: 'g', status: '流动人口', tagId: 't', ageMax: 17 }, 'residents_building', 'residents_building'],
    [{ status: '居住证', tagId: 't' }, 'resident_tags_pinyin', 'resident_tags_birth'],
  ];
  const cursors = [null, { k: 'zhangsan', n: '张三', i: 7 }, { k: '1980-01-01', i: 7 }, { k: null, i: 7 }];
  for (const [f, byName, byBirth] of filters) {
    it(`${JSON.stringify(f)}: every sort, direction, archive choice and cursor`, () => {
      for (const sort of ['name', 'birthDate'] as const)
        for (const direction of ['asc', 'desc'] as const)
          for (const archived of ['active', 'archived', 'all'] as const)
            for (const after of cursors) {
              if (sort === 'name' && after && after.n === undefined) continue;
              if (sort === 'birthDate' && after?.n !== undefined) continue;
              const input = { archived, sort, direction, ...f } as ListFilter;
              const byTag = pagesByTag(input);
              for (const group of byTag ? tagPageQueries(input, today, after, 50) : pageQueries(input, today, after, 50)) {
                for (const q of group) {
                  const p = plan(compile(q));
                  const what = `${JSON.stringify({ ...input, after })}\n${p}`;
                  const index = sort === 'name' ? byName : byBirth;
                  if (index === 'residents_building') {
                    // A building's few hundred residents are found in one range and sorted for the page.
                    expect(p, what).toMatch(/^SEARCH residents USING INDEX residents_building \(archived=\? AND building_id=\?( AND rowid[<>]\?)?\)/);
                    expect(p, what).not.toMatch(/SCAN residents/);
                    continue;
                  }
                  expectIndexed(p, index, what);
                  // The keyset is part of the index range, not a filter applied after reading: in resident_tags
                  // its tie-breaker (resident_id) too; in residents the sort key, the rowid that ends every
                  // index entry breaking the tie among the few rows with the same key.
                  // (The residents without a birth date are their own range: birth_date=? in the plan.)
                  const unkeyed = sort === 'birthDate' && /birth_date=\?/.test(p);
                  if (after && after.k !== null && !unkeyed) {
                    if (byTag) expect(p, what).toContain(sort === 'name' ? '(name_pinyin,name,resident_id)' : '(birth_date,resident_id)');
                    else expect(p, what).toMatch(sort === 'name' ? /AND \(name_pinyin,name\)[<>]\(\?,\?\)/ : /AND birth_date[<>]\?/);
                  }
                  if (after && after.k === null && unkeyed) expect(p, what).toMatch(new RegExp(`birth_date=\\? AND ${byTag ? 'resident_id' : 'rowid'}[<>]\\?`));
                  // A tag's page walks its links in a covering index (status checked there too) and reads each
                  // link's resident by its id, in the links' order (TEMP B-TREE is refused above).
                  if (byTag)
                    expect(p, what).toMatch(
                      /^SEARCH link USING COVERING INDEX resident_tags_(grid_)?(pinyin|birth) \(tag_id=\? AND archived=\?( AND grid_id=\?)?.*\nSEARCH residents USING INDEX sqlite_autoindex_residents_1 \(id=\?\)$/,
                    );
                  else if (f.tagId) expect(p, what).toMatch(/SEARCH rt EXISTS USING (PRIMARY KEY|COVERING INDEX resident_tags_tag)/);
                }
              }
            }
    });
  }

  it('counts through an index; a tag counts its links alone', () => {
    for (const f of [{}, { gridId: 'g' }, { buildingId: 'b', tagId: 't' }, { status: '户籍', ageMin: 60 }])
      for (const archived of ['active', 'archived', 'all'] as const) {
        const p = plan(compile(countQuery({ archived, ...f } as ListFilter, today)));
        expect(p, JSON.stringify(f)).toMatch(/SEARCH residents USING (COVERING )?INDEX/);
      }
    for (const f of [{ tagId: 't' }, { tagId: 't', status: '户籍', ageMin: 60, ageMax: 80 }])
      for (const archived of ['active', 'archived', 'all'] as const) {
        const p = plan(compile(countQuery({ archived, ...f } as ListFilter, today)));
        expect(p, JSON.stringify(f)).toMatch(/^SEARCH resident_tags USING COVERING INDEX resident_tags_birth \(tag_id=\? AND archived[=>]/);
        expect(p, JSON.stringify(f)).not.toMatch(/residents|TEMP B-TREE/);
      }
    // A grid's links of a tag are one range of resident_tags_grid_birth, the grid a key (migration 0017).
    for (const f of [
      { tagId: 't', gridId: 'g' },
      { tagId: 't', gridId: 'g', status: '户籍', ageMin: 60, ageMax: 80 },
    ])
      for (const archived of ['active', 'archived', 'all'] as const) {
        const p = plan(compile(countQuery({ archived, ...f } as ListFilter, today)));
        expect(p, JSON.stringify(f)).toMatch(
          /^SEARCH resident_tags USING COVERING INDEX resident_tags_grid_birth \(tag_id=\? AND archived[=>?]+ AND grid_id=\?/,
        );
        expect(p, JSON.stringify(f)).not.toMatch(/residents|TEMP B-TREE/);
      }
  });
});

describe('query plans: residents.search', () => {
  const kinds: [ResidentMatchKind, string, string][] = [
    ['name', '张三', 'USING INDEX residents_name_birth (name>? AND name<?)'],
    ['initials', 'zs', 'USING INDEX residents_initials (name_initials>? AND name_initials<?)'],
    ['pinyin', 'zhangsan', 'USING INDEX residents_archived_pinyin (archived=? AND name_pinyin>? AND name_pinyin<?)'],
    ['id', '11010519491231002X', 'USING INDEX sqlite_autoindex_residents_2 (id_hash=?)'],
    ['id_suffix', 'X200', 'USING INDEX residents_id_tail (id_tail_rev>? AND id_tail_rev<?)'],
    ['phone_suffix', '1234', 'USING INDEX residents_phone_last4 (phone_last4=?)'],
    ['phone', '13812345678', 'USING INDEX residents_phone_last4 (phone_last4=?)'],
    ['address', '', 'USING INDEX residents_house (house_id=?)'],
  ];
  for (const [kind, value, index] of kinds) {
    it(`${kind} is one index range`, () => {
      for (const archived of [0, 1] as const) {
        const p = plan(compile(residentsQuery(kind, value, archived, 20, { secrets: hall.core.services.secrets, houseIds: ['h1', 'h2'] })));
        expect(p).not.toMatch(/SCAN residents|TEMP B-TREE/);
        expect(p).toContain(index);
      }
    });
  }

  it('finds houses by address key, or by room and building name', () => {
    const withUnit = plan(compile(addressHousesQuery({ compound: '幸福', building: '3', unit: '2', room: '501' })));
    expect(withUnit).toContain('USING INDEX houses_address_key (address_key=?)');
    const noUnit = plan(compile(addressHousesQuery({ compound: null, building: '3', unit: null, room: '501' })));
    expect(noUnit).toMatch(/USING INDEX (houses_room \(room=\?\)|buildings_name \(name=\?\))/);
    expect(`${withUnit}\n${noUnit}`).not.toMatch(/SCAN (houses|buildings|compounds)/);
  });
});

describe('query plans: visits and reminders', () => {
  it("the visits-due board is one range of households_due; a grid's is reached through its buildings and houses", () => {
    for (const overdueOnly of [true, false])
      for (const after of [null, { k: '2026-11-01', i: 'x' }]) {
        const p = plan(compile(dueQuery({ overdueOnly, withinDays: 14 }, today, after, 50)));
        expectIndexed(p, 'households_due', p);
        if (after) expect(p).toContain('(next_visit_due,id)>(?,?)');
      }
    for (const overdueOnly of [true, false]) {
      const p = plan(compile(dueCountQuery({ overdueOnly, withinDays: 14 }, today)));
      expect(p, p).toMatch(/SEARCH households USING COVERING INDEX households_due \(archived=\? AND next_visit_due[<>]/);
      expect(p, p).not.toMatch(/SCAN|TEMP B-TREE/);
    }
    for (const overdueOnly of [true, false]) {
      const p = plan(compile(gridDueCandidates({ gridIds: ['g1', 'g2'], overdueOnly, withinDays: 14 }, today)));
      expect(p).toContain('USING INDEX buildings_grid (grid_id=?)');
      expect(p).toMatch(/SEARCH ho USING (COVERING )?INDEX sqlite_autoindex_houses_\d \(building_id=\?\)/);
      expect(p).toContain('USING INDEX households_house (house_id=?)');
      expect(p).not.toMatch(/SCAN (households|houses|buildings)|TEMP B-TREE/);
    }
  });

  it('milestones are one range of residents_archived_birth per age, the keyset inside it, keys only; their counts read the index alone', () => {
    for (const after of [null, { k: '1966-11-17', i: 7 }]) {
      const p = plan(compile(milestoneKeysQuery(2026, '11', after, 50)));
      expect(p).not.toMatch(/SCAN residents|TEMP B-TREE/);
      const plans = p.split('\n').filter((line) => line.includes('residents'));
      expect(plans).toHaveLength(5);
      for (const line of plans) expect(line).toMatch(/SEARCH residents USING COVERING INDEX residents_archived_birth \(/);
      // The cursor's year (60: 1966) after (date, rowid); the earlier years (70–100) after its day.
      if (after)
        expect(plans.map((p) => p.match(/\(archived=\? AND (.*)\)$/)?.[1])).toEqual([
          'birth_date>? AND birth_date<?',
          'birth_date>? AND birth_date<?',
          'birth_date>? AND birth_date<?',
          'birth_date>? AND birth_date<?',
          'birth_date>? AND birth_date<?',
        ]);
      else for (const p of plans) expect(p).toContain('(archived=? AND birth_date>? AND birth_date<?)');
    }
    const counts = plan(compile(milestoneCountQuery(2026, '11')));
    expect(counts.match(/SEARCH residents USING COVERING INDEX residents_archived_birth \(archived=\? AND birth_date>\? AND birth_date<\?\)/g)).toHaveLength(5);
  });

  it('ID cards expiring and permits due are one range each, the keyset inside it; their counts read the index alone', () => {
    for (const [kind, index, column] of [
      ['idCards', 'residents_id_card_expiry', 'id_card_expires_on'],
      ['permits', 'residents_permit', 'permit_expires_on'],
    ] as const) {
      const first = plan(compile(expiringQuery(kind, today, '2027-01-21', null, 50)));
      expectIndexed(first, index, first);
      // ID cards start at the first dated card, however long ago it expired: the partial index holds only those.
      expect(first).toContain(`(archived=? AND ${column}>? AND ${column}<?)`);
      const deep = plan(compile(expiringQuery(kind, today, '2027-01-21', { k: '2026-12-01', i: 7 }, 50)));
      expectIndexed(deep, index, deep);
      expect(deep).toContain(`(archived=? AND ${column}>? AND ${column}<?)`);
      const count = plan(compile(expiringCountQuery(kind, today, '2027-01-21')));
      expect(count).toBe(`SEARCH residents USING COVERING INDEX ${index} (archived=? AND ${column}>? AND ${column}<?)`);
    }
    const expired = plan(compile(expiredCountQuery(today)));
    expect(expired).toBe('SEARCH residents USING COVERING INDEX residents_id_card_expiry (archived=? AND id_card_expires_on<?)');
  });

  it('未登记到户 is one range of the partial index residents_unplaced, the cursor inside it; its count reads the index alone', () => {
    expect(plan(compile(unplacedQuery(null, 50)))).toBe('SEARCH residents USING INDEX residents_unplaced (archived=? AND household_id=?)');
    const deep = plan(compile(unplacedQuery({ k: null, i: 7 }, 50)));
    expect(deep).toBe('SEARCH residents USING INDEX residents_unplaced (archived=? AND household_id=? AND rowid>?)');
    expect(plan(compile(unplacedCountQuery()))).toBe('SEARCH residents USING COVERING INDEX residents_unplaced (archived=? AND household_id=?)');
  });
});

describe('query plans: every statement the handlers run', () => {
  /** Records each statement core prepares while `fn` runs, then explains it (parameters bound as NULL). */
  async function statementsOf(fn: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
    const sqlite = hall.core.services.sqlite;
    const seen = new Set<string>();
    const original = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      seen.add(source);
      return original(source);
    }) as typeof sqlite.prepare;
    try {
      await fn();
    } finally {
      sqlite.prepare = original as typeof sqlite.prepare;
    }
    return [...seen]
      .filter((s) => /^\s*(with|select|update)\b/i.test(s))
      .map((s) => {
        const params = (s.match(/\?/g) ?? []).length;
        const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...Array(params).fill(null)) as { detail: string }[];
        return { sql: s, plan: rows.map((r) => r.detail).join('\n') };
      });
  }

  it('reads and writes go through indexes: no scan of residents, households or houses', async () => {
    const { makePlaces, makeHousehold, residentInput, idFor } = await import('./fixture');
    const p = await makePlaces(hall);
    const hh = await makeHousehold(hall, 'P-1', p.house('1', '101'));
    const r = await hall.call(
      'residents.create',
      residentInput({ name: '计划', idNumber: idFor('1966-11-03', 9), householdId: hh.id, relationToHead: '户主' }),
    );
    const tag = (await hall.call('residents.listTags', {}))[0].id;
    const calls: [string, () => Promise<unknown>][] = [
      ['buildingView', () => hall.call('residents.buildingView', { buildingId: p.building.id })],
      ['getHouse', () => hall.call('residents.getHouse', { id: p.house('1', '101') })],
      ['getHousehold', () => hall.call('residents.getHousehold', { id: hh.id })],
      ['get', () => hall.call('residents.get', { id: r.id })],
      ['list', () => hall.call('residents.list', { ageMin: 50 })],
      ['list tag', () => hall.call('residents.list', { tagId: tag })],
      ['count tag', () => hall.call('residents.count', { tagId: tag })],
      ['visitsDue', () => hall.call('residents.visitsDue', { gridId: p.grid.id, withinDays: 366 })],
      ['listVisits', () => hall.call('residents.listVisits', { householdId: hh.id })],
      ['listTags', () => hall.call('residents.listTags', {})],
      ['milestones', () => hall.call('residents.milestones', {})],
      ['idCardsExpiring', () => hall.call('residents.idCardsExpiring', { withinDays: 366 })],
      ['permitsDue', () => hall.call('residents.permitsDue', { withinDays: 366 })],
      ['unplaced', () => hall.call('residents.unplaced', {})],
      ['idOwner', () => hall.call('residents.idOwner', { docType: '居民身份证', idNumber: idFor('1966-11-03', 9) })],
      [
        'list tag by birth, deep',
        async () => {
          const first = await hall.call('residents.list', { tagId: tag, sort: 'birthDate', direction: 'desc', limit: 1 });
          if (first.nextCursor) await hall.call('residents.list', { tagId: tag, sort: 'birthDate', direction: 'desc', limit: 1, cursor: first.nextCursor });
        },
      ],
      ['search', () => hall.call('residents.search', { q: '3栋501' })],
      ['findHousehold', () => hall.call('residents.findHousehold', { number: 'P', includeArchived: true })],
      ['search by 户号', () => hall.call('residents.search', { q: 'P-1' })],
      ['setTags (recompute one household)', () => hall.call('residents.setTags', { id: r.id, tagIds: [tag] })],
      [
        'update',
        () =>
          hall.call('residents.update', {
            ...residentInput({ name: '计划', idNumber: idFor('1966-11-03', 9), householdId: hh.id, relationToHead: '户主', occupation: '工人' }),
            id: r.id,
          }),
      ],
      ['recordVisit', () => hall.call('residents.recordVisit', { householdId: hh.id, visitedOn: '2026-11-20', outcome: 'met' })],
      ['saveHousehold', () => hall.call('residents.saveHousehold', { id: hh.id, number: 'P-1', houseId: p.house('1', '102'), headResidentId: r.id })],
      ['moveOut', () => hall.call('residents.moveOut', { id: r.id, on: '2026-11-21' })],
    ];
    for (const [label, fn] of calls) {
      for (const { sql, plan: p } of await statementsOf(fn)) {
        // The audit trail, settings and sessions are core's, with their own tests.
        if (/audit_log|settings|"users"/.test(sql)) continue;
        const what = `${label}: ${sql}\n${p}`;
        expect(p, what).not.toMatch(/SCAN (residents|households|houses|visits|resident_tags)\b/);
        expect(p, what).not.toMatch(/SCAN [a-z]+ USING (COVERING )?INDEX (residents|households)_(archived|status|birth|next|due|grid|building)/);
        // An index range on archived alone reads every present resident: right for an ordered page with a
        // LIMIT, wrong anywhere else (the sign of a planner that preferred `archived = 0` to a real key).
        // (Reading the archived ones on purpose — `archived = 1`, a small part of the registry — is fine.)
        if (!/\bLIMIT\b|archived = 1/i.test(sql))
          expect(p, what).not.toMatch(/^SEARCH (residents|r|households|h) USING (COVERING )?INDEX \w+ \(archived=\?\)$/m);
      }
    }
  });
});

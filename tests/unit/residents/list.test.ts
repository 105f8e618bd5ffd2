import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../src/shared/contract';
import { openTestHall, type TestHall } from '../support/core';
import { idFor, makePlaces, residentInput, tagId } from './fixture';
import { pagesByTag } from '../../../src/main/core/features/residents/people/list';

/**
 * Keyset paging through 120 residents: for every sort, direction, archive choice and filter, walking the
 * pages gives exactly the rows (no duplicates, no gaps) in exactly the order of one ORDER BY without paging.
 */

let hall: TestHall;
const ids: Record<string, string> = {};
const today = '2026-11-22';

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '单', '曾'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇'];

beforeAll(async () => {
  hall = await openTestHall();
  const a = await makePlaces(hall);
  const grid2 = await hall.call('residents.saveGrid', { code: 'G02', name: '第二网格' });
  const bB = await hall.call('residents.saveBuilding', {
    compoundId: a.compound.id,
    gridId: grid2.id,
    name: '5',
    floors: 4,
    layout: { units: 0, roomsPerFloor: 3 },
  });
  const viewB = await hall.call('residents.buildingView', { buildingId: bB.id });
  const viewA = await hall.call('residents.buildingView', { buildingId: a.building.id });
  ids.g1 = a.grid.id;
  ids.g2 = grid2.id;
  ids.bA = a.building.id;
  ids.bB = bB.id;
  ids.dibao = await tagId(hall, '低保');
  ids.liudong = await tagId(hall, '流动人口');
  const statuses = ['户籍', '居住证', '流动人口'] as const;
  for (let i = 0; i < 120; i++) {
    // A few names repeat (ties broken by rowid, or id in a tag's links); two are outside the Basic Multilingual Plane's usual range.
    const name = i === 7 ? '𪚥明' : i === 8 ? '﨑明' : `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${i % 3 === 0 ? '' : given[i % 5]}`;
    const noBirth = i % 13 === 5;
    const birth = `${1930 + ((i * 37) % 90)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    const house = i % 2 === 0 ? viewA.cells[i % viewA.cells.length].houseId : viewB.cells[i % viewB.cells.length].houseId;
    const tagIds = [...(i % 4 === 0 ? [ids.dibao] : []), ...(i % 5 === 0 ? [ids.liudong] : [])];
    const input: Input<'residents.create'> = noBirth
      ? residentInput({ name, docType: '其他', status: statuses[i % 3], houseId: i % 11 === 0 ? null : house, tagIds, acknowledgeSimilar: true })
      : residentInput({
          name,
          idNumber: idFor(birth, 100 + i),
          status: statuses[i % 3],
          houseId: i % 11 === 0 ? null : house,
          tagIds,
          acknowledgeSimilar: true,
        });
    const r = await hall.call('residents.create', input);
    if (i % 4 === 1) await hall.call('residents.moveOut', { id: r.id, on: '2026-11-01' });
  }
}, 60_000);
afterAll(async () => {
  await hall.close();
});

interface Raw {
  id: string;
  name: string;
  birth_date: string | null;
  grid_id: string | null;
  building_id: string | null;
  status: string;
  archived: number;
}

function ageOf(birth: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** The reference: filter in JavaScript, order with one plain ORDER BY in SQLite. */
function expected(f: Input<'residents.list'>): string[] {
  const sqlite = hall.core.services.sqlite;
  const all = sqlite.prepare('SELECT id, name, birth_date, grid_id, building_id, status, archived FROM residents').all() as Raw[];
  const tagged = new Set(
    (sqlite.prepare('SELECT resident_id FROM resident_tags WHERE tag_id = ?').all(f.tagId ?? '') as { resident_id: string }[]).map((r) => r.resident_id),
  );
  const keep = all.filter(
    (r) =>
      (f.archived === 'all' || r.archived === (f.archived === 'archived' ? 1 : 0)) &&
      (!f.gridId || r.grid_id === f.gridId) &&
      (!f.buildingId || r.building_id === f.buildingId) &&
      (!f.status || r.status === f.status) &&
      (!f.tagId || tagged.has(r.id)) &&
      (f.ageMin === undefined || (r.birth_date !== null && ageOf(r.birth_date) >= f.ageMin)) &&
      (f.ageMax === undefined || (r.birth_date !== null && ageOf(r.birth_date) <= f.ageMax)),
  );
  const dir = f.direction === 'desc' ? 'DESC' : 'ASC';
  // Ties: the rowid (which ends every index entry, migration 0008), or the resident's id for a tag's links.
  const tie = pagesByTag({ ...f, archived: f.archived ?? 'active' }) ? 'id' : 'rowid';
  const order = f.sort === 'birthDate' ? `birth_date ${dir}, ${tie} ${dir}` : `name_pinyin ${dir}, name ${dir}, ${tie} ${dir}`;
  const rows = sqlite
    .prepare(`SELECT id FROM residents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ${order}`)
    .all(JSON.stringify(keep.map((r) => r.id))) as { id: string }[];
  return rows.map((r) => r.id);
}

async function walk(f: Input<'residents.list'>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const r: Output<'residents.list'> = await hall.call('residents.list', { ...f, cursor, limit: 9 });
    expect(r.rows.length).toBeLessThanOrEqual(9);
    seen.push(...r.rows.map((x) => x.id));
    if (!r.nextCursor) return seen;
    expect(r.rows.length).toBe(9);
    cursor = r.nextCursor;
  }
  throw new Error('too many pages');
}

describe('residents.list keyset paging', () => {
  const filters: Omit<Input<'residents.list'>, 'sort' | 'direction' | 'archived'>[] = [
    {},
    { gridId: 'g1' },
    { gridId: 'g2' },
    { buildingId: 'bA' },
    { status: '流动人口' },
    { tagId: 'dibao' },
    { tagId: 'liudong', ageMin: 60 },
    { tagId: 'dibao', gridId: 'g1' },
    { tagId: 'liudong', gridId: 'g2', status: '流动人口', ageMin: 18 },
    { tagId: 'dibao', gridId: 'g2', ageMax: 80 },
    { ageMin: 60 },
    { ageMax: 17 },
    { ageMin: 18, ageMax: 59 },
    { gridId: 'g1', status: '户籍', ageMin: 30 },
    { buildingId: 'bB', tagId: 'liudong' },
    { status: '居住证', tagId: 'liudong', ageMax: 70 },
  ];
  for (const raw of filters) {
    it(`pages ${JSON.stringify(raw)} in every order`, async () => {
      const f = { ...raw } as Input<'residents.list'>;
      for (const k of ['gridId', 'buildingId', 'tagId'] as const) if (f[k]) f[k] = ids[f[k] as string];
      for (const sort of ['name', 'birthDate'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const archived of ['active', 'archived', 'all'] as const) {
            const input = { ...f, sort, direction, archived };
            const want = expected(input);
            const got = await walk(input);
            const what = JSON.stringify(input);
            expect(new Set(got).size, `duplicates in ${what}`).toBe(got.length);
            expect(got, what).toEqual(want);
            const { count } = await hall.call('residents.count', { ...f, archived });
            expect(count, `count ${what}`).toBe(want.length);
          }
        }
      }
    }, 60_000);
  }

  it('has data in each case worth paging', () => {
    expect(expected({ archived: 'active', sort: 'name', direction: 'asc' } as Input<'residents.list'>).length).toBe(90);
    expect(expected({ archived: 'all', sort: 'birthDate', direction: 'asc' } as Input<'residents.list'>).length).toBe(120);
  });

  it("a tag's links follow their residents' edits: renamed, birth date corrected, moved out, retagged", async () => {
    const sqlite = hall.core.services.sqlite;
    const tagged = (await hall.call('residents.list', { tagId: ids.dibao, limit: 3 })).rows;
    expect(tagged).toHaveLength(3);
    const [renamed, redated, gone] = tagged;
    const detail = async (id: string) => (await hall.call('residents.get', { id })).resident;
    const asInput = (d: Awaited<ReturnType<typeof detail>>) => ({
      ...residentInput({
        name: d.name,
        status: d.status,
        docType: '其他' as const,
        birthDate: d.birthDate,
        houseId: d.houseId,
        tagIds: d.tags.map((t) => t.id),
        acknowledgeSimilar: true,
      }),
      id: d.id,
    });
    await hall.call('residents.update', { ...asInput(await detail(renamed.id)), name: '艾改名' });
    await hall.call('residents.update', { ...asInput(await detail(redated.id)), birthDate: '1920-01-02' });
    await hall.call('residents.moveOut', { id: gone.id, on: '2026-11-20' });
    const newcomer = await hall.call('residents.create', residentInput({ name: '白新', idNumber: idFor('1940-05-06', 901), tagIds: [ids.dibao] }));
    await hall.call('residents.setTags', { id: newcomer.id, tagIds: [ids.dibao, ids.liudong] });
    const stale = sqlite
      .prepare(
        'SELECT count(*) AS n FROM resident_tags rt JOIN residents r ON r.id = rt.resident_id WHERE rt.grid_id IS NOT r.grid_id OR rt.archived IS NOT r.archived OR rt.status IS NOT r.status OR rt.birth_date IS NOT r.birth_date OR rt.name_pinyin IS NOT r.name_pinyin OR rt.name IS NOT r.name',
      )
      .get() as { n: number };
    expect(stale.n).toBe(0);
    for (const sort of ['name', 'birthDate'] as const)
      for (const direction of ['asc', 'desc'] as const)
        for (const archived of ['active', 'archived'] as const) {
          const input = { tagId: ids.dibao, sort, direction, archived };
          expect(await walk(input), JSON.stringify(input)).toEqual(expected(input));
        }
    const first = (await hall.call('residents.list', { tagId: ids.dibao, sort: 'name', limit: 1 })).rows[0];
    expect(first.name).toBe('艾改名');
    const oldest = (await hall.call('residents.list', { tagId: ids.dibao, sort: 'birthDate', ageMin: 0, limit: 1 })).rows[0];
    expect(oldest).toMatchObject({ id: redated.id, birthDate: '1920-01-02' });
    expect((await hall.call('residents.list', { tagId: ids.liudong, sort: 'name', limit: 50 })).rows.map((r) => r.id)).toContain(newcomer.id);
  });

  it('maps rows with age, address, grid and tags', async () => {
    const page = await hall.call('residents.list', { buildingId: ids.bB, tagId: ids.liudong, limit: 1 });
    const row = page.rows[0];
    expect(row.address).toMatch(/^幸福小区5栋\d0\d$/);
    expect(row.gridName).toBe('第二网格');
    expect(row.tags.map((t) => t.name)).toContain('流动人口');
    if (row.birthDate) expect(row.age).toBe(ageOf(row.birthDate));
  });

  it('refuses a cursor made for another order', async () => {
    const first = await hall.call('residents.list', { sort: 'name', limit: 5 });
    const err = await hall.fail('residents.list', { sort: 'birthDate', cursor: first.nextCursor });
    expect(err).toMatchObject({ code: 'contract.invalid_input', fields: { cursor: 'residents.bad_cursor' } });
    expect((await hall.fail('residents.list', { cursor: 'not-a-cursor' })).fields).toEqual({ cursor: 'residents.bad_cursor' });
  });
});

describe('residents.list name order', () => {
  let own: TestHall;
  beforeAll(async () => {
    own = await openTestHall();
    const p = await makePlaces(own);
    // Code-point order would put 丁 (U+4E01) first and 艾 (U+827E) after 张 and 周.
    const names = ['周五', '丁一', '艾伟', '张三', '安娜', '赵四', '白雪'];
    for (const [i, name] of names.entries())
      await own.call(
        'residents.create',
        residentInput({ name, idNumber: idFor(`19${50 + i}-03-04`, 300 + i), houseId: p.house('1', '101'), acknowledgeSimilar: true }),
      );
  }, 60_000);
  afterAll(async () => {
    await own.close();
  });

  async function walkNames(f: Partial<Input<'residents.list'>>): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Output<'residents.list'> = await own.call('residents.list', { ...f, sort: 'name', cursor, limit: 2 });
      out.push(...r.rows.map((x) => x.name));
      cursor = r.nextCursor;
    } while (cursor);
    return out;
  }

  it('is pinyin order (ai, an, bai, ding, zhang, zhao, zhou), both ways, paged, for a filter too', async () => {
    const pinyin = ['艾伟', '安娜', '白雪', '丁一', '张三', '赵四', '周五'];
    const grid = own.core.services.sqlite.prepare('SELECT grid_id, building_id FROM residents LIMIT 1').get() as { grid_id: string; building_id: string };
    for (const f of [{}, { gridId: grid.grid_id }, { buildingId: grid.building_id }, { status: '户籍' as const }, { archived: 'all' as const }]) {
      expect(await walkNames({ ...f, direction: 'asc' }), JSON.stringify(f)).toEqual(pinyin);
      expect(await walkNames({ ...f, direction: 'desc' }), JSON.stringify(f)).toEqual([...pinyin].reverse());
    }
  });

  it('refuses a name cursor from before the pinyin order', async () => {
    const old = Buffer.from(JSON.stringify({ s: 'name:asc', k: '丁一', i: 'x' }), 'utf8').toString('base64url');
    expect((await own.fail('residents.list', { sort: 'name', cursor: old })).fields).toEqual({ cursor: 'residents.bad_cursor' });
  });
});

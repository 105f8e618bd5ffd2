import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, indexOf, insertResident, planOf, type MigratingFile } from './support';

describe('migration 0004: names in pinyin order', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0003_residents_indexes');
    insertResident(f.sqlite, { id: 'r1', name: '张三', pinyin: 'zhangsan' });
    insertResident(f.sqlite, { id: 'r2', name: '艾青', pinyin: 'aiqing' });
    await f.migrateTo('0004_residents_pinyin_sort');
  });
  afterAll(() => f.close());

  it('lists every filter in (pinyin, name, id) order along an index, with no sort step', () => {
    const all = planOf(f.sqlite, 'SELECT * FROM residents WHERE archived = 0 ORDER BY name_pinyin, name, id LIMIT 50');
    expect(all).toMatch(/USING INDEX residents_archived_pinyin/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    for (const [column, index] of [
      ['grid_id', 'residents_grid_pinyin'],
      ['building_id', 'residents_building_pinyin'],
      ['status', 'residents_status_pinyin'],
    ]) {
      const p = planOf(f.sqlite, `SELECT * FROM residents WHERE archived = 0 AND ${column} = ? ORDER BY name_pinyin, name, id LIMIT 50`, 'x');
      expect(p).toMatch(new RegExp(`USING INDEX ${index}`));
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    expect(f.sqlite.prepare('SELECT name FROM residents WHERE archived = 0 ORDER BY name_pinyin, name, id').pluck().all()).toEqual(['艾青', '张三']);
  });

  it('drops the name-ordered filter indexes it replaces, keeps the one for search by a Chinese name', () => {
    for (const gone of ['residents_grid', 'residents_building', 'residents_status']) expect(indexOf(f.sqlite, gone)).toBeNull();
    expect(indexOf(f.sqlite, 'residents_archived_name')?.columns).toEqual(['archived', 'name', 'id']);
    expect(indexOf(f.sqlite, 'residents_tag_keys')?.columns).toEqual(['id', 'archived', 'status', 'birth_date', 'name_pinyin', 'name']);
  });
});

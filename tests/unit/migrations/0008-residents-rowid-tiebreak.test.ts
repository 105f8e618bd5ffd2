import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, indexOf, insertResident, planOf, type MigratingFile } from './support';

describe('migration 0008: ties broken by rowid, one building index, 居住证 permits only', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0007_residents_fewer_indexes');
    insertResident(f.sqlite, { id: 'b-id', name: '张三', pinyin: 'zhangsan', birth: '1950-03-04' });
    insertResident(f.sqlite, { id: 'a-id', name: '张三', pinyin: 'zhangsan', birth: '1950-03-04' });
    insertResident(f.sqlite, { id: 'c-id', name: '李四', pinyin: 'lisi', status: '居住证', more: { permit_expires_on: '2026-12-01' } });
    insertResident(f.sqlite, { id: 'd-id', name: '王五', pinyin: 'wangwu', status: '流动人口', more: { permit_expires_on: '2026-12-01' } });
    await f.migrateTo('0008_residents_rowid_tiebreak');
  });
  afterAll(() => f.close());

  it('rebuilds the sort indexes without the 36-character id', () => {
    for (const [name, columns] of [
      ['residents_archived_birth', ['archived', 'birth_date']],
      ['residents_grid_birth', ['archived', 'grid_id', 'birth_date']],
      ['residents_status_birth', ['archived', 'status', 'birth_date']],
      ['residents_archived_pinyin', ['archived', 'name_pinyin', 'name']],
      ['residents_grid_pinyin', ['archived', 'grid_id', 'name_pinyin', 'name']],
      ['residents_status_pinyin', ['archived', 'status', 'name_pinyin', 'name']],
      ['residents_initials', ['name_initials']],
      ['residents_id_card_expiry', ['archived', 'id_card_expires_on']],
      ['residents_permit', ['archived', 'permit_expires_on']],
    ] as const) {
      expect(indexOf(f.sqlite, name)?.columns, name).toEqual(columns);
    }
    expect(indexOf(f.sqlite, 'residents_building')?.columns).toEqual(['archived', 'building_id']);
    for (const gone of ['residents_building_birth', 'residents_building_pinyin']) expect(indexOf(f.sqlite, gone)).toBeNull();
    expect(indexOf(f.sqlite, 'residents_permit')?.where).toBe("permit_expires_on IS NOT NULL AND status = '居住证'");
  });

  it('pages by (key, rowid) along the indexes with no sort step; the rows are all there', () => {
    const page = planOf(
      f.sqlite,
      'SELECT * FROM residents WHERE archived = 0 AND (name_pinyin, name, rowid) > (?, ?, ?) ORDER BY name_pinyin, name, rowid LIMIT 50',
      'lisi',
      '李四',
      3,
    );
    expect(page).toMatch(/USING INDEX residents_archived_pinyin/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    const byGrid = planOf(f.sqlite, 'SELECT * FROM residents WHERE archived = 0 AND grid_id = ? ORDER BY birth_date, rowid LIMIT 50', 'g');
    expect(byGrid).toMatch(/USING INDEX residents_grid_birth/);
    expect(byGrid).not.toMatch(/TEMP B-TREE/);
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE archived = 0 AND building_id = ?', 'b')).toMatch(/USING INDEX residents_building/);
    const permits = planOf(
      f.sqlite,
      "SELECT * FROM residents WHERE archived = 0 AND permit_expires_on BETWEEN ? AND ? AND status = '居住证' ORDER BY permit_expires_on, rowid",
      '2026-11-22',
      '2026-12-22',
    );
    expect(permits).toMatch(/USING INDEX residents_permit/);
    expect(
      f.sqlite.prepare("SELECT count(*) FROM residents INDEXED BY residents_permit WHERE permit_expires_on IS NOT NULL AND status = '居住证'").pluck().get(),
    ).toBe(1);
    // Same key, so the rowid (insertion order) breaks the tie: b-id was written first.
    expect(
      f.sqlite.prepare("SELECT id FROM residents WHERE archived = 0 AND name_pinyin = 'zhangsan' ORDER BY name_pinyin, name, rowid").pluck().all(),
    ).toEqual(['b-id', 'a-id']);
  });
});

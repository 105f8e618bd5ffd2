import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, indexOf, insertResident, planOf, type MigratingFile } from './support';

describe('migration 0007: fewer residents indexes, partial expiry indexes', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0006_residents_id_card_long_term');
    insertResident(f.sqlite, { id: 'r1', name: '张三', birth: '1950-03-04', more: { id_card_expires_on: '2027-01-01' } });
    insertResident(f.sqlite, { id: 'r2', name: '李四', status: '居住证', more: { permit_expires_on: '2026-12-01' } });
    insertResident(f.sqlite, { id: 'r3', name: '王五' });
    await f.migrateTo('0007_residents_fewer_indexes');
  });
  afterAll(() => f.close());

  it('drops the four indexes no query needed', () => {
    for (const gone of ['residents_name', 'residents_archived_name', 'residents_birth_md', 'residents_pinyin']) expect(indexOf(f.sqlite, gone)).toBeNull();
  });

  it('keeps only dated people in the expiry indexes, which the reminder ranges still use', () => {
    expect(indexOf(f.sqlite, 'residents_id_card_expiry')).toEqual({
      columns: ['archived', 'id_card_expires_on', 'id'],
      where: 'id_card_expires_on IS NOT NULL',
    });
    expect(indexOf(f.sqlite, 'residents_permit')?.where).toBe('permit_expires_on IS NOT NULL');
    const cards = planOf(
      f.sqlite,
      'SELECT * FROM residents WHERE archived = 0 AND id_card_expires_on BETWEEN ? AND ? ORDER BY id_card_expires_on, id LIMIT 50',
      '2026-11-22',
      '2027-01-21',
    );
    expect(cards).toMatch(/USING INDEX residents_id_card_expiry/);
    expect(cards).not.toMatch(/TEMP B-TREE/);
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE archived = 0 AND permit_expires_on BETWEEN ? AND ?', '2026-11-22', '2026-12-22')).toMatch(
      /USING INDEX residents_permit/,
    );
    expect(f.sqlite.prepare('SELECT count(*) FROM residents INDEXED BY residents_id_card_expiry WHERE id_card_expires_on IS NOT NULL').pluck().get()).toBe(1);
  });

  it('search by a Chinese name and by full pinyin read the indexes that replace the dropped ones', () => {
    expect(
      planOf(f.sqlite, 'SELECT * FROM residents WHERE name >= ? AND name < ? AND +archived = 0 ORDER BY name, birth_date LIMIT 20', '张', '张\u{10FFFF}'),
    ).toMatch(/USING INDEX residents_name_birth/);
    expect(
      planOf(
        f.sqlite,
        'SELECT * FROM residents WHERE archived = 0 AND name_pinyin >= ? AND name_pinyin < ? ORDER BY name_pinyin, name, id LIMIT 20',
        'zh',
        'zh\u{10FFFF}',
      ),
    ).toMatch(/USING INDEX residents_archived_pinyin/);
    expect(f.sqlite.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(3);
  });
});

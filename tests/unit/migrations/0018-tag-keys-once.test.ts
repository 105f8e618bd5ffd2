import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, insertResident, type MigratingFile } from './support';

/**
 * 0018: a link inserted with its resident's keys (as the register and the import now write it) is written
 * once; one inserted without them (a repair script, the seed's batch writer) still gets them from the trigger.
 */
describe('migration 0018: a tag link is written once', () => {
  let f: MigratingFile;
  let tag: string;
  const changes = () => f.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const link = (residentId: string) => f.sqlite.prepare('SELECT * FROM resident_tags WHERE resident_id = ? AND tag_id = ?').get(residentId, tag);

  beforeAll(async () => {
    f = await fileAt('0017_tag_grid');
    tag = (f.sqlite.prepare('SELECT id FROM tags ORDER BY sort LIMIT 1').get() as { id: string }).id;
    f.sqlite.prepare("INSERT INTO grids (id, code, name, created_at, updated_at) VALUES ('g1', 'g1', '网格一', 'now', 'now')").run();
    insertResident(f.sqlite, { id: 'r1', name: '张三', pinyin: 'zhangsan', birth: '1940-03-04', more: { grid_id: 'g1' } });
    insertResident(f.sqlite, { id: 'r2', name: '李四', pinyin: 'lisi', birth: '1945-06-07', status: '居住证', archived: 1 });
    await f.migrateTo('0018_tag_keys_once');
  });
  afterAll(() => f.close());

  it('a link inserted with its keys, read from the resident in the same statement: one row written, no trigger update', () => {
    const before = changes();
    f.sqlite
      .prepare(
        `INSERT INTO resident_tags (resident_id, tag_id, created_at, created_by, archived, status, birth_date, name_pinyin, name, grid_id)
         SELECT r.id, ?, '2026-12-07', NULL, r.archived, r.status, r.birth_date, r.name_pinyin, r.name, r.grid_id FROM residents r WHERE r.id = 'r1'`,
      )
      .run(tag);
    expect(changes() - before).toBe(1);
    expect(link('r1')).toMatchObject({ archived: 0, status: '户籍', birth_date: '1940-03-04', name_pinyin: 'zhangsan', name: '张三', grid_id: 'g1' });
  });

  it('a bare link still gets its keys from the trigger (two changes: the insert and its update)', () => {
    const before = changes();
    f.sqlite.prepare("INSERT INTO resident_tags (resident_id, tag_id, created_at) VALUES ('r2', ?, '2026-12-07')").run(tag);
    expect(changes() - before).toBe(2);
    expect(link('r2')).toMatchObject({ archived: 1, status: '居住证', birth_date: '1945-06-07', name_pinyin: 'lisi', name: '李四', grid_id: null });
  });

  it('a later change of the resident still reaches both links', () => {
    f.sqlite.prepare("UPDATE residents SET name = '张叁', name_pinyin = 'zhangsan2', grid_id = NULL WHERE id = 'r1'").run();
    f.sqlite.prepare("UPDATE residents SET archived = 0 WHERE id = 'r2'").run();
    expect(link('r1')).toMatchObject({ name: '张叁', name_pinyin: 'zhangsan2', grid_id: null });
    expect(link('r2')).toMatchObject({ archived: 0 });
  });
});

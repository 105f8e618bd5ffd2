import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, indexOf, insertResident, planOf, type MigratingFile } from './support';

/**
 * 0017 copies each resident's grid into its tag links (existing links filled, new ones and changed residents
 * followed by the triggers, also for raw SQL as an import or a repair script writes it), so that a grid's
 * page of a tag is one range of a covering index in each order.
 */
describe("migration 0017: tag links carry their residents' grid", () => {
  let f: MigratingFile;
  let tag: string;
  const grid = (id: string) =>
    f.sqlite.prepare("INSERT INTO grids (id, code, name, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')").run(id, id, `网格${id}`);
  const link = (residentId: string, tagId = tag) =>
    f.sqlite.prepare("INSERT INTO resident_tags (resident_id, tag_id, created_at) VALUES (?, ?, '2026-01-01')").run(residentId, tagId);
  const links = () => f.sqlite.prepare('SELECT resident_id, tag_id, grid_id, name, archived FROM resident_tags ORDER BY resident_id, tag_id').all();

  beforeAll(async () => {
    f = await fileAt('0016_charity_speed');
    tag = (f.sqlite.prepare('SELECT id FROM tags ORDER BY sort LIMIT 1').get() as { id: string }).id;
    grid('g1');
    grid('g2');
    // Links written before 0017: in a grid, in another, and of a resident without a grid.
    insertResident(f.sqlite, { id: 'r1', name: '张三', pinyin: 'zhangsan', birth: '1940-03-04', more: { grid_id: 'g1' } });
    insertResident(f.sqlite, { id: 'r2', name: '李四', pinyin: 'lisi', birth: null, archived: 1, more: { grid_id: 'g2' } });
    insertResident(f.sqlite, { id: 'r3', name: '王五', pinyin: 'wangwu', birth: '1950-01-01' });
    for (const id of ['r1', 'r2', 'r3']) link(id);
    await f.migrateTo('0017_tag_grid');
  });
  afterAll(() => f.close());

  it('fills the grid of the links that were there', () => {
    expect(links()).toEqual([
      { resident_id: 'r1', tag_id: tag, grid_id: 'g1', name: '张三', archived: 0 },
      { resident_id: 'r2', tag_id: tag, grid_id: 'g2', name: '李四', archived: 1 },
      { resident_id: 'r3', tag_id: tag, grid_id: null, name: '王五', archived: 0 },
    ]);
  });

  it('follows a new link, a resident moved to another grid (and out of any), and keeps the other keys in step', () => {
    insertResident(f.sqlite, { id: 'r4', name: '赵六', pinyin: 'zhaoliu', birth: '1930-05-06', more: { grid_id: 'g2' } });
    link('r4');
    f.sqlite.prepare("UPDATE residents SET grid_id = 'g2' WHERE id = 'r1'").run();
    f.sqlite.prepare("UPDATE residents SET grid_id = 'g1', name = '王伍' WHERE id = 'r3'").run();
    f.sqlite.prepare("UPDATE residents SET grid_id = NULL, archived = 0 WHERE id = 'r2'").run();
    expect(links()).toEqual([
      { resident_id: 'r1', tag_id: tag, grid_id: 'g2', name: '张三', archived: 0 },
      { resident_id: 'r2', tag_id: tag, grid_id: null, name: '李四', archived: 0 },
      { resident_id: 'r3', tag_id: tag, grid_id: 'g1', name: '王伍', archived: 0 },
      { resident_id: 'r4', tag_id: tag, grid_id: 'g2', name: '赵六', archived: 0 },
    ]);
    const stale = f.sqlite
      .prepare(
        `SELECT count(*) FROM resident_tags rt JOIN residents r ON r.id = rt.resident_id
         WHERE rt.grid_id IS NOT r.grid_id OR rt.archived IS NOT r.archived OR rt.status IS NOT r.status OR rt.birth_date IS NOT r.birth_date
           OR rt.name_pinyin IS NOT r.name_pinyin OR rt.name IS NOT r.name`,
      )
      .pluck()
      .get();
    expect(stale).toBe(0);
  });

  it("puts a grid's links of a tag in each order in one covering index, and drops resident_tags_tag", () => {
    expect(indexOf(f.sqlite, 'resident_tags_grid_birth')?.columns).toEqual(['tag_id', 'archived', 'grid_id', 'birth_date', 'resident_id', 'status']);
    expect(indexOf(f.sqlite, 'resident_tags_grid_pinyin')?.columns).toEqual([
      'tag_id',
      'archived',
      'grid_id',
      'name_pinyin',
      'name',
      'resident_id',
      'status',
      'birth_date',
    ]);
    expect(indexOf(f.sqlite, 'resident_tags_tag')).toBeNull();
    for (const [order, index] of [
      ['birth_date DESC, resident_id DESC', 'resident_tags_grid_birth'],
      ['name_pinyin, name, resident_id', 'resident_tags_grid_pinyin'],
    ]) {
      const plan = planOf(
        f.sqlite,
        `SELECT resident_id FROM resident_tags WHERE tag_id = ? AND archived = 0 AND grid_id = ? AND +status = ? ORDER BY ${order} LIMIT 50`,
        tag,
        'g1',
        '户籍',
      );
      expect(plan).toMatch(new RegExp(`^SEARCH resident_tags USING COVERING INDEX ${index} \\(tag_id=\\? AND archived=\\? AND grid_id=\\?\\)$`));
    }
    // The probe of a building's residents for a tag reads the primary key (resident, tag).
    expect(planOf(f.sqlite, 'SELECT 1 FROM resident_tags WHERE tag_id = ? AND resident_id = ?', tag, 'r1')).toMatch(/USING PRIMARY KEY/);
  });
});

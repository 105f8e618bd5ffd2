import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, insertResident, planOf, type MigratingFile } from './support';

describe('migration 0003: list filters sorted by birth date, the visits-due board', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0002_residents');
    insertResident(f.sqlite, { id: 'r1', name: '张三', birth: '1950-03-04' });
    await f.migrateTo('0003_residents_indexes');
  });
  afterAll(() => f.close());

  it('a filtered list in birth order, and the board in due order, page along an index with no sort step', () => {
    const byGrid = planOf(
      f.sqlite,
      'SELECT * FROM residents WHERE archived = 0 AND grid_id = ? AND (birth_date, id) > (?, ?) ORDER BY birth_date, id LIMIT 50',
      'g',
      '1950-01-01',
      'r0',
    );
    expect(byGrid).toMatch(/USING INDEX residents_grid_birth/);
    expect(byGrid).not.toMatch(/TEMP B-TREE/);
    for (const [column, index] of [
      ['building_id', 'residents_building_birth'],
      ['status', 'residents_status_birth'],
    ]) {
      const p = planOf(f.sqlite, `SELECT * FROM residents WHERE archived = 0 AND ${column} = ? ORDER BY birth_date, id LIMIT 50`, 'x');
      expect(p).toMatch(new RegExp(`USING INDEX ${index}`));
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    const due = planOf(f.sqlite, 'SELECT * FROM households WHERE archived = 0 AND next_visit_due <= ? ORDER BY next_visit_due, id LIMIT 50', '2026-11-22');
    expect(due).toMatch(/USING INDEX households_due/);
    expect(due).not.toMatch(/TEMP B-TREE/);
    expect(f.sqlite.prepare('SELECT name FROM residents').pluck().all()).toEqual(['张三']);
  });
});

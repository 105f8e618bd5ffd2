import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, insertResident, type MigratingFile } from './support';

describe('migration 0006: 长期有效 ID cards', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0005_residents_tag_keys_and_reminders');
    insertResident(f.sqlite, { id: 'r1', name: '张三', more: { id_card_expires_on: null } });
    insertResident(f.sqlite, { id: 'r2', name: '李四', more: { id_card_expires_on: '2030-01-01' } });
    await f.migrateTo('0006_residents_id_card_long_term');
  });
  afterAll(() => f.close());
  const run = (sql: string) => () => f.sqlite.prepare(sql).run();

  it('leaves every existing card "not known" (nothing says which were long-term)', () => {
    expect(f.sqlite.prepare('SELECT id, id_card_long_term, id_card_expires_on FROM residents ORDER BY id').all()).toEqual([
      { id: 'r1', id_card_long_term: 0, id_card_expires_on: null },
      { id: 'r2', id_card_long_term: 0, id_card_expires_on: '2030-01-01' },
    ]);
  });

  it('a long-term card has no expiry date: the two never contradict each other', () => {
    run("UPDATE residents SET id_card_long_term = 1 WHERE id = 'r1'")();
    expect(run("UPDATE residents SET id_card_long_term = 1 WHERE id = 'r2'")).toThrow(/CHECK/);
    expect(run("UPDATE residents SET id_card_expires_on = '2031-01-01' WHERE id = 'r1'")).toThrow(/CHECK/);
    expect(run("UPDATE residents SET id_card_long_term = 2 WHERE id = 'r2'")).toThrow(/CHECK/);
  });
});

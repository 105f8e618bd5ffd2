import { describe, expect, it } from 'vitest';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../../src/main/core/db/migrations';
import { tempDir } from '../support/core';
import { planOf } from './support';

/**
 * 0005 copies each resident's sort keys into its tag links, and its triggers keep them so on every write
 * that does not go through the app's code (raw SQL here, as an import or a repair script would).
 */
describe("migration 0005: tag links carry their residents' sort keys", () => {
  it('fills existing links, then follows inserts and updates', async () => {
    const sqlite = new SqliteDatabase(path.join(tempDir(), 'linli.sqlite'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
    const migrate = async (last: string) => {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo(last) } }).migrateToLatest();
      if (error) throw error;
    };
    await migrate('0004_residents_pinyin_sort');
    const addResident = sqlite.prepare(
      "INSERT INTO residents (id, name, name_pinyin, name_initials, doc_type, birth_date, status, archived, created_at, updated_at) VALUES (?, ?, ?, '', '其他', ?, ?, ?, '2026-01-01', '2026-01-01')",
    );
    const link = sqlite.prepare("INSERT INTO resident_tags (resident_id, tag_id, created_at) VALUES (?, ?, '2026-01-01')");
    const tag = (sqlite.prepare('SELECT id FROM tags ORDER BY sort LIMIT 1').get() as { id: string }).id;
    addResident.run('r1', '张三', 'zhangsan', '1950-03-04', '户籍', 0);
    addResident.run('r2', '李四', 'lisi', null, '流动人口', 1);
    link.run('r1', tag);
    link.run('r2', tag);

    await migrate('0005_residents_tag_keys_and_reminders');
    const keys = sqlite.prepare('SELECT resident_id, archived, status, birth_date, name_pinyin, name FROM resident_tags ORDER BY resident_id');
    expect(keys.all()).toEqual([
      { resident_id: 'r1', archived: 0, status: '户籍', birth_date: '1950-03-04', name_pinyin: 'zhangsan', name: '张三' },
      { resident_id: 'r2', archived: 1, status: '流动人口', birth_date: null, name_pinyin: 'lisi', name: '李四' },
    ]);

    addResident.run('r3', '王五', 'wangwu', '1990-01-01', '居住证', 0);
    link.run('r3', tag);
    sqlite.prepare("UPDATE residents SET name = '张叁', name_pinyin = 'zhangsan', birth_date = '1950-03-05', archived = 1 WHERE id = 'r1'").run();
    sqlite.prepare("UPDATE residents SET notes = 'unrelated' WHERE id = 'r2'").run();
    expect(keys.all()).toEqual([
      { resident_id: 'r1', archived: 1, status: '户籍', birth_date: '1950-03-05', name_pinyin: 'zhangsan', name: '张叁' },
      { resident_id: 'r2', archived: 1, status: '流动人口', birth_date: null, name_pinyin: 'lisi', name: '李四' },
      { resident_id: 'r3', archived: 0, status: '居住证', birth_date: '1990-01-01', name_pinyin: 'wangwu', name: '王五' },
    ]);

    // A tag's page in either order is one range of a covering index: no resident row read, no sort step.
    for (const [order, index] of [
      ['birth_date, resident_id', 'resident_tags_birth'],
      ['name_pinyin, name, resident_id', 'resident_tags_pinyin'],
    ]) {
      const plan = planOf(
        sqlite,
        `SELECT resident_id FROM resident_tags WHERE tag_id = ? AND archived = 0 AND status = ? ORDER BY ${order} LIMIT 50`,
        tag,
        '户籍',
      );
      expect(plan).toMatch(new RegExp(`USING COVERING INDEX ${index}`));
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'residents_tag_keys'").pluck().get()).toBe(0);
    await db.destroy();
  });
});

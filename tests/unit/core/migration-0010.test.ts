import { describe, expect, it } from 'vitest';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../../src/main/core/db/migrations';
import { relationsToHead } from '../../../src/main/core/db/migrations/0010_residents_relations_and_unplaced';
import { tempDir } from '../support/core';

/**
 * 0012: 与户主关系 becomes the 户口簿's list (父亲 and 母亲 apart); a hall's own entries stay after it, and a
 * resident registered as 父母 keeps it. resident_unplaced holds a reason per resident, never an empty one.
 */
describe('migration 0010: the 户口簿 relations, and reasons for having no household', () => {
  it('rewrites the offered relations, keeps stored values and a hall’s own entries', async () => {
    const sqlite = new SqliteDatabase(path.join(tempDir(), 'linli.sqlite'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
    const migrate = async (last: string) => {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo(last) } }).migrateToLatest();
      if (error) throw error;
    };
    await migrate('0008_residents_rowid_tiebreak');
    sqlite.prepare("INSERT INTO code_lists (list, code, label, sort) VALUES ('relation_to_head', '50', '保姆', 13)").run();
    sqlite
      .prepare(
        `INSERT INTO residents (id, name, name_pinyin, name_initials, doc_type, relation_to_head, status, archived, created_at, updated_at)
         VALUES ('r1', '张老', 'zhanglao', 'zl', '其他', '父母', '户籍', 0, '2026-01-01', '2026-01-01')`,
      )
      .run();

    await migrate('0010_residents_relations_and_unplaced');
    const offered = sqlite.prepare("SELECT label FROM code_lists WHERE list = 'relation_to_head' ORDER BY sort, code").pluck().all();
    expect(offered).toEqual([...relationsToHead, '保姆']);
    expect(offered).toEqual(expect.arrayContaining(['父亲', '母亲', '外祖父母', '外孙子女', '岳父母', '公婆']));
    expect(offered).not.toContain('父母');
    // Codes stay unique, the old ones kept (户主 is still 01).
    const codes = sqlite.prepare("SELECT code, label FROM code_lists WHERE list = 'relation_to_head'").all() as { code: string; label: string }[];
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    expect(codes.find((c) => c.label === '户主')?.code).toBe('01');
    expect(sqlite.prepare("SELECT relation_to_head FROM residents WHERE id = 'r1'").pluck().get()).toBe('父母');

    expect(() => sqlite.prepare("INSERT INTO resident_unplaced (resident_id, reason, created_at) VALUES ('r1', '', '2026-01-02')").run()).toThrow(/CHECK/);
    sqlite.prepare("INSERT INTO resident_unplaced (resident_id, reason, created_at) VALUES ('r1', '等房东确认', '2026-01-02')").run();
    const nobody = sqlite.prepare("INSERT INTO resident_unplaced (resident_id, reason, created_at) VALUES ('nobody', '原因', '2026-01-02')");
    expect(() => nobody.run()).toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});

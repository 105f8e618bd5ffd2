import { sql, type Kysely } from 'kysely';

/**
 * Two things a clerk met in a first week.
 *
 * 与户主关系 follows the 户口簿's list: 父亲 and 母亲 apart (one 父母 entry could not say which), and the
 * relations by marriage and through a daughter (外祖父母, 外孙子女, 岳父母, 公婆). 父母 leaves the list a
 * form offers; residents registered with it keep it (the value is text, and the form shows a stored value
 * that is no longer listed). Entries a hall added itself stay, after the standard ones.
 *
 * 暂不登记到户: a resident saved without a household on purpose has the reason in resident_unplaced (a
 * table of its own, so that the import's writer, which names every column of residents, is untouched), and
 * every present resident without a household is on a follow-up list, paged and counted in a partial index
 * that holds only them (keyed by archived, then household_id, which is NULL in all of them and makes the count a
 * covering read, then rowid).
 */
export const relationsToHead = [
  '户主',
  '配偶',
  '子',
  '女',
  '父亲',
  '母亲',
  '祖父母',
  '外祖父母',
  '孙子女',
  '外孙子女',
  '兄弟姐妹',
  '儿媳',
  '女婿',
  '岳父母',
  '公婆',
  '其他亲属',
  '非亲属',
];

export async function up(db: Kysely<any>): Promise<void> {
  const list = 'relation_to_head';
  const listed = sql<{ code: string; label: string; sort: number }>`SELECT code, label, sort FROM code_lists WHERE list = ${list} ORDER BY sort, code`;
  const rows = (await listed.execute(db)).rows;
  await sql`DELETE FROM code_lists WHERE list = ${list} AND label = '父母'`.execute(db);
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  let nextCode = rows.reduce((max, r) => Math.max(max, Number(r.code) || 0), 0);
  let sort = 0;
  for (const label of relationsToHead) {
    sort++;
    const existing = byLabel.get(label);
    if (existing) await sql`UPDATE code_lists SET sort = ${sort} WHERE list = ${list} AND code = ${existing.code}`.execute(db);
    else await sql`INSERT INTO code_lists (list, code, label, sort) VALUES (${list}, ${String(++nextCode).padStart(2, '0')}, ${label}, ${sort})`.execute(db);
  }
  for (const r of rows) {
    if (r.label === '父母' || relationsToHead.includes(r.label)) continue;
    await sql`UPDATE code_lists SET sort = ${++sort} WHERE list = ${list} AND code = ${r.code}`.execute(db);
  }

  await sql`
    CREATE TABLE resident_unplaced (
      resident_id TEXT PRIMARY KEY REFERENCES residents (id),
      reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users (id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX residents_unplaced ON residents (archived, household_id) WHERE household_id IS NULL`.execute(db);
}

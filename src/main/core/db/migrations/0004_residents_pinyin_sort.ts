import { sql, type Kysely } from 'kysely';

/**
 * The residents list sorts names in pinyin order (艾, 安, 白 … 张, 赵, 周), not in code-point order: its
 * name order is (name_pinyin, name, id), each filter's range an index in that order, as the keyset needs.
 * The name-ordered list indexes they replace go; residents_archived_name and residents_name stay, for
 * search by a Chinese name prefix and the tag counts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX residents_archived_pinyin ON residents (archived, name_pinyin, name, id)`.execute(db);
  await sql`CREATE INDEX residents_grid_pinyin ON residents (archived, grid_id, name_pinyin, name, id)`.execute(db);
  await sql`CREATE INDEX residents_building_pinyin ON residents (archived, building_id, name_pinyin, name, id)`.execute(db);
  await sql`CREATE INDEX residents_status_pinyin ON residents (archived, status, name_pinyin, name, id)`.execute(db);
  // A tag's residents (from resident_tags_tag, in id order) with their sort keys and the tag path's
  // residual filters, without reading the rows: a tag of tens of thousands is ordered in tens of ms.
  await sql`CREATE INDEX residents_tag_keys ON residents (id, archived, status, birth_date, name_pinyin, name)`.execute(db);
  await sql`DROP INDEX residents_grid`.execute(db);
  await sql`DROP INDEX residents_building`.execute(db);
  await sql`DROP INDEX residents_status`.execute(db);
}

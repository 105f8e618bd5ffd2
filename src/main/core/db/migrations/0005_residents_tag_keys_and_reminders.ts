import { sql, type Kysely } from 'kysely';

/**
 * A tag filter pages in one index range for any tag size and either order: each resident_tags link carries
 * its resident's sort keys and list filters (archived, status, birth date, pinyin, name), copied from
 * residents by triggers on every write path (the app, imports, seeds, a hand-edited file), and two covering
 * indexes put a tag's links in each list order. Before, a tag was walked along the residents index with a
 * probe per entry, or all its members were read and sorted per page: 高龄 (27,000 of 1M) sorted youngest
 * first sat a million entries into the birth index (150 ms a page). residents_tag_keys, which fed that
 * sort, goes.
 *
 * The reminder lists page by keyset on (date, id): the ID card expiry and permit indexes gain the id (and
 * the permit index the status, which it filters on, so that counting the permits due reads no rows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE resident_tags ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))`.execute(db);
  await sql`ALTER TABLE resident_tags ADD COLUMN status TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE resident_tags ADD COLUMN birth_date TEXT`.execute(db);
  await sql`ALTER TABLE resident_tags ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE resident_tags ADD COLUMN name TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`
    UPDATE resident_tags SET (archived, status, birth_date, name_pinyin, name) =
      (SELECT r.archived, r.status, r.birth_date, r.name_pinyin, r.name FROM residents r WHERE r.id = resident_tags.resident_id)`.execute(db);

  // A new link takes its resident's keys (SQLite cannot change NEW in a BEFORE trigger, so it is updated after).
  await sql`
    CREATE TRIGGER resident_tags_keys_on_link AFTER INSERT ON resident_tags BEGIN
      UPDATE resident_tags SET (archived, status, birth_date, name_pinyin, name) =
        (SELECT r.archived, r.status, r.birth_date, r.name_pinyin, r.name FROM residents r WHERE r.id = NEW.resident_id)
      WHERE resident_id = NEW.resident_id AND tag_id = NEW.tag_id;
    END`.execute(db);
  // A resident whose keys change (renamed, birth date corrected, moved out) updates its few links.
  await sql`
    CREATE TRIGGER resident_tags_keys_on_change AFTER UPDATE OF archived, status, birth_date, name_pinyin, name ON residents
    WHEN NEW.archived IS NOT OLD.archived OR NEW.status IS NOT OLD.status OR NEW.birth_date IS NOT OLD.birth_date
      OR NEW.name_pinyin IS NOT OLD.name_pinyin OR NEW.name IS NOT OLD.name
    BEGIN
      UPDATE resident_tags SET archived = NEW.archived, status = NEW.status, birth_date = NEW.birth_date, name_pinyin = NEW.name_pinyin, name = NEW.name
      WHERE resident_id = NEW.id;
    END`.execute(db);

  // The keyset (sort key, resident id) in each order. The other columns ride along so that the status and
  // age filters are checked, and a page's keys read, in the index alone (a few bytes a link).
  await sql`CREATE INDEX resident_tags_birth ON resident_tags (tag_id, archived, birth_date, resident_id, status, name_pinyin, name)`.execute(db);
  await sql`CREATE INDEX resident_tags_pinyin ON resident_tags (tag_id, archived, name_pinyin, name, resident_id, status, birth_date)`.execute(db);
  await sql`DROP INDEX residents_tag_keys`.execute(db);

  await sql`DROP INDEX residents_id_card_expiry`.execute(db);
  await sql`CREATE INDEX residents_id_card_expiry ON residents (archived, id_card_expires_on, id)`.execute(db);
  await sql`DROP INDEX residents_permit`.execute(db);
  await sql`CREATE INDEX residents_permit ON residents (archived, permit_expires_on, id, status)`.execute(db);
}

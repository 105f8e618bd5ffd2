import { sql, type Kysely } from 'kysely';

/**
 * A list of a grid's residents with a tag (网格 + 高龄) pages in resident_tags alone, like a tag on its own:
 * each link also carries its resident's grid, copied by the same triggers as the other keys (0005), so a
 * move to a house in another grid, a building put in another grid and an import all update the links.
 * Before, the grid's index was walked with a probe per resident for the tag (1.1–1.6 ms a page at a
 * million residents, the slowest list page and the one over the handler's bar).
 *
 * Two indexes, one per order, put a grid's links of a tag in that order: (tag, archived, grid, sort key,
 * resident id), status (and birth date, for the age limits of the name order) riding along. The tag-only
 * indexes cannot serve it (their grid would be a filter applied to every link of the tag until a page
 * fills: 27,000 links of 高龄), nor serve a tag-only page if the grid were put in them. resident_tags_tag
 * (tag, resident) goes: every lookup by tag is a prefix of resident_tags_birth, and the EXISTS probe (a
 * building with a tag) reads the primary key (resident, tag). So one more b-tree per link, not two.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE resident_tags ADD COLUMN grid_id TEXT`.execute(db);
  await sql`UPDATE resident_tags SET grid_id = (SELECT r.grid_id FROM residents r WHERE r.id = resident_tags.resident_id)`.execute(db);

  await sql`DROP TRIGGER resident_tags_keys_on_link`.execute(db);
  await sql`DROP TRIGGER resident_tags_keys_on_change`.execute(db);
  // A new link takes its resident's keys (SQLite cannot change NEW in a BEFORE trigger, so it is updated after).
  await sql`
    CREATE TRIGGER resident_tags_keys_on_link AFTER INSERT ON resident_tags BEGIN
      UPDATE resident_tags SET (archived, status, birth_date, name_pinyin, name, grid_id) =
        (SELECT r.archived, r.status, r.birth_date, r.name_pinyin, r.name, r.grid_id FROM residents r WHERE r.id = NEW.resident_id)
      WHERE resident_id = NEW.resident_id AND tag_id = NEW.tag_id;
    END`.execute(db);
  // A resident whose keys change (renamed, birth date corrected, moved out, moved to another grid) updates its few links.
  await sql`
    CREATE TRIGGER resident_tags_keys_on_change AFTER UPDATE OF archived, status, birth_date, name_pinyin, name, grid_id ON residents
    WHEN NEW.archived IS NOT OLD.archived OR NEW.status IS NOT OLD.status OR NEW.birth_date IS NOT OLD.birth_date
      OR NEW.name_pinyin IS NOT OLD.name_pinyin OR NEW.name IS NOT OLD.name OR NEW.grid_id IS NOT OLD.grid_id
    BEGIN
      UPDATE resident_tags SET archived = NEW.archived, status = NEW.status, birth_date = NEW.birth_date, name_pinyin = NEW.name_pinyin,
        name = NEW.name, grid_id = NEW.grid_id
      WHERE resident_id = NEW.id;
    END`.execute(db);

  await sql`CREATE INDEX resident_tags_grid_birth ON resident_tags (tag_id, archived, grid_id, birth_date, resident_id, status)`.execute(db);
  await sql`CREATE INDEX resident_tags_grid_pinyin ON resident_tags (tag_id, archived, grid_id, name_pinyin, name, resident_id, status, birth_date)`.execute(
    db,
  );
  await sql`DROP INDEX resident_tags_tag`.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * A tag link is written once. Until now every link was inserted with empty keys and then updated by its
 * AFTER INSERT trigger with its resident's keys: every one of resident_tags' b-trees (the row and four
 * indexes) written twice. The writers now insert the keys themselves, read from the resident in the same
 * statement (INSERT … SELECT … FROM residents), and the trigger copies them only for a link inserted without
 * them (its name still the column's default ''): a repair script's bare INSERT, the seed's batch writer.
 * A resident's own name is never empty (the register refuses one), so a link with keys is never touched again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER resident_tags_keys_on_link`.execute(db);
  await sql`
    CREATE TRIGGER resident_tags_keys_on_link AFTER INSERT ON resident_tags WHEN NEW.name = '' BEGIN
      UPDATE resident_tags SET (archived, status, birth_date, name_pinyin, name, grid_id) =
        (SELECT r.archived, r.status, r.birth_date, r.name_pinyin, r.name, r.grid_id FROM residents r WHERE r.id = NEW.resident_id)
      WHERE resident_id = NEW.resident_id AND tag_id = NEW.tag_id;
    END`.execute(db);
}

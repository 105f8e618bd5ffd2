import { sql, type Kysely } from 'kysely';

/**
 * An aid review cites the council's resolution by its id (the number stays beside it, as printed). A
 * reference, so a resolution that does not exist cannot be cited whatever path writes the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE charity_aid_applications ADD COLUMN council_resolution_id TEXT REFERENCES council_resolutions (id)`.execute(db);
}

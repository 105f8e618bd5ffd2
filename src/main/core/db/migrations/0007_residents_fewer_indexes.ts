import { sql, type Kysely } from 'kysely';

/**
 * Every index on residents is written on every insert: an import of 100,000 people into a registry of a
 * million goes into each at random places, and that is most of its time. Three serve nothing another
 * index does not: residents_name (name, id), which no query uses since search by a Chinese name reads
 * residents_archived_name; residents_birth_md (month and day of birth), which the milestone list stopped
 * using when it became five ranges of residents_archived_birth; and residents_pinyin (name_pinyin, id),
 * whose look-up (search by full pinyin) now reads residents_archived_pinyin, in the order the list sorts by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX residents_name`.execute(db);
  await sql`DROP INDEX residents_pinyin`.execute(db);
  await sql`DROP INDEX residents_birth_md`.execute(db);
}

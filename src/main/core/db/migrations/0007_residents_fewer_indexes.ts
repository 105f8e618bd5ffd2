import { sql, type Kysely } from 'kysely';

/**
 * Every index on residents is written on every insert: an import of 100,000 people into a registry of a
 * million goes into each at random places, and that is most of its time.
 *
 * Four serve nothing another index does not:
 * - residents_name (name, id): no query used it;
 * - residents_archived_name (archived, name, id): search by a Chinese name reads residents_name_birth (the
 *   duplicate check's index) in (name, birth date) order, and the tag counts read resident_tags, whose
 *   links carry the archived flag since 0005;
 * - residents_birth_md (month and day of birth): the milestone list reads residents_archived_birth;
 * - residents_pinyin (name_pinyin, id): search by full pinyin reads residents_archived_pinyin, in the
 *   order the list sorts by.
 *
 * The two document-expiry indexes hold only the people who have that date (a tenth of a registry has a
 * residence permit): a person without one is not written into them at all. Every query of them asks for a
 * range of the date, which implies it is there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX residents_name`.execute(db);
  await sql`DROP INDEX residents_archived_name`.execute(db);
  await sql`DROP INDEX residents_birth_md`.execute(db);
  await sql`DROP INDEX residents_pinyin`.execute(db);
  await sql`DROP INDEX residents_id_card_expiry`.execute(db);
  await sql`CREATE INDEX residents_id_card_expiry ON residents (archived, id_card_expires_on, id) WHERE id_card_expires_on IS NOT NULL`.execute(db);
  await sql`DROP INDEX residents_permit`.execute(db);
  await sql`CREATE INDEX residents_permit ON residents (archived, permit_expires_on, id, status) WHERE permit_expires_on IS NOT NULL`.execute(db);
}

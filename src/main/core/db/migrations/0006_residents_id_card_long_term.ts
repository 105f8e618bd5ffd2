import { sql, type Kysely } from 'kysely';

/**
 * 长期有效 (a long-term ID card, issued from the age of 46: 《居民身份证法》第5条) and "no card yet / not
 * known" were both an empty id_card_expires_on. They differ now: id_card_long_term = 1 says the card never
 * expires, and such a card has no expiry date (the CHECK keeps the two from contradicting each other).
 *
 * Existing empty expiries stay "not known": nothing recorded says which of them were long-term (imports
 * read 长期 as empty until now), and guessing from the age would put words in the register.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE residents ADD COLUMN id_card_long_term INTEGER NOT NULL DEFAULT 0
      CHECK (id_card_long_term IN (0, 1) AND (id_card_long_term = 0 OR id_card_expires_on IS NULL))`.execute(db);
}

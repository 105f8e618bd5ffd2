import { sql, type Kysely } from 'kysely';

/**
 * Gapless per-year number sequences, a foundation service (receipts, tickets, certificates, resolutions).
 * A counter only moves up by one and is never deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE number_sequences (
      name TEXT NOT NULL,
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
      last INTEGER NOT NULL CHECK (last >= 1),
      PRIMARY KEY (name, year)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE TRIGGER number_sequences_step BEFORE UPDATE ON number_sequences
    WHEN NEW.last <> OLD.last + 1 OR NEW.name <> OLD.name OR NEW.year <> OLD.year
    BEGIN SELECT RAISE(ABORT, 'sequences.out_of_order'); END`.execute(db);
  await sql`CREATE TRIGGER number_sequences_first BEFORE INSERT ON number_sequences
    WHEN NEW.last <> 1 BEGIN SELECT RAISE(ABORT, 'sequences.out_of_order'); END`.execute(db);
  await sql`CREATE TRIGGER number_sequences_no_delete BEFORE DELETE ON number_sequences BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`.execute(db);
}

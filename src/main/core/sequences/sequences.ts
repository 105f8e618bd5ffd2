import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * Gapless human numbers per name and year (receipts 2026-000123, tickets, certificates, resolutions).
 * The number is taken inside the transaction that writes the numbered record: if that transaction rolls
 * back, so does the number, so issued numbers never skip. A trigger lets a counter only move up by one.
 */
export async function allocateNumber(db: QueryExecutorProvider, name: string, year: number): Promise<number> {
  const row = await sql<{ last: number }>`
    INSERT INTO number_sequences (name, year, last) VALUES (${name}, ${year}, 1)
    ON CONFLICT (name, year) DO UPDATE SET last = last + 1
    RETURNING last`.execute(db);
  return row.rows[0].last;
}

/** The last number issued for a name and year (0 if none yet); reading it takes no number. */
export async function lastNumber(db: QueryExecutorProvider, name: string, year: number): Promise<number> {
  const row = await sql<{ last: number }>`SELECT last FROM number_sequences WHERE name = ${name} AND year = ${year}`.execute(db);
  return row.rows[0]?.last ?? 0;
}

/** `2026-000123`: the year and the number padded to six digits. */
export function formatYearNumber(year: number, n: number, prefix = ''): string {
  return `${prefix}${year}-${String(n).padStart(6, '0')}`;
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * The next resolution number of a year, without gaps: max + 1, read and written inside the caller's
 * transaction (SQLite has one writer, so no two calls see the same max). UNIQUE (year, seq) is the
 * backstop. A stand-in for the shared gapless-sequence helper, which can replace this one function.
 */
export async function allocateResolutionNumber(db: Kysely<Database>, year: number): Promise<{ seq: number; number: string }> {
  const row = await db
    .selectFrom('council_resolutions')
    .select((eb) => eb.fn.max<number | null>('seq').as('last'))
    .where('year', '=', year)
    .executeTakeFirst();
  const seq = (row?.last ?? 0) + 1;
  return { seq, number: `居议〔${year}〕${seq}号` };
}

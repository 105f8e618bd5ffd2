import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const MAX_FAILURES = 5;
export const WAIT_MS = 30_000;

/**
 * Slows down password guessing: after 5 failed attempts on a user name, the next is refused until 30 s
 * have passed since the last failure. Counted in the file, so that every host (the app, `linli serve`,
 * the CLI) shares one count and a restart does not reset it. Unknown names are counted as well, so the
 * answer does not tell which names exist.
 */
export async function secondsToWait(db: Kysely<Database>, username: string, now: number): Promise<number> {
  const row = await db.selectFrom('login_failures').selectAll().where('username', '=', key(username)).executeTakeFirst();
  if (!row || row.failures < MAX_FAILURES) return 0;
  const left = Date.parse(row.last_failed_at) + WAIT_MS - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Inside a write transaction of its own (the attempt itself fails). Returns the count so far. */
export async function recordFailure(db: Kysely<Database>, username: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('login_failures')
    .values({ username: key(username), failures: 1, last_failed_at: at.toISOString() })
    .onConflict((oc) => oc.column('username').doUpdateSet((eb) => ({ failures: eb('login_failures.failures', '+', 1), last_failed_at: at.toISOString() })))
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function recordSuccess(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', key(username)).execute();
}

function key(username: string): string {
  return username.trim().toLowerCase();
}

import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Database } from './schema';

/** How long a write waits for another writer (another desk, the CLI, an import) before it gives up. */
export const WRITE_WAIT_MS = 10_000;
/** SQLite's own wait per attempt to take the lock: short, because it blocks the thread it runs on. */
const ATTEMPT_WAIT_MS = 25;

const busy = Symbol('busy');

/**
 * Runs `work` in a transaction that takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so that a
 * second writer waits its turn instead of failing at its first write with "database is locked" (a
 * deferred transaction that has read cannot wait: SQLite refuses its upgrade at once). The wait is done
 * here between short attempts, with the event loop free meanwhile (searches go on), and the connection
 * is not held while waiting. A write refused after `waitMs` says so in words (`db.busy`).
 *
 * COMMIT and ROLLBACK are ours too: when COMMIT fails (a full disk) SQLite may already have rolled back,
 * and a second ROLLBACK would replace the real reason with "cannot rollback - no transaction is active".
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  sqlite: SqliteDatabase.Database,
  work: (trx: Kysely<Database>) => Promise<T>,
  waitMs = WRITE_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const outcome = await db.connection().execute(async (conn) => {
      if (!tryBeginImmediate(sqlite)) return busy;
      try {
        const value = await work(conn);
        sqlite.exec('COMMIT');
        return { value };
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw err;
      }
    });
    if (outcome !== busy) return outcome.value;
    if (Date.now() >= deadline) {
      const seconds = Math.round(waitMs / 1000);
      throw new AppError('db.busy', `Another program kept the database busy for ${seconds} s`, { params: { seconds } });
    }
    // A little longer each time, with jitter so that waiting writers do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 + attempt * 10) * (0.5 + Math.random())));
  }
}

function tryBeginImmediate(sqlite: SqliteDatabase.Database): boolean {
  if (sqlite.inTransaction) throw new Error('writeTransaction: a transaction is already open on this connection');
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${ATTEMPT_WAIT_MS}`);
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw err;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

import { sql, type Kysely } from 'kysely';

/**
 * What every process sharing the file must agree on lives in the file, not in one process's memory:
 * - sessions: a user disabled or given a new password (from the CLI, another desk) loses every session at
 *   once, wherever it was opened. Only a hash of the token is stored, so a backup holds no usable token;
 *   `host_id` names the process that made it (a session is only ever used through that process).
 * - login_failures: the lockout after 5 failures counts attempts from every host, the CLI included.
 * - backups.sha256: the checksum of each copy when it was made, compared when it is restored.
 * - field_key_check: a keyed hash that says which field key this file's ID numbers and phones need, so a
 *   file opened without its key says so instead of showing empty fields.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      host_id TEXT NOT NULL,
      workstation TEXT NOT NULL,
      created_at TEXT NOT NULL,
      ended_at TEXT,
      ended_reason TEXT CHECK (ended_reason IN ('logout', 'disabled', 'password_reset', 'restore', 'closed')),
      CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX sessions_open_by_user ON sessions (user_id) WHERE ended_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE login_failures (
      username TEXT PRIMARY KEY,
      failures INTEGER NOT NULL CHECK (failures > 0),
      last_failed_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`ALTER TABLE backups ADD COLUMN sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64)`.execute(db);
  await sql`
    CREATE TABLE field_key_check (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      check_value TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
}

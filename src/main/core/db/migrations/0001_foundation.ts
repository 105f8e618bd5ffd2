import { sql, type Kysely } from 'kysely';

/**
 * Foundation: accounts, community profile, settings, the hash-chained audit trail and the backup log.
 * Migrations take Kysely<any>: they are history, frozen in time, and never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      roles_json TEXT NOT NULL CHECK (json_valid(roles_json)),
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      last_login_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT`.execute(db);
  // Accounts are never deleted: they are disabled.
  await sql`CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END`.execute(db);

  await sql`
    CREATE TABLE community_profile (
      id TEXT PRIMARY KEY,
      community_name TEXT NOT NULL,
      street_office TEXT NOT NULL DEFAULT '',
      unit_name TEXT NOT NULL,
      address TEXT NOT NULL DEFAULT '',
      service_phone TEXT NOT NULL DEFAULT '',
      complaint_phone TEXT NOT NULL DEFAULT '',
      seal_image TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL CHECK (json_valid(value_json)),
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT,
      workstation TEXT NOT NULL,
      action TEXT NOT NULL,
      area TEXT NOT NULL,
      record_type TEXT,
      record_id TEXT,
      summary TEXT,
      before_json TEXT,
      after_json TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_actor ON audit_log (actor_id, seq)`.execute(db);
  await sql`CREATE INDEX audit_log_area ON audit_log (area, seq)`.execute(db);
  await sql`CREATE INDEX audit_log_record ON audit_log (record_id, seq)`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);

  await sql`
    CREATE TABLE backups (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('startup', 'daily', 'manual', 'pre_restore', 'pre_migration')),
      path TEXT NOT NULL,
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      problem TEXT,
      counts_json TEXT NOT NULL CHECK (json_valid(counts_json)),
      created_by TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX backups_at ON backups (at)`.execute(db);
}

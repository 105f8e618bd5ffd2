import { createHash, randomBytes } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/permissions';
import { permissionsOf, type Permission } from '../../../shared/permissions';
import type { Database, SessionsTable } from '../db/schema';

export interface Session {
  token: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  createdAt: number;
  lastSeenAt: number;
  locked: boolean;
}

export type EndReason = NonNullable<SessionsTable['ended_reason']>;

interface UserRow {
  display_name: string;
  roles_json: string;
  disabled: number;
}

/**
 * Signed-in sessions. The `sessions` table decides whether one is still valid: a user disabled or given a
 * new password from another process (the CLI, another desk's server) loses every session at once, and a
 * user's roles are read afresh on every call. What only matters to the process that made a session (when
 * it was last used, whether it is locked behind the idle lock) stays in its memory: no write per call.
 * A session is only ever used through the process that made it (`host_id`), and a restart ends them all.
 */
export class SessionStore {
  /** This process's sessions by token, each with its token's hash (what the table stores), hashed once. */
  private readonly local = new Map<string, { session: Session; hash: string; rolesJson: string }>();
  private readonly statements = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();
  /** This process's sessions in the table. */
  readonly hostId = randomBytes(12).toString('base64url');
  /**
   * The idle-lock time, cached so that checking a session never waits for a write (a long import holds
   * the write lock, and the user must still be able to cancel). Null: read it again.
   */
  idleLockMs: number | null = null;

  constructor(
    private readonly sqlite: () => SqliteDatabase.Database,
    private readonly workstation: string,
  ) {}

  /** Records a new session; call inside the write transaction that signs the user in. */
  async create(db: Kysely<Database>, user: { id: string; username: string; displayName: string; roles: Role[] }, now: number): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const at = new Date(now).toISOString();
    const row = { token_hash: hashToken(token), user_id: user.id, host_id: this.hostId, workstation: this.workstation, created_at: at };
    await db
      .insertInto('sessions')
      .values({ ...row, ended_at: null, ended_reason: null })
      .execute();
    const session: Session = {
      token,
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      createdAt: now,
      lastSeenAt: now,
      locked: false,
    };
    this.local.set(token, { session, hash: row.token_hash, rolesJson: JSON.stringify(user.roles) });
    return session;
  }

  /** Finds a valid session (its row open, its user enabled) and locks it if it has been idle too long. */
  get(token: string | null | undefined, now: number, idleLockMs: number): Session | null {
    if (!token) return null;
    const entry = this.local.get(token);
    if (!entry) return null;
    const s = entry.session;
    const user = this.lookUp(entry.hash);
    if (!user || user.disabled === 1) {
      this.local.delete(token);
      return null;
    }
    // Another process may have changed the account: its roles and name count from the next call on.
    if (user.roles_json !== entry.rolesJson) {
      s.roles = JSON.parse(user.roles_json) as Role[];
      s.permissions = permissionsOf(s.roles);
      entry.rolesJson = user.roles_json;
    }
    s.displayName = user.display_name;
    if (!s.locked && now - s.lastSeenAt > idleLockMs) s.locked = true;
    return s;
  }

  touch(s: Session, now: number): void {
    s.lastSeenAt = now;
  }

  /** Ends one session (sign-out); inside the caller's write transaction. */
  async end(db: Kysely<Database>, token: string, reason: EndReason, at: Date): Promise<void> {
    await endWhere(db, reason, at)
      .where('token_hash', '=', this.local.get(token)?.hash ?? hashToken(token))
      .execute();
    this.local.delete(token);
  }

  /** Ends every open session of a user, in every process sharing the file (disabled, new password). */
  async endForUser(db: Kysely<Database>, userId: string, reason: EndReason, at: Date, exceptToken?: string): Promise<void> {
    let q = endWhere(db, reason, at).where('user_id', '=', userId);
    if (exceptToken) q = q.where('token_hash', '!=', hashToken(exceptToken));
    await q.execute();
  }

  /** Ends every open session in the file (a restore: the restored file's sessions are not anyone's now). */
  async endAll(db: Kysely<Database>, reason: EndReason, at: Date): Promise<void> {
    await endWhere(db, reason, at).execute();
    this.local.clear();
  }

  /** This process stops: its sessions end with it. */
  async endOwn(db: Kysely<Database>, at: Date): Promise<void> {
    await endWhere(db, 'closed', at).where('host_id', '=', this.hostId).execute();
    this.local.clear();
  }

  /** Forgets this process's sessions without writing (the file they were in is gone). */
  forgetAll(): void {
    this.local.clear();
  }

  /**
   * The user of an open session of this process (with whether they are still enabled and their roles),
   * read from the file on every call: one statement, one snapshot. The session is found by a scalar
   * subquery rather than a join: SQLite plans a join of the two tables with a Bloom filter built on each
   * run, which made the join four times dearer than this (15 µs against 4).
   */
  private lookUp(tokenHash: string): UserRow | undefined {
    const sqlite = this.sqlite();
    let stmt = this.statements.get(sqlite);
    if (!stmt) {
      stmt = sqlite.prepare(
        `SELECT display_name, roles_json, disabled FROM users
          WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ? AND host_id = ? AND ended_at IS NULL)`,
      );
      this.statements.set(sqlite, stmt);
    }
    return stmt.get(tokenHash, this.hostId) as UserRow | undefined;
  }
}

/** An update that ends the open sessions the caller narrows down. */
function endWhere(db: Kysely<Database>, reason: EndReason, at: Date) {
  return db.updateTable('sessions').set({ ended_at: at.toISOString(), ended_reason: reason }).where('ended_at', 'is', null);
}

/** Only a hash is stored: a backup or a copy of the file holds no token anyone could use. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

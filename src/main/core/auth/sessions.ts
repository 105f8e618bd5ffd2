import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/permissions';
import { permissionsOf, type Permission } from '../../../shared/permissions';

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

/**
 * Signed-in sessions, in memory: a restart signs everybody out. A session idle for longer than the
 * configured time is locked (not ended), so unsaved work stays on screen behind the lock.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /**
   * The idle-lock time, cached so that checking a session never waits for the database (a long import
   * holds it, and the user must still be able to cancel). Null: read it again.
   */
  idleLockMs: number | null = null;

  create(user: { id: string; username: string; displayName: string; roles: Role[] }, now: number): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      createdAt: now,
      lastSeenAt: now,
      locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Finds a session and locks it if it has been idle too long. */
  get(token: string | null | undefined, now: number, idleLockMs: number): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (!s.locked && now - s.lastSeenAt > idleLockMs) s.locked = true;
    return s;
  }

  touch(s: Session, now: number): void {
    s.lastSeenAt = now;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** A user's new roles take effect in the sessions they already have. */
  updateRoles(userId: string, roles: Role[]): void {
    for (const s of this.sessions.values()) {
      if (s.userId === userId) {
        s.roles = roles;
        s.permissions = permissionsOf(roles);
      }
    }
  }

  /** After a restore or a disabled account: nobody keeps a session into data that changed under them. */
  endWhere(pred: (s: Session) => boolean): void {
    for (const [token, s] of this.sessions) if (pred(s)) this.sessions.delete(token);
  }
}

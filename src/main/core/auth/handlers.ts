import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/permissions';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { HandlerContext, HandlerMap } from '../context';
import type { Session } from './sessions';
import { hashPassword, verifyPassword, verifyAgainstNobody } from './passwords';
import { enforcePasswordPolicy } from './password-policy';
import { recordFailure, recordSuccess, secondsToWait } from './throttle';
import { findUserById, findUserByName, insertUser, toUserSummary, updateUser } from './users-repository';
import { appendAudit, type AuditWrite } from '../audit/repository';
import { writeTransaction } from '../db/write-transaction';
import { findProfile, saveProfile, toProfile } from '../community/profile';
import { readSettings } from '../community/settings';
import { newId } from '../util/ids';

async function sessionInfo(ctx: HandlerContext, s: Session): Promise<SessionInfo> {
  const settings = await readSettings(ctx.db);
  return {
    token: s.token,
    user: { id: s.userId, username: s.username, displayName: s.displayName, roles: s.roles, permissions: [...s.permissions] },
    workstation: ctx.workstation,
    idleLockMinutes: settings.idleLockMinutes,
  };
}

async function throttleCheck(ctx: HandlerContext, username: string): Promise<void> {
  const wait = await secondsToWait(ctx.db, username, ctx.now().getTime());
  if (wait > 0) throw new AppError('auth.throttled', `Too many failed attempts; wait ${wait} s`, { params: { seconds: wait } });
}

/**
 * Sign-in and unlock write their own transactions (the contract says `transaction: 'none'`): a failed
 * attempt must be counted and audited although the call fails, and the password is checked before the
 * write lock is taken, so a slow scrypt never holds other writers up.
 */
type ActorEntry = AuditWrite & { actor: { id: string | null; name: string | null } };

function write<T>(ctx: HandlerContext, work: (audit: (entry: ActorEntry) => Promise<void>, trx: HandlerContext['db']) => Promise<T>): Promise<T> {
  return writeTransaction(ctx.db, ctx.sqlite, (trx) =>
    work((entry) => appendAudit(trx, entry, { ...entry.actor, workstation: ctx.workstation }, ctx.now()), trx),
  );
}

async function refuseAttempt(ctx: HandlerContext, username: string, entry: ActorEntry): Promise<never> {
  await write(ctx, async (audit, trx) => {
    const failures = await recordFailure(trx, username, ctx.now());
    await audit({ ...entry, after: { failures } });
  });
  throw new AppError('auth.bad_credentials', 'Wrong user name or password');
}

/**
 * A file is set up once it has an administrator account, enabled or not: a disabled administrator still
 * blocks a second first-run setup (nobody takes a file over that way). Accounts without the admin role
 * (the staff the demo's charity ledger names, disabled) do not make a file "set up".
 */
async function anyAdministrator(ctx: HandlerContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(roles_json) WHERE value = 'admin')`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export const authHandlers: HandlerMap<
  'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.session' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'
> = {
  async 'auth.status'(_input, ctx) {
    const admin = await anyAdministrator(ctx);
    const profile = await findProfile(ctx.db);
    return { needsSetup: !admin, communityName: profile?.community_name ?? null, workstation: ctx.workstation, schemaVersion: ctx.schemaVersion };
  },

  async 'auth.setup'(input, ctx) {
    enforcePasswordPolicy(input.admin.password, input.admin.username, 'admin.password');
    if (await anyAdministrator(ctx)) throw new AppError('auth.already_set_up');
    const at = ctx.now().toISOString();
    const userId = newId();
    const profile = await saveProfile(ctx.db, input.community, at, userId);
    const user = {
      id: userId,
      username: input.admin.username,
      display_name: input.admin.displayName,
      password_hash: await hashPassword(input.admin.password),
      roles_json: JSON.stringify(['admin'] satisfies Role[]),
      disabled: 0,
      last_login_at: at,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
    };
    await insertUser(ctx.db, user);
    const actor = { id: userId, name: user.display_name };
    await ctx.audit({ action: 'community.setup', area: 'community', recordType: 'community_profile', recordId: profile.id, after: toProfile(profile), actor });
    await ctx.audit({
      action: 'users.create',
      area: 'users',
      recordType: 'user',
      recordId: userId,
      summary: `${user.display_name}（${user.username}）`,
      after: toUserSummary(user),
      actor,
    });
    const s = await ctx.sessions.create(ctx.db, { id: userId, username: user.username, displayName: user.display_name, roles: ['admin'] }, ctx.now().getTime());
    return sessionInfo(ctx, s);
  },

  async 'auth.login'(input, ctx) {
    await throttleCheck(ctx, input.username);
    const user = await findUserByName(ctx.db, input.username);
    // The same scrypt work whether or not the name exists: the time taken does not tell.
    const good = user ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstNobody(input.password);
    if (!user || !good) {
      const nobody = { id: null, name: null };
      const entry = { action: 'auth.login_failed', area: 'auth', recordType: 'user', recordId: user?.id ?? null, summary: input.username, actor: nobody };
      return refuseAttempt(ctx, input.username, entry);
    }
    const actor = { id: user.id, name: user.display_name };
    if (user.disabled) {
      const entry = { action: 'auth.login_refused', area: 'auth', recordType: 'user', recordId: user.id, summary: 'disabled account', actor };
      await write(ctx, (audit) => audit(entry));
      throw new AppError('auth.account_disabled');
    }
    const s = await write(ctx, async (audit, trx) => {
      await recordSuccess(trx, input.username);
      await updateUser(trx, user.id, { last_login_at: ctx.now().toISOString() });
      const who = { id: user.id, username: user.username, displayName: user.display_name, roles: JSON.parse(user.roles_json) as Role[] };
      const created = await ctx.sessions.create(trx, who, ctx.now().getTime());
      await audit({ action: 'auth.login', area: 'auth', recordType: 'user', recordId: user.id, actor });
      return created;
    });
    return sessionInfo(ctx, s);
  },

  async 'auth.logout'(_input, ctx) {
    const s = ctx.requireSession();
    await ctx.sessions.end(ctx.db, s.token, 'logout', ctx.now());
    await ctx.audit({ action: 'auth.logout', area: 'auth', recordType: 'user', recordId: s.userId });
    return null;
  },

  async 'auth.session'(_input, ctx) {
    return sessionInfo(ctx, ctx.requireSession());
  },

  async 'auth.lock'(_input, ctx) {
    const s = ctx.requireSession();
    s.locked = true;
    await ctx.audit({ action: 'auth.lock', area: 'auth', recordType: 'user', recordId: s.userId });
    return null;
  },

  async 'auth.unlock'(input, ctx) {
    const s = ctx.requireSession();
    await throttleCheck(ctx, s.username);
    const user = await findUserById(ctx.db, s.userId);
    const actor = { id: s.userId, name: s.displayName };
    if (!user || user.disabled || !(await verifyPassword(input.password, user.password_hash))) {
      return refuseAttempt(ctx, s.username, { action: 'auth.unlock_failed', area: 'auth', recordType: 'user', recordId: s.userId, actor });
    }
    await write(ctx, async (audit, trx) => {
      await recordSuccess(trx, s.username);
      await audit({ action: 'auth.unlock', area: 'auth', recordType: 'user', recordId: s.userId, actor });
    });
    s.locked = false;
    return sessionInfo(ctx, s);
  },

  async 'auth.changePassword'(input, ctx) {
    const s = ctx.requireSession();
    enforcePasswordPolicy(input.newPassword, s.username, 'newPassword');
    const user = await findUserById(ctx.db, s.userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      ctx.auditAlways({ action: 'auth.change_password_failed', area: 'auth', recordType: 'user', recordId: s.userId });
      throw new AppError('auth.bad_credentials', 'The current password is wrong', { fields: { currentPassword: 'auth.bad_credentials' } });
    }
    await updateUser(ctx.db, s.userId, { password_hash: await hashPassword(input.newPassword), updated_at: ctx.now().toISOString(), updated_by: s.userId });
    // Whoever else was signed in as this user (another desk, a stolen session) is out; this desk stays.
    await ctx.sessions.endForUser(ctx.db, s.userId, 'password_reset', ctx.now(), s.token);
    await ctx.audit({ action: 'auth.changePassword', area: 'auth', recordType: 'user', recordId: s.userId });
    return null;
  },
};

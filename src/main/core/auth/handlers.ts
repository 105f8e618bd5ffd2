import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/permissions';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { HandlerContext, HandlerMap } from '../context';
import type { Session } from './sessions';
import { hashPassword, verifyPassword } from './passwords';
import { findUserById, findUserByName, insertUser, toUserSummary, updateUser } from './users-repository';
import { findProfile, saveProfile, toProfile } from '../features/community/profile';
import { readSettings } from '../features/community/settings';
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

function throttleCheck(ctx: HandlerContext, username: string): void {
  const wait = ctx.throttle.secondsToWait(username, ctx.now().getTime());
  if (wait > 0) throw new AppError('auth.throttled', `Too many failed attempts; wait ${wait} s`, { params: { seconds: wait } });
}

export const authHandlers: HandlerMap<'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.session' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'> = {
  async 'auth.status'(_input, ctx) {
    const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    const profile = await findProfile(ctx.db);
    return { needsSetup: !anyUser, communityName: profile?.community_name ?? null, workstation: ctx.workstation, schemaVersion: ctx.schemaVersion };
  },

  async 'auth.setup'(input, ctx) {
    const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) throw new AppError('auth.already_set_up');
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
    await ctx.audit({ action: 'users.create', area: 'users', recordType: 'user', recordId: userId, summary: `${user.display_name}（${user.username}）`, after: toUserSummary(user), actor });
    const s = ctx.sessions.create({ id: userId, username: user.username, displayName: user.display_name, roles: ['admin'] }, ctx.now().getTime());
    return sessionInfo(ctx, s);
  },

  async 'auth.login'(input, ctx) {
    throttleCheck(ctx, input.username);
    const user = await findUserByName(ctx.db, input.username);
    const good = user ? await verifyPassword(input.password, user.password_hash) : false;
    if (!user || !good) {
      const failures = ctx.throttle.recordFailure(input.username, ctx.now().getTime());
      ctx.auditAlways({ action: 'auth.login_failed', area: 'auth', recordType: 'user', recordId: user?.id ?? null, summary: input.username, after: { failures } });
      throw new AppError('auth.bad_credentials', 'Wrong user name or password');
    }
    if (user.disabled) {
      ctx.auditAlways({ action: 'auth.login_refused', area: 'auth', recordType: 'user', recordId: user.id, summary: 'disabled account', actor: { id: user.id, name: user.display_name } });
      throw new AppError('auth.account_disabled');
    }
    ctx.throttle.recordSuccess(input.username);
    const at = ctx.now().toISOString();
    await updateUser(ctx.db, user.id, { last_login_at: at });
    const s = ctx.sessions.create({ id: user.id, username: user.username, displayName: user.display_name, roles: JSON.parse(user.roles_json) as Role[] }, ctx.now().getTime());
    await ctx.audit({ action: 'auth.login', area: 'auth', recordType: 'user', recordId: user.id, actor: { id: user.id, name: user.display_name } });
    return sessionInfo(ctx, s);
  },

  async 'auth.logout'(_input, ctx) {
    const s = ctx.requireSession();
    ctx.sessions.end(s.token);
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
    throttleCheck(ctx, s.username);
    const user = await findUserById(ctx.db, s.userId);
    if (!user || user.disabled || !(await verifyPassword(input.password, user.password_hash))) {
      ctx.throttle.recordFailure(s.username, ctx.now().getTime());
      ctx.auditAlways({ action: 'auth.unlock_failed', area: 'auth', recordType: 'user', recordId: s.userId });
      throw new AppError('auth.bad_credentials', 'Wrong password');
    }
    ctx.throttle.recordSuccess(s.username);
    s.locked = false;
    await ctx.audit({ action: 'auth.unlock', area: 'auth', recordType: 'user', recordId: s.userId });
    return sessionInfo(ctx, s);
  },

  async 'auth.changePassword'(input, ctx) {
    const s = ctx.requireSession();
    const user = await findUserById(ctx.db, s.userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      ctx.auditAlways({ action: 'auth.change_password_failed', area: 'auth', recordType: 'user', recordId: s.userId });
      throw new AppError('auth.bad_credentials', 'The current password is wrong', { fields: { currentPassword: 'auth.bad_credentials' } });
    }
    await updateUser(ctx.db, s.userId, { password_hash: await hashPassword(input.newPassword), updated_at: ctx.now().toISOString(), updated_by: s.userId });
    await ctx.audit({ action: 'auth.changePassword', area: 'auth', recordType: 'user', recordId: s.userId });
    return null;
  },
};

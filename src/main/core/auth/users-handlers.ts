import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { hashPassword } from './passwords';
import { enforcePasswordPolicy } from './password-policy';
import { countActiveAdmins, findUserById, findUserByName, insertUser, listUsers, toUserSummary, updateUser } from './users-repository';
import { newId } from '../util/ids';

export const usersHandlers: HandlerMap<'users.list' | 'users.create' | 'users.setRoles' | 'users.setDisabled' | 'users.resetPassword'> = {
  async 'users.list'(input, ctx) {
    return (await listUsers(ctx.db, input.includeDisabled)).map(toUserSummary);
  },

  async 'users.create'(input, ctx) {
    const by = ctx.requireSession().userId;
    enforcePasswordPolicy(input.password, input.username, 'password');
    if (await findUserByName(ctx.db, input.username)) {
      throw new AppError('users.username_taken', 'That user name is taken', { fields: { username: 'users.username_taken' } });
    }
    const at = ctx.now().toISOString();
    const row = {
      id: newId(),
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      roles_json: JSON.stringify([...new Set(input.roles)]),
      disabled: 0,
      last_login_at: null,
      created_at: at,
      created_by: by,
      updated_at: at,
      updated_by: by,
    };
    await insertUser(ctx.db, row);
    await ctx.audit({ action: 'users.create', area: 'users', recordType: 'user', recordId: row.id, summary: who(row), after: toUserSummary(row) });
    return toUserSummary(row);
  },

  async 'users.setRoles'(input, ctx) {
    const before = await mustFind(ctx.db, input.userId);
    if (!input.roles.includes('admin') && (await countActiveAdmins(ctx.db, input.userId)) === 0) {
      throw new AppError('users.last_admin', 'At least one active administrator must remain');
    }
    await updateUser(ctx.db, input.userId, {
      roles_json: JSON.stringify([...new Set(input.roles)]),
      updated_at: ctx.now().toISOString(),
      updated_by: ctx.requireSession().userId,
    });
    const after = await mustFind(ctx.db, input.userId);
    await ctx.audit({
      action: 'users.setRoles',
      area: 'users',
      recordType: 'user',
      recordId: input.userId,
      summary: who(after),
      before: toUserSummary(before),
      after: toUserSummary(after),
    });
    // A signed-in user's powers follow the change at once: every call reads the roles afresh.
    return toUserSummary(after);
  },

  async 'users.setDisabled'(input, ctx) {
    const before = await mustFind(ctx.db, input.userId);
    if (input.disabled && (await countActiveAdmins(ctx.db, input.userId)) === 0) {
      throw new AppError('users.last_admin', 'At least one active administrator must remain');
    }
    await updateUser(ctx.db, input.userId, { disabled: input.disabled ? 1 : 0, updated_at: ctx.now().toISOString(), updated_by: ctx.requireSession().userId });
    const after = await mustFind(ctx.db, input.userId);
    await ctx.audit({
      action: input.disabled ? 'users.disable' : 'users.enable',
      area: 'users',
      recordType: 'user',
      recordId: input.userId,
      summary: who(after),
      before: toUserSummary(before),
      after: toUserSummary(after),
    });
    // Every session of the account ends at once, in every process sharing the file.
    if (input.disabled) await ctx.sessions.endForUser(ctx.db, input.userId, 'disabled', ctx.now());
    return toUserSummary(after);
  },

  async 'users.resetPassword'(input, ctx) {
    const user = await mustFind(ctx.db, input.userId);
    enforcePasswordPolicy(input.newPassword, user.username, 'newPassword');
    await updateUser(ctx.db, input.userId, {
      password_hash: await hashPassword(input.newPassword),
      updated_at: ctx.now().toISOString(),
      updated_by: ctx.requireSession().userId,
    });
    await ctx.sessions.endForUser(ctx.db, input.userId, 'password_reset', ctx.now());
    await ctx.audit({ action: 'users.resetPassword', area: 'users', recordType: 'user', recordId: input.userId, summary: who(user) });
    return null;
  },
};

async function mustFind(db: Parameters<typeof findUserById>[0], id: string) {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('users.not_found');
  return row;
}

/** How the audit trail names an account: the person and the user name. */
function who(row: { display_name: string; username: string }): string {
  return `${row.display_name}（${row.username}）`;
}

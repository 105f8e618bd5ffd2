import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../db/schema';
import type { Role } from '../../../shared/permissions';
import type { UserSummary } from '../../../shared/contract/users';

export function toUserSummary(row: UsersTable): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles_json) as Role[],
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function findUserByName(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>, includeDisabled: boolean) {
  let q = db.selectFrom('users').selectAll();
  if (!includeDisabled) q = q.where('disabled', '=', 0);
  return q.orderBy('created_at').execute();
}

export async function countActiveAdmins(db: Kysely<Database>, exceptUserId?: string): Promise<number> {
  const rows = await db.selectFrom('users').select(['id', 'roles_json']).where('disabled', '=', 0).execute();
  return rows.filter((r) => r.id !== exceptUserId && (JSON.parse(r.roles_json) as Role[]).includes('admin')).length;
}

export function insertUser(db: Kysely<Database>, row: UsersTable) {
  return db.insertInto('users').values(row).execute();
}

export function updateUser(db: Kysely<Database>, id: string, set: Partial<UsersTable>) {
  return db.updateTable('users').set(set).where('id', '=', id).execute();
}

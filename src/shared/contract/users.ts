import { z } from 'zod';
import { method, returns } from './define';
import { password, roleSchema, username } from './auth';
import type { Role } from '../permissions';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const roleList = z.array(roleSchema).min(1, 'users.role_required');

export const users = {
  'users.list': method({ input: z.object({ includeDisabled: z.boolean().default(true) }), access: 'users.manage', writes: false }, returns<UserSummary[]>()),
  'users.create': method(
    { input: z.object({ username, displayName: z.string().trim().min(1).max(40), password, roles: roleList }), access: 'users.manage', writes: true },
    returns<UserSummary>(),
  ),
  'users.setRoles': method({ input: z.object({ userId: z.string(), roles: roleList }), access: 'users.manage', writes: true }, returns<UserSummary>()),
  'users.setDisabled': method({ input: z.object({ userId: z.string(), disabled: z.boolean() }), access: 'users.manage', writes: true }, returns<UserSummary>()),
  'users.resetPassword': method({ input: z.object({ userId: z.string(), newPassword: password }), access: 'users.manage', writes: true }, returns<null>()),
};

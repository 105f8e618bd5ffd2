import { z } from 'zod';
import { method, returns } from './define';
import type { Role } from '../permissions';
import { roles } from '../permissions';

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'auth.username_chars');
/** Lower-case, upper-case, digits, anything else (symbols, spaces, Chinese): how many kinds a password mixes. */
export function passwordClasses(value: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(value)).length;
}

/** At least 10 characters, not all of one kind; core also refuses common passwords and the user name. */
export const password = z
  .string()
  .min(10, 'auth.password_short')
  .max(200)
  .refine((v) => passwordClasses(v) >= 2, 'auth.password_one_class');

export const communityProfileInput = z.object({
  communityName: z.string().trim().min(2).max(60),
  streetOffice: z.string().trim().max(60).default(''),
  unitName: z.string().trim().min(2).max(60),
  address: z.string().trim().max(120).default(''),
  servicePhone: z.string().trim().max(30).default(''),
  complaintPhone: z.string().trim().max(30).default(''),
  /** PNG or JPEG data URL, at most ~300 KB. */
  sealImage: z
    .string()
    .max(400_000)
    .regex(/^data:image\/(png|jpeg);base64,/, 'community.seal_format')
    .nullable()
    .default(null),
});
export type CommunityProfileInput = z.input<typeof communityProfileInput>;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: string[];
}
export interface SessionInfo {
  token: string;
  user: SessionUser;
  workstation: string;
  idleLockMinutes: number;
}
export interface AppStatus {
  /** No administrator yet: the renderer shows the first-run setup. */
  needsSetup: boolean;
  communityName: string | null;
  workstation: string;
  schemaVersion: number;
}

export const auth = {
  'auth.status': method({ input: z.object({}), access: 'public', writes: false }, returns<AppStatus>()),
  'auth.setup': method(
    {
      input: z.object({
        community: communityProfileInput,
        admin: z.object({ username, displayName: z.string().trim().min(1).max(40), password }),
      }),
      access: 'public',
      writes: true,
    },
    returns<SessionInfo>(),
  ),
  // Sign-in and unlock write their own transactions: a failed attempt is counted and audited although the call fails.
  'auth.login': method(
    { input: z.object({ username: z.string().trim().min(1), password: z.string().min(1) }), access: 'public', writes: true, transaction: 'none' },
    returns<SessionInfo>(),
  ),
  'auth.logout': method({ input: z.object({}), access: 'session', writes: true }, returns<null>()),
  'auth.session': method({ input: z.object({}), access: 'session', writes: false }, returns<SessionInfo>()),
  'auth.lock': method({ input: z.object({}), access: 'session', writes: true }, returns<null>()),
  'auth.unlock': method({ input: z.object({ password: z.string().min(1) }), access: 'session', writes: true, transaction: 'none' }, returns<SessionInfo>()),
  'auth.changePassword': method(
    { input: z.object({ currentPassword: z.string().min(1), newPassword: password }), access: 'session', writes: true },
    returns<null>(),
  ),
};

export const roleSchema = z.enum(roles);

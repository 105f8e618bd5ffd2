import { createContext, useContext } from 'react';
import type { AppStatus, SessionInfo } from '@shared/contract/auth';
import type { Settings } from '@shared/contract/community';
import type { Permission } from '@shared/permissions';
import type { EventHub } from './events';

export type Phase = 'loading' | 'boot-error' | 'setup' | 'sign-in' | 'app';

export interface SignOutOptions {
  /** Tell main first (a normal sign-out); false when the session is already gone. */
  call?: boolean;
  /** Shown on the sign-in screen: why the user is there. */
  reason?: string;
}

export interface SessionContextValue {
  phase: Phase;
  bootError: unknown;
  status: AppStatus | null;
  session: SessionInfo | null;
  settings: Settings;
  locked: boolean;
  signOutReason: string | null;
  events: EventHub;
  retryBoot(): void;
  signedIn(info: SessionInfo): void;
  signOut(options?: SignOutOptions): Promise<void>;
  lock(): Promise<void>;
  unlocked(info: SessionInfo): void;
  can(permission: Permission): boolean;
  /** After the community profile changed: the header shows the new name. */
  refreshStatus(): Promise<void>;
  settingsChanged(settings: Settings): void;
  /** After this user's own roles changed: the menu and screens follow the new permissions. */
  refreshSession(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for screens inside the shell, which exists only while signed in. */
export function useSignedIn(): SessionContextValue & { session: SessionInfo } {
  const value = useSession();
  if (!value.session) throw new Error('useSignedIn without a session');
  return value as SessionContextValue & { session: SessionInfo };
}

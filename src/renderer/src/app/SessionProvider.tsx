import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, SessionInfo } from '@shared/contract/auth';
import type { Settings } from '@shared/contract/community';
import type { Permission } from '@shared/permissions';
import { api } from '../api/client';
import { createEventHub } from './events';
import { navigate } from './router';
import { SessionContext, type Phase, type SignOutOptions } from './session-context';

// Until the hall's settings are read: the same defaults main uses.
const defaultSettings: Settings = { idleLockMinutes: 10, timeZone: 'Asia/Shanghai', backupKeep: { daily: 7, weekly: 4, monthly: 12 } };

/**
 * Owns who is signed in. `auth.status` decides the first screen (setup or sign-in); a session problem
 * reported by any call (locked, or gone) is handled here, once, whatever screen made the call.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('loading');
  const [bootError, setBootError] = useState<unknown>(null);
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [locked, setLocked] = useState(false);
  const [signOutReason, setSignOutReason] = useState<string | null>(null);
  const events = useMemo(() => createEventHub(), []);
  const sessionRef = useRef<SessionInfo | null>(null);
  const lastUserId = useRef<string | null>(null);
  sessionRef.current = session;

  const loadStatus = useCallback(async () => {
    try {
      const s = await api.call('auth.status', {});
      setStatus(s);
      setBootError(null);
      return s;
    } catch (err) {
      setBootError(err);
      setPhase('boot-error');
      return null;
    }
  }, []);

  const boot = useCallback(async () => {
    setPhase('loading');
    const s = await loadStatus();
    if (s) setPhase(s.needsSetup ? 'setup' : 'sign-in');
  }, [loadStatus]);

  useEffect(() => {
    void boot();
  }, [boot]);

  const endSession = useCallback(
    async (reason: string | null) => {
      api.setSession(null);
      // Leave the shell in the same render that drops the session: nothing signed-in renders without one.
      setSession(null);
      setLocked(false);
      setSignOutReason(reason);
      setPhase('sign-in');
      const s = await loadStatus();
      if (s?.needsSetup) setPhase('setup');
    },
    [loadStatus],
  );

  const signOut = useCallback(
    async ({ call = true, reason }: SignOutOptions = {}) => {
      if (call && sessionRef.current) {
        try {
          await api.call('auth.logout', {});
        } catch {
          // The session may already be gone (a restore, a restart); signing out locally is still right.
        }
      }
      await endSession(reason ?? null);
    },
    [endSession],
  );

  const signedIn = useCallback((info: SessionInfo) => {
    // Someone else signing in at this desk starts at the home screen, not where the last person was.
    if (lastUserId.current && lastUserId.current !== info.user.id) navigate('home');
    lastUserId.current = info.user.id;
    api.setSession(info.token);
    setSession(info);
    setSettings((s) => ({ ...s, idleLockMinutes: info.idleLockMinutes }));
    setLocked(false);
    setSignOutReason(null);
    setPhase('app');
    // After the first-run setup the community has a name the status did not have yet.
    void api.call('auth.status', {}).then(setStatus, () => {});
  }, []);

  const unlocked = useCallback((info: SessionInfo) => {
    setSession(info);
    setLocked(false);
  }, []);

  const lock = useCallback(async () => {
    // Locked on screen first: even if the call fails (the service is away), nobody reads the screen.
    setLocked(true);
    try {
      await api.call('auth.lock', {});
    } catch {
      // `auth.no_session` is handled by the session-problem listener below.
    }
  }, []);

  // Calls from anywhere that find the session locked or gone.
  useEffect(
    () =>
      api.onSessionProblem((code) => {
        if (!sessionRef.current) return;
        if (code === 'auth.locked') setLocked(true);
        if (code === 'auth.no_session') void endSession(t('session.expired'));
      }),
    [endSession, t],
  );

  // One push-event stream per session, opened with its token.
  const token = session?.token ?? null;
  useEffect(() => {
    if (!token) return;
    return api.subscribe(events.emit);
  }, [token, events]);

  // The hall's settings (time zone, idle lock) once signed in.
  useEffect(() => {
    if (!token) return;
    let live = true;
    api
      .call('community.settings', {})
      .then((s) => live && setSettings(s))
      .catch(() => {
        // Defaults stay; the settings screen shows the failure where it matters.
      });
    return () => {
      live = false;
    };
  }, [token]);

  const refreshStatus = useCallback(async () => {
    await loadStatus();
  }, [loadStatus]);

  const refreshSession = useCallback(async () => {
    const info = await api.call('auth.session', {});
    setSession(info);
  }, []);

  const can = useCallback((permission: Permission) => !!session?.user.permissions.includes(permission), [session]);

  const value = useMemo(
    () => ({
      phase,
      bootError,
      status,
      session,
      settings,
      locked,
      signOutReason,
      events,
      retryBoot: () => void boot(),
      signedIn,
      signOut,
      lock,
      unlocked,
      can,
      refreshStatus,
      settingsChanged: setSettings,
      refreshSession,
    }),
    [phase, bootError, status, session, settings, locked, signOutReason, events, boot, signedIn, signOut, lock, unlocked, can, refreshStatus, refreshSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

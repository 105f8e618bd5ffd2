import { useEffect } from 'react';
import { useIdle } from '@mantine/hooks';
import { useSignedIn } from '../session-context';

// Keys count as activity (a clerk typing a long form never touches the mouse).
const activity: (keyof DocumentEventMap)[] = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart'];

/** Locks the screen after the hall's idle time; main locks the session on its side too. */
export function IdleLock() {
  const { settings, locked, lock } = useSignedIn();
  const idle = useIdle(settings.idleLockMinutes * 60_000, { events: activity, initialState: false });
  useEffect(() => {
    if (idle && !locked) void lock();
  }, [idle, locked, lock]);
  return null;
}

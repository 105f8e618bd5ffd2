import { useCallback, useContext, useEffect, useState } from 'react';
import type { RunningBackup } from '@shared/contract/backups';
import { api } from '../../api/client';
import { SessionContext } from '../../app/session-context';

/**
 * The backup being made now, or null: read once from backups.status, then followed through the session's
 * events (backup.started, backup.finished), so that a start-up backup of a district's file (its copy and
 * integrity check take minutes, off the main thread) shows on screen for as long as it runs.
 */
export function useRunningBackup(): RunningBackup | null {
  const events = useContext(SessionContext)?.events;
  const [running, setRunning] = useState<RunningBackup | null>(null);
  const reload = useCallback(() => {
    api.call('backups.status', {}).then(
      (status) => setRunning(status.running),
      // Not known now (the session locked, a refused call): nothing is claimed.
      () => setRunning(null),
    );
  }, []);

  useEffect(() => {
    reload();
    if (!events) return;
    return events.listen((name, payload) => {
      if (name === 'backup.started') setRunning(payload as RunningBackup);
      // Another backup may still be running: asked again.
      else if (name === 'backup.finished') reload();
    });
  }, [events, reload]);
  return running;
}

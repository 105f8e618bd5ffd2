import type { BackupRecord, RunningBackup } from '../../../shared/contract/backups';
import type { EventBus } from '../events';
import { newId } from '../util/ids';

/**
 * The backups this core is making now (the start-up one, the daily one, one a clerk asked for): what the
 * screens show while a copy and its integrity check run (minutes on a district's file) beside normal
 * work. Keyed by the core's event bus, which lives as long as the core.
 */
const runningByCore = new WeakMap<EventBus, Map<string, RunningBackup>>();

/** Marks a backup as started and says so to the screens; the returned function marks its end. */
export function startRunning(events: EventBus, kind: BackupRecord['kind'], at: Date): () => void {
  let running = runningByCore.get(events);
  if (!running) runningByCore.set(events, (running = new Map()));
  const key = newId();
  const backup: RunningBackup = { kind, startedAt: at.toISOString() };
  running.set(key, backup);
  events.emit('backup.started', backup);
  return () => void running.delete(key);
}

/** The backup running longest, or null. */
export function runningBackup(events: EventBus): RunningBackup | null {
  const running = runningByCore.get(events);
  if (!running || running.size === 0) return null;
  return [...running.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0]!;
}

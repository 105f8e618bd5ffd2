import type { WorkerEntry } from '../context';
import { startImportProcess, type ImportChild, type ImportProcessLauncher } from './import-process';

/**
 * How long a process started ahead of its use is kept for it. A clerk reads a preview for seconds to a
 * few minutes before pressing 导入; after this the process ends, and a later commit starts its own.
 */
export const WARM_PROCESS_KEEP_MS = 3 * 60_000;

interface Warm {
  child: ImportChild;
  timer: NodeJS.Timeout;
}

/** At most one per code and role: the next commit of any preview takes it. */
const warm = new Map<string, Warm>();

const keyOf = (entry: WorkerEntry, role: string) => `${role}\n${entry.path}\n${JSON.stringify(entry.execArgv ?? null)}`;

/**
 * Starts an import process now for a use that is likely to come (the commit, as its preview starts), so
 * that it has loaded its code by then: at 300,000 residents a commit process took 130–170 ms from its
 * start to serving, every one of them on the clerk's wait. It loads beside the preview and then waits,
 * idle (about 80 MB), for its start message; it is ended after `keepMs` if nothing has taken it, and
 * never keeps this process alive.
 * Nothing is started where one is kept already (its time starts again) or none can start.
 */
export function warmImportProcess(launch: ImportProcessLauncher | undefined, entry: WorkerEntry, role: string, keepMs = WARM_PROCESS_KEEP_MS): void {
  const key = keyOf(entry, role);
  const kept = warm.get(key);
  if (kept?.child.running()) {
    kept.timer.refresh();
    return;
  }
  if (kept) forget(key, kept);
  const child = startImportProcess(launch, entry, role);
  if (!child) return;
  child.unref();
  const timer = setTimeout(() => {
    const w = warm.get(key);
    if (w?.child !== child) return;
    forget(key, w);
    child.kill();
  }, keepMs);
  timer.unref();
  warm.set(key, { child, timer });
  child.onExit(() => {
    const w = warm.get(key);
    if (w?.child === child) forget(key, w);
  });
}

/** The process started ahead for this code and role, if it is still running (taken once); else null. */
export function takeWarmProcess(entry: WorkerEntry, role: string): ImportChild | null {
  const key = keyOf(entry, role);
  const kept = warm.get(key);
  if (!kept) return null;
  forget(key, kept);
  if (!kept.child.running()) return null;
  kept.child.ref();
  return kept.child;
}

/** Ends every process kept ahead (the app is closing, or a test is done). */
export function endWarmProcesses(): void {
  for (const [key, w] of warm) {
    forget(key, w);
    w.child.kill();
  }
}

function forget(key: string, w: Warm): void {
  clearTimeout(w.timer);
  warm.delete(key);
}

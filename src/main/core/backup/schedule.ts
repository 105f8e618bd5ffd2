import type { CoreServices } from '../context';
import { makeBackup } from './backup';

const HOUR = 3_600_000;
const system = { id: null, name: 'Linli' };

/**
 * Automatic backups for a host that keeps running (the app, `linli serve`): one at start-up, then one
 * whenever the newest verified automatic backup is a day old. Returns a function that stops it and resolves
 * once a backup already under way has finished, so the file is never closed beneath it.
 */
export function startBackupSchedule(core: () => CoreServices, checkEveryMs = HOUR): () => Promise<void> {
  let busy = false;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = (kind: 'startup' | 'daily') => {
    if (busy || stopped) return;
    current = run(kind);
  };
  const run = async (kind: 'startup' | 'daily') => {
    busy = true;
    try {
      const c = core();
      const setUp = await c.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (!setUp) return;
      if (kind === 'daily') {
        const last = await c.db
          .selectFrom('backups')
          .select('at')
          .where('kind', 'in', ['startup', 'daily'])
          .where('ok', '=', 1)
          .orderBy('at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last && c.now().getTime() - Date.parse(last.at) < 24 * HOUR) return;
      }
      const rec = await makeBackup(c, kind, system);
      if (!rec.ok) console.error(`[linli] automatic backup FAILED: ${rec.problem}`);
    } catch (err) {
      console.error('[linli] automatic backup FAILED:', err);
    } finally {
      busy = false;
    }
  };
  tick('startup');
  const timer = setInterval(() => tick('daily'), checkEveryMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    return current;
  };
}

import v8 from 'node:v8';
import vm from 'node:vm';
import { quietFor } from './activity';

/**
 * After a large piece of work whose garbage is big and short-lived (an import's upload: the request body,
 * its base64 string, the decoded bytes, the messages to the import's processes: some 60–90 MB), asks V8
 * for one full collection a moment later.
 *
 * Why: V8 frees old-generation garbage only in a full collection, and an idle server allocates too little
 * to cause one; its memory reducer, which hands unused heap pages back to the system, only starts after
 * one. Measured through `linli serve` after a 100,000-row import: once the serving process stayed at
 * 329 MiB for 30 s after it was done; once a collection happened to come, and it fell to 263 MiB.
 *
 * How: V8's `gc` function is only made with --expose-gc; turned on at run time, it is found in a new
 * context (as jest's leak detector does). Where that fails, nothing is done: the collection then comes
 * when V8 decides. One collection marks only what is alive (the server's own 40 MB or so): 40–50 ms,
 * once, during which the event loop stands still; so it waits for a quiet moment (util/activity.ts: no
 * call or job running, none for `quietMs`), looking every `checkMs`. A hall that never goes quiet for
 * `giveUpMs` gets none from here: V8 collects in its own time then, as it would have.
 */
export function collectGarbageSoon({ checkMs = 1000, quietMs = 2000, giveUpMs = 10 * 60 * 1000 } = {}): void {
  if (pending) return;
  const until = Date.now() + giveUpMs;
  pending = setInterval(() => {
    const now = Date.now();
    const quiet = quietFor(quietMs, now);
    if (!quiet && now < until) return;
    clearInterval(pending!);
    pending = null;
    if (!quiet) return;
    try {
      gcFunction()?.({ type: 'major' });
    } catch {
      // No collection now: V8 will make one in its own time.
    }
  }, checkMs);
  pending.unref?.();
}

let pending: ReturnType<typeof setInterval> | null = null;
let found: ((options?: { type: 'major' | 'minor' }) => void) | null | undefined;

function gcFunction(): typeof found {
  if (found !== undefined) return found;
  try {
    v8.setFlagsFromString('--expose-gc');
    found = vm.runInNewContext('gc') as typeof found;
  } catch {
    found = null;
  }
  return typeof found === 'function' ? found : (found = null);
}

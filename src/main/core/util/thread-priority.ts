import fs from 'node:fs';
import os from 'node:os';

/** Nice value for worker threads doing long background work: below the main thread, which stays at its own. */
const BACKGROUND_NICE = 10;

/**
 * Whether a worker thread can lower its own scheduling priority. On Linux each thread has its own nice
 * value, set through its thread id (/proc/thread-self). Elsewhere (Windows, macOS) os.setPriority would
 * change the whole process, the main thread included, so it is not done.
 */
export function threadsCanYieldToMain(): boolean {
  return process.platform === 'linux' && fs.existsSync('/proc/thread-self');
}

/**
 * Called inside a worker thread: puts this thread below the main thread in the scheduler, so that on a
 * machine with every core busy the main process still gets a core at once (otherwise it waits its turn
 * behind the workers: hundreds of milliseconds on two cores). Returns whether it could.
 */
export function yieldThisThreadToMain(): boolean {
  if (!threadsCanYieldToMain()) return false;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, Math.max(os.getPriority(tid), BACKGROUND_NICE));
    return true;
  } catch {
    return false;
  }
}

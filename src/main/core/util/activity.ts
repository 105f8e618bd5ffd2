/**
 * Whether the hall is using this process right now: calls being answered, jobs running, and when the
 * last of them ended. Housekeeping that stops the event loop for a moment (a full garbage collection,
 * collect-garbage.ts) waits until nobody has asked anything for a while, as Chromium schedules its own
 * collections in idle time, instead of landing in the middle of a clerk's search.
 */
let busy = 0;
let lastEnded = 0;

/** Marks the start of a call or a job; the returned function marks its end (once). */
export function beginActivity(): () => void {
  busy++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    busy--;
    lastEnded = Date.now();
  };
}

/** Nothing running, and nothing ended in the last `ms`. */
export function quietFor(ms: number, now = Date.now()): boolean {
  return busy === 0 && now - lastEnded >= ms;
}

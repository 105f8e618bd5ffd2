import { areaOf, type Area, type MethodName } from '@shared/contract';

/** The set a load is noting its calls' areas into, while it starts; null the rest of the time. */
let noting: Set<Area> | null = null;

/** Called by the client for every call: counts only while a load is starting. */
export function noteCall(method: MethodName): void {
  noting?.add(areaOf(method));
}

/**
 * Starts a load and tells which areas it reads: those of the calls it makes before its first `await`,
 * which is where a screen's load makes them (`() => api.call('residents.get', { id })`, or several in a
 * `Promise.all`). A call made only after an await is not seen, so a load keeps its calls up front.
 */
export function readingAreas<T>(start: () => Promise<T>): { result: Promise<T>; areas: ReadonlySet<Area> } {
  const areas = new Set<Area>();
  const outer = noting;
  noting = areas;
  try {
    return { result: start(), areas };
  } finally {
    noting = outer;
  }
}

/** Whether data read from `read` may differ after a write to `changed`. */
export function isAffected(read: ReadonlySet<Area>, changed: Area): boolean {
  // The audit trail gains a record with every write, whatever its area.
  return read.has(changed) || read.has('audit');
}

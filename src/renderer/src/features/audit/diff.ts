export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/**
 * Lines up a record's before and after, key by key. A value that is not an object (or absent) is one
 * row under the key ''. Keys keep the order they first appear in, after before before.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(before) && !isObj(after)) {
    if (before == null && after == null) return [];
    return [{ key: '', before, after, changed: !same(before, after) }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  // Something created (no before) or only described (no after) has nothing to compare: no marks.
  const compare = isObj(before) && isObj(after);
  return keys.map((key) => ({
    key,
    before: isObj(before) ? b[key] : undefined,
    after: isObj(after) ? a[key] : undefined,
    changed: compare && !same(b[key], a[key]),
  }));
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

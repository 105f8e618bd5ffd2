/** Reads a dotted path (`admin.password`) from nested plain objects. */
export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/** Returns a copy with the dotted path set, copying only the objects along the way. */
export function setPath<T>(source: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  return { ...base, [head]: rest.length ? setPath(base[head], rest.join('.'), value) : value } as T;
}

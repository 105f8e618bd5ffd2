import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and any missing parents, one level at a time. Node's `mkdirSync(…, { recursive: true })`
 * never returns for some unwritable places (a path under /proc spins forever); going level by level
 * fails at once with the real error, so a bad backup folder is reported instead of hanging the app.
 */
export function ensureFolder(folder: string, mode?: number): void {
  const target = path.resolve(folder);
  const missing: string[] = [];
  let current = target;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (missing.length === 0 && !fs.statSync(target).isDirectory()) {
    throw new Error(`${target} exists and is not a folder`);
  }
  for (const dir of missing) fs.mkdirSync(dir, mode === undefined ? undefined : { mode });
}

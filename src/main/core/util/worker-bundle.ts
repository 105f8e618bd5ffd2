/**
 * The path of a worker's bundled code, from its `*-worker-path.ts` module (electron-vite's `?modulePath`
 * import, which emits the worker as its own file), or null where there is none: under vitest or tsx the
 * import fails or gives no `.js` file, and the caller does the work in its own thread.
 */
export async function bundledWorkerPath(load: () => Promise<{ default: unknown }>): Promise<string | null> {
  try {
    const path = (await load()).default;
    return typeof path === 'string' && path.endsWith('.js') ? path : null;
  } catch {
    return null;
  }
}

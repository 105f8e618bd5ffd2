import { useCallback, useEffect, useRef, useState } from 'react';
import type { Area } from '@shared/contract';
import { readingAreas } from '../api/read-areas';
import { useRefreshOnChange } from './use-refresh-on-change';

export interface LoadOptions {
  /**
   * Load again, quietly, when another window, workstation or screen writes to an area this load reads
   * (`data.changed`). Default true. False for the starting values of a form: what the user is typing is
   * never replaced under them.
   */
  live?: boolean;
}

/**
 * Loads something for a screen and says how it went: data, the error, and `reload` for after a change.
 * A late answer to an earlier request never overwrites a newer one. A refresh after a write elsewhere
 * keeps showing the old data until the new arrives (no loader), so nothing on screen is unmounted. The
 * areas followed are those of the calls `load` makes before its first await (see readingAreas).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], { live = true }: LoadOptions = {}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const areasRead = useRef<ReadonlySet<Area>>(new Set());
  // The caller names what the load depends on, as with useEffect; the lint checks each caller's list
  // (exhaustive-deps' additionalHooks), which it cannot see through here.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller, checked there
  const run = useCallback(load, deps);

  const fetch = useCallback(
    async (quietly: boolean) => {
      const mine = ++generation.current;
      if (!quietly) setLoading(true);
      try {
        const { result, areas } = readingAreas(run);
        areasRead.current = areas;
        const value = await result;
        if (mine === generation.current) {
          setData(value);
          setError(null);
        }
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [run],
  );

  const reload = useCallback(() => fetch(false), [fetch]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const refresh = useCallback(() => void fetch(true), [fetch]);
  useRefreshOnChange(areasRead, refresh, live);

  return { data, error, loading, reload, setData };
}

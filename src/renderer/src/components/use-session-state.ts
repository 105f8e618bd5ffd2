import { useCallback, useState } from 'react';

/**
 * State that survives leaving the screen and coming back within this visit (sessionStorage): a clerk
 * opens a resident from a filtered list and returns to the same filters, not to a blank list.
 */
export function useSessionState<T>(key: string, initial: T) {
  const storageKey = `linli.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.sessionStorage.getItem(storageKey);
      return stored ? { ...initial, ...(JSON.parse(stored) as T) } : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        try {
          window.sessionStorage.setItem(storageKey, JSON.stringify(resolved));
        } catch {
          // Without storage the state simply lasts as long as the screen.
        }
        return resolved;
      });
    },
    [storageKey],
  );
  return [value, set] as const;
}

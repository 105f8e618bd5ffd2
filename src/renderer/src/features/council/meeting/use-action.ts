import { useCallback, useState } from 'react';

/**
 * One write on the meeting page: runs it, then reloads the page's view; a refusal stays on screen (in the
 * user's language) and nothing on the page pretends it was saved.
 */
export function useAction(reload: () => Promise<void> | void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (write: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await write();
        await reload();
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  return { run, error, busy, clearError: () => setError(null) };
}

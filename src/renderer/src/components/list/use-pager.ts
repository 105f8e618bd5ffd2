import { useCallback, useState } from 'react';

/**
 * Keyset paging: the server hands out an opaque `nextCursor`; going back means remembering the cursors
 * that led here. The stack's last entry is the cursor of the page on screen (null for page 1).
 *
 * `scope` names the query (filters and sort). When it changes the pager is back on page 1 in the same
 * render: an old cursor means nothing under a new order, and must never be sent with it.
 */
export function usePager(scope: string) {
  const [state, setState] = useState<{ scope: string; stack: (string | null)[] }>({ scope, stack: [null] });
  const stack = state.scope === scope ? state.stack : [null];
  const cursor = stack[stack.length - 1];
  const next = useCallback(
    (nextCursor: string | null) => {
      if (nextCursor) setState((s) => ({ scope, stack: s.scope === scope ? [...s.stack, nextCursor] : [null, nextCursor] }));
    },
    [scope],
  );
  const previous = useCallback(() => setState((s) => ({ scope, stack: s.scope === scope && s.stack.length > 1 ? s.stack.slice(0, -1) : [null] })), [scope]);
  return { cursor, page: stack.length, hasPrevious: stack.length > 1, next, previous };
}

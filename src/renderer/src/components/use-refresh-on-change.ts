import { useContext, useEffect, useRef, type RefObject } from 'react';
import type { Area } from '@shared/contract';
import type { EventMap } from '@shared/contract/events';
import { isAffected } from '../api/read-areas';
import { SessionContext } from '../app/session-context';

/**
 * Calls `refresh` when a write to one of the areas in `areasRead` is committed anywhere (`data.changed`).
 * Behind the lock a call would only be refused, so a change heard then is caught up on at unlock.
 */
export function useRefreshOnChange(areasRead: RefObject<ReadonlySet<Area>>, refresh: () => void, enabled: boolean) {
  const session = useContext(SessionContext);
  // Outside a signed-in session there is no event stream to follow.
  const events = session?.events;
  const locked = session?.locked ?? false;
  const lockedNow = useRef(locked);
  lockedNow.current = locked;
  const missed = useRef(false);

  useEffect(() => {
    if (!enabled || !events) return;
    return events.listen((name, payload) => {
      if (name !== 'data.changed' || !isAffected(areasRead.current, (payload as EventMap['data.changed']).area)) return;
      if (lockedNow.current) missed.current = true;
      else refresh();
    });
  }, [enabled, events, areasRead, refresh]);

  useEffect(() => {
    if (locked || !missed.current) return;
    missed.current = false;
    refresh();
  }, [locked, refresh]);
}

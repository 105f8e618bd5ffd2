import type { EventMap, EventName } from '@shared/contract/events';

export type AppEventListener = <K extends EventName>(name: K, payload: EventMap[K]) => void;

/**
 * Fans the session's one push-event stream out to whichever screens listen. One stream per session
 * (opened at sign-in) means a job's first events are not lost while a screen opens its own.
 */
export function createEventHub() {
  const listeners = new Set<AppEventListener>();
  return {
    emit: ((name, payload) => {
      for (const l of listeners) l(name, payload);
    }) as AppEventListener,
    listen(listener: AppEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;

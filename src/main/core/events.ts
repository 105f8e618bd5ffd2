import type { EventName, EventMap, PushEvent } from '../../shared/contract/events';

type Listener = (event: PushEvent) => void;

/** Push events for the hosts to deliver (IPC in Electron, server-sent events in `linli serve`). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: EventMap[K], sessionToken?: string): void {
    const event = { name, payload, sessionToken } as PushEvent;
    for (const l of this.listeners) {
      // One window or stream that cannot be told (closed mid-send) must not turn a committed write into a
      // failed call, nor keep the others from hearing of it.
      try {
        l(event);
      } catch (err) {
        console.error(`[linli] could not deliver ${name}:`, err);
      }
    }
  }
}

import type { Result } from '@shared/errors';
import type { LinliBridge } from '@shared/contract/bridge';
import type { EventName, EventMap } from '@shared/contract/events';
import type { ExportedFile } from '@shared/contract/reports';

export type EventListener = <K extends EventName>(name: K, payload: EventMap[K]) => void;

/** How calls leave the page: Electron's preload bridge, or fetch and server-sent events to `linli serve`. */
export interface Transport {
  kind: 'electron' | 'browser';
  call(method: string, input: unknown, sessionToken: string | null): Promise<Result<unknown>>;
  subscribe(sessionToken: string | null, listener: EventListener): () => void;
  /** Hands a finished export to the user: a save dialog, or a browser download. Returns where it went. */
  saveExport(file: ExportedFile, sessionToken: string): Promise<string | null>;
  chooseFolder: (() => Promise<string | null>) | null;
  chooseBackupFile: (() => Promise<string | null>) | null;
}

declare global {
  interface Window {
    linli?: LinliBridge;
  }
}

export function electronTransport(bridge: LinliBridge): Transport {
  return {
    kind: 'electron',
    call: (method, input, session) => bridge.call(method as never, input as never, session) as Promise<Result<unknown>>,
    subscribe(session, listener) {
      bridge.setSession(session);
      return bridge.onEvent(listener);
    },
    saveExport: (file, session) => bridge.host.saveExport(file, session),
    chooseFolder: () => bridge.host.chooseFolder(),
    chooseBackupFile: () => bridge.host.chooseBackupFile(),
  };
}

const eventNames: EventName[] = ['job.progress', 'job.done', 'job.failed', 'data.changed', 'backup.started', 'backup.finished'];
const KEY_STORAGE = 'linli.serveKey';

/**
 * `linli serve` hands the page a key in the address's fragment (`/#key=…`, never sent to a server) when a
 * link is opened; every call carries it. It is kept in this origin's storage (per port), so the other
 * tabs of this browser have it and pages on other ports do not, and taken out of the address at once.
 */
function serveKey(): string {
  const offered = /^#key=([\w-]+)$/.exec(window.location.hash);
  if (offered) {
    try {
      window.localStorage.setItem(KEY_STORAGE, offered[1]);
    } catch {
      // Storage refused (a private window's quota): the key still works for this page.
    }
    window.history.replaceState(null, '', window.location.pathname);
    return offered[1];
  }
  try {
    return window.localStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

// Taken when the page loads, before the hash router reads the address.
const pageKey = typeof window !== 'undefined' && !window.linli ? serveKey() : '';

export function browserTransport(): Transport {
  const key = pageKey;
  return {
    kind: 'browser',
    async call(method, input, session) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Linli-Key': key, ...(session ? { 'x-linli-session': session } : {}) },
          body: JSON.stringify({ method, input }),
        });
        if (res.status === 401) return { ok: false, error: { code: 'server.no_token', message: await res.text() } };
        const json = (res.headers.get('content-type') ?? '').includes('json');
        if (res.status === 403 && !json) return { ok: false, error: { code: 'server.forbidden', message: await res.text() } };
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'network', message: (err as Error).message } };
      }
    },
    subscribe(session, listener) {
      const source = new EventSource(`/api/events?session=${encodeURIComponent(session ?? '')}`);
      for (const name of eventNames) source.addEventListener(name, (e) => listener(name, JSON.parse((e as MessageEvent).data)));
      return () => source.close();
    },
    async saveExport(file, session) {
      const a = document.createElement('a');
      a.href = `/api/files/${encodeURIComponent(file.fileId)}?session=${encodeURIComponent(session)}`;
      a.download = file.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      return file.fileName;
    },
    chooseFolder: null,
    chooseBackupFile: null,
  };
}

export function detectTransport(): Transport {
  return window.linli ? electronTransport(window.linli) : browserTransport();
}

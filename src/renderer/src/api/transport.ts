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

const eventNames: EventName[] = ['job.progress', 'job.done', 'job.failed', 'data.changed', 'backup.finished'];

export function browserTransport(): Transport {
  return {
    kind: 'browser',
    async call(method, input, session) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(session ? { 'x-linli-session': session } : {}) },
          body: JSON.stringify({ method, input }),
        });
        if (res.status === 401) return { ok: false, error: { code: 'server.no_token', message: await res.text() } };
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

/**
 * The body of an import preview's worker thread, for any area: it reads the file and drafts its rows (most
 * of the allocation), and prepares rows (validation, encryption, look-up hashes: most of the CPU time) as
 * the area says, so that the main process stays free. It builds the app's own field cipher from the
 * database's key file; the pool (preview-pool.ts) checks that it holds the very key the app uses before
 * giving it work. The key never travels in a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import { loadOrCreateKey } from '../crypto/key-file';
import { yieldThisThreadToMain } from '../util/thread-priority';
import { PREVIEW_WORKER_ROLE, type PreviewWorkerInit } from './preview-threads';

export type PreviewRequest<Choice, Given> =
  { id: number; probe: string } | { id: number; read: { bytes: Uint8Array; choice: Choice } } | { id: number; prepare: Given[] };

export type PreviewReply<Event> =
  | { id: number; hash: string }
  | { id: number; event: Event }
  | { id: number; done: true }
  /**
   * A batch's prepared rows as JSON: V8 writes and reads JSON several times faster than it structured-clones
   * 500 objects of 40 properties each (which cost the receiving thread about 30 µs a row in postMessage).
   */
  | { id: number; preparedJson: string }
  | { id: number; error: ErrorPayload; app: boolean };

/** What an area's preview worker does: read a file into events (the head, then batches), and prepare rows. */
export interface PreviewWork<Choice, Event, Given, Prepared> {
  read(bytes: Buffer, choice: Choice, emit: (e: Event) => void): Promise<void>;
  prepare(given: Given, secrets: FieldCipher, today: string): Prepared;
}

/** Serves previews in this worker thread with the area's `work`, when this thread was started as a preview worker. */
export function servePreviewWorker<Choice, Event, Given, Prepared>(work: PreviewWork<Choice, Event, Given, Prepared>): void {
  const init = workerData as PreviewWorkerInit | null;
  if (!parentPort || init?.role !== PREVIEW_WORKER_ROLE) return;
  const port = parentPort;
  yieldThisThreadToMain();
  const secrets = createFieldCipher(loadOrCreateKey(init.keyFile));
  const reply = (r: PreviewReply<Event>) => port.postMessage(r);
  port.on('message', (m: PreviewRequest<Choice, Given>) => {
    const fail = (err: unknown) => {
      const app = err instanceof AppError;
      reply({ id: m.id, app, error: app ? err.toPayload() : { code: 'internal', message: (err as Error)?.message ?? String(err) } });
    };
    try {
      if ('probe' in m) reply({ id: m.id, hash: secrets.lookupHash(m.probe) });
      else if ('prepare' in m) reply({ id: m.id, preparedJson: JSON.stringify(m.prepare.map((given) => work.prepare(given, secrets, init.today))) });
      else {
        const { bytes, choice } = m.read;
        const emit = (event: Event) => reply({ id: m.id, event });
        work.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), choice, emit).then(() => reply({ id: m.id, done: true }), fail);
      }
    } catch (err) {
      fail(err);
    }
  });
}

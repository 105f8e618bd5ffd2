/**
 * A worker thread for large previews (residents.importPreview): it reads the file and drafts its rows
 * (htmlparser2 or csv-parse: most of the allocation), and makes rows' first passes (validation, encryption,
 * look-up hash, pinyin: most of the CPU time), so that the main process stays free. It builds the app's
 * own field cipher from the database's key file, as the seed's workers do; the pool checks that it holds
 * the very key the app uses before giving it work. The key never travels in a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { yieldThisThreadToMain } from '../../../util/thread-priority';
import { AppError, type ErrorPayload } from '../../../../../shared/errors';
import { createFieldCipher } from '../../../crypto/field-cipher';
import { loadOrCreateKey } from '../../../crypto/key-file';
import type { ResidentFields } from '../prepare';
import { firstPass, type FirstPass } from './first-pass';
import { readForPreview, type ColumnChoice, type PreviewReadEvent } from './preview-read';
import { packRows, type PackedRows } from './row-batches';

export interface PreviewWorkerInit {
  role: 'linli-import-preview';
  keyFile: string;
  today: string;
}

export type PreviewRequest =
  | { id: number; probe: string }
  | { id: number; read: { bytes: Uint8Array; columns: ColumnChoice } }
  | { id: number; prepare: Partial<ResidentFields>[] };

/** What the reading worker sends: the head, then each batch already serialized (see row-batches.ts). */
export type PreviewWorkerEvent = Extract<PreviewReadEvent, { kind: 'head' }> | { kind: 'batch'; batch: PackedRows };

export type PreviewReply =
  | { id: number; hash: string }
  | { id: number; event: PreviewWorkerEvent }
  | { id: number; done: true }
  /**
   * A batch's first passes as JSON: V8 writes and reads JSON several times faster than it structured-clones
   * 500 objects of 40 properties each (which cost this thread about 30 µs a row in postMessage).
   */
  | { id: number; passesJson: string }
  | { id: number; error: ErrorPayload; app: boolean };

const init = workerData as PreviewWorkerInit | null;
if (parentPort && init?.role === 'linli-import-preview') {
  const port = parentPort;
  yieldThisThreadToMain();
  const secrets = createFieldCipher(loadOrCreateKey(init.keyFile));
  const reply = (r: PreviewReply) => port.postMessage(r);
  port.on('message', (m: PreviewRequest) => {
    const fail = (err: unknown) => {
      const app = err instanceof AppError;
      reply({ id: m.id, app, error: app ? err.toPayload() : { code: 'internal', message: (err as Error)?.message ?? String(err) } });
    };
    try {
      if ('probe' in m) reply({ id: m.id, hash: secrets.lookupHash(m.probe) });
      else if ('prepare' in m) reply({ id: m.id, passesJson: JSON.stringify(m.prepare.map((given) => firstPass(given, secrets, init.today))) });
      else {
        const { bytes, columns } = m.read;
        const emit = (e: PreviewReadEvent) => reply({ id: m.id, event: e.kind === 'head' ? e : { kind: 'batch', batch: packRows(e.first, e.rows, e.drafts) } });
        readForPreview(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), columns, emit).then(() => reply({ id: m.id, done: true }), fail);
      }
    } catch (err) {
      fail(err);
    }
  });
}

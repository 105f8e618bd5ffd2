/**
 * The worker thread for large residents previews: the shared preview worker (core/import/preview-worker-host.ts)
 * reading a register (each batch handed over serialized, row-batches.ts) and making rows' first passes
 * (validation, encryption, look-up hash, pinyin).
 */
import { servePreviewWorker } from '../../../import/preview-worker-host';
import type { ResidentFields } from '../prepare';
import { firstPass, type FirstPass } from './first-pass';
import { readForPreview, type ColumnChoice, type PreviewReadEvent } from './preview-read';
import { packRows, type PackedRows } from './row-batches';

/** What the reading worker sends: the head, then each batch already serialized (see row-batches.ts). */
export type PreviewWorkerEvent = Extract<PreviewReadEvent, { kind: 'head' }> | { kind: 'batch'; batch: PackedRows };

servePreviewWorker<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>({
  read: (bytes, columns, emit) => readForPreview(bytes, columns, (e) => emit(e.kind === 'head' ? e : { kind: 'batch', batch: packRows(e.first, e.rows, e.drafts) })),
  prepare: (given, secrets, today) => firstPass(given, secrets, today),
});

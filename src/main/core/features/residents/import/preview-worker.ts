/**
 * The worker thread for large residents previews: the shared preview worker (core/import/preview-worker-host.ts)
 * serving the register's import (definition.ts): reading a register (each batch handed over serialized,
 * core/import/packed-rows.ts) and making rows' first passes (validation, encryption, look-up hash, pinyin).
 */
import type { PackedReadEvent } from '../../../import/define';
import { residentsImport } from './definition';
import type { ResolvedMapping } from './mapping';

/** What the reading worker sends: the head, then each batch already serialized. */
export type PreviewWorkerEvent = PackedReadEvent<ResolvedMapping>;

residentsImport.serveWorkers();

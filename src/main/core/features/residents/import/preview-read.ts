import type { ImportConstants, ImportMapping } from '../../../../../shared/contract/residents/imports';
import type { RowDraft } from './draft';
import type { ResolvedMapping } from './mapping';
import { IMPORT_BATCH_ROWS, type BatchEvent } from '../../../import/read-batches';
import { residentsImport } from './definition';

/** Which column is which field (absent: by the headers), and one value for every row for fields without a column. */
export interface ColumnChoice {
  mapping?: ImportMapping;
  constants?: ImportConstants;
}

/** Rows per batch handed over while reading. */
export const PREVIEW_BATCH_ROWS = IMPORT_BATCH_ROWS;

/** What reading for a preview produces, in order: the head once, then the rows in batches, drafted. */
export type PreviewReadEvent = BatchEvent<ResolvedMapping, RowDraft>;

/** A register read for a preview (core/import/read-batches.ts): its header found and mapped, each row drafted. */
export function readForPreview(bytes: Buffer, columns: ColumnChoice, emit: (e: PreviewReadEvent) => void, batchRows = PREVIEW_BATCH_ROWS): Promise<void> {
  return residentsImport.read(bytes, columns, emit, batchRows);
}

import type { ImportChoices, ImportPreview } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import { newId } from '../../../util/ids';
import { hallDay } from '../../../time/hall-day';
import { planPreview, type PreviewPlanned, type PreviewRequest } from './preview-plan';
import { residentsImport } from './definition';
import { residentsImportWorkers } from './workers';
import { importStore, type ImportSession } from './store';
import { removeSpill } from '../../../import/spill';
import { collectGarbageSoon } from '../../../util/collect-garbage';

export { PREVIEW_ROWS } from './preview-plan';

/**
 * From this size on, the file is previewed in a child process of its own (core/import/preview-process.ts),
 * which reads it and prepares its rows in its worker threads. A smaller file (a few thousand rows) is done
 * in a second or two in this thread, in slices, sooner than a process would start.
 */
export const WORKER_MIN_BYTES = 512 * 1024;

/**
 * Reads the file, maps its columns and plans every row against the registry as it is now, without
 * writing anything. The batches go to a spill file (core/import/spill.ts) for the commit and the error
 * report, so the file is read once; this process keeps the preview's summary (for an hour, for this
 * session) and the rejected rows' plans.
 *
 * A large file is previewed in a child process (its heaps, its worker threads' and its page cache end
 * with it: issue 10), else here, in slices. Where no process can run, the same steps run here. Either way
 * the result is the same.
 */
export async function previewImport(ctx: HandlerContext, fileName: string, bytes: Buffer, choices: ImportChoices): Promise<ImportPreview> {
  const session = ctx.requireSession();
  const { today } = await hallDay(ctx);
  // The registry as the plans will find it: if it is still so at commit, the commit writes these plans.
  const mark = residentsImport.mark(ctx.sqlite);
  const request: PreviewRequest = { bytes, choices, today };
  const inProcess = bytes.length >= (ctx.workers.importPreviewFromBytes ?? WORKER_MIN_BYTES);
  // The commit process starts loading now, so that it is ready when the clerk presses 导入 (warm-process.ts).
  await residentsImportWorkers.warmCommit(ctx);
  let planned: PreviewPlanned;
  try {
    planned =
      (inProcess ? await residentsImportWorkers.preview<PreviewRequest, PreviewPlanned>(ctx, request, today) : null) ??
      (await planHere(ctx, request, bytes.length >= WORKER_MIN_BYTES));
  } finally {
    // The upload (its body, base64 and bytes) is garbage once answered: collected, not kept for V8's own time.
    if (bytes.length >= WORKER_MIN_BYTES) collectGarbageSoon();
  }
  const { head, resolved, spill } = planned;

  const importId = newId();
  const kept: ImportSession = {
    importId,
    ownerToken: session.token,
    createdAt: ctx.now().getTime(),
    fileName,
    sheetName: head.sheetName,
    headerRow: head.headerRow,
    headers: head.headers,
    mapping: resolved.mapping,
    constants: resolved.constants,
    createPlaces: choices.createPlaces === true,
    compoundAliases: choices.compoundAliases ?? {},
    totalRows: planned.totalRows,
    counts: planned.counts,
    rejected: new Map(planned.rejected),
    spill,
    registryMark: mark,
    state: 'previewed',
    release: () => removeSpill(spill),
  };
  importStore(ctx.sqlite).put(kept, ctx.now().getTime());
  return {
    importId,
    fileName,
    sheetName: head.sheetName,
    headers: head.headers,
    mapping: resolved.mapping,
    unmappedHeaders: resolved.unmappedHeaders,
    constants: resolved.constants,
    createPlaces: kept.createPlaces,
    compoundAliases: kept.compoundAliases,
    newPlaces: planned.newPlaces,
    totalRows: planned.totalRows,
    counts: planned.counts,
    rows: planned.rows,
  };
}

/** The preview in this thread, on the app's connection: with the preview's worker threads for a large file. */
async function planHere(ctx: HandlerContext, request: PreviewRequest, large: boolean): Promise<PreviewPlanned> {
  const workers = large ? await residentsImportWorkers.previewWorkers(ctx, request.today) : null;
  try {
    return await planPreview(ctx, request, workers);
  } finally {
    await workers?.close();
  }
}

/** The upload as bytes (a data: URL prefix is dropped). Bytes that are not a spreadsheet are refused by the reader. */
export function decodeUpload(contentBase64: string): Buffer {
  const clean = contentBase64.replace(/^data:[^,]*,/, '');
  return Buffer.from(clean, 'base64');
}

import type { ImportChoices, ImportPreview, ImportPreviewRow } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import { newId } from '../../../util/ids';
import { hallDay } from '../../../time/hall-day';
import { RegistryLookups } from './lookups';
import type { ResolvedMapping } from './mapping';
import { newPlacesSummary } from './new-places';
import { keptPlan, PlanContext, type KeptPlan, type PlannedRow } from './plan';
import type { PreviewWorkers } from '../../../import/preview-pool';
import { readForPreview, type PreviewReadEvent } from './preview-read';
import type { PreviewWorkerEvent } from './preview-worker';
import type { ColumnChoice } from './preview-read';
import type { FirstPass } from './first-pass';
import type { ResidentFields } from '../prepare';
import { batchDrafts, packPrepared, packRows, packWrites, type StoredBatch } from './row-batches';
import { residentsImport } from './definition';
import { residentsImportWorkers } from './workers';
import type { SheetHead } from '../../../spreadsheet/sheet';
import { Slicer } from '../../../spreadsheet/slices';
import { importStore } from './store';

/** Rejected rows first, then the first of the others: at most this many rows go back to the screen. */
export const PREVIEW_ROWS = 500;
/**
 * From this size on, the file is read and its rows prepared in worker threads. A smaller file (a few
 * thousand rows) is done in a second or two in this thread, in slices, sooner than workers would start.
 */
export const WORKER_MIN_BYTES = 512 * 1024;
/** The planning here holds the thread at most this long at a time (DESIGN.md: never more than ~100 ms). */
const PLAN_SLICE_MS = 25;

/**
 * Reads the file, maps its columns and plans every row against the registry as it is now, without
 * writing anything. The plans stay in memory (for an hour, for this session) for the commit and the
 * error report, so the file is read once.
 *
 * A large file is read and its rows prepared (encryption, pinyin) in worker threads, batch by batch, while
 * this thread plans each batch against the registry as it arrives, in file order and in short slices.
 * Where workers cannot run, the same steps run here, sliced the same way. Either way the result is the same.
 */
export async function previewImport(ctx: HandlerContext, fileName: string, bytes: Buffer, choices: ImportChoices): Promise<ImportPreview> {
  const session = ctx.requireSession();
  const { today } = await hallDay(ctx);
  // The registry as the plans will find it: if it is still so at commit, the commit writes these plans.
  const mark = residentsImport.mark(ctx.sqlite);
  const workers = bytes.length >= WORKER_MIN_BYTES ? await residentsImportWorkers.previewWorkers(ctx, today) : null;
  let read: ReadAndPlanned;
  try {
    read = await readAndPlan(ctx, today, bytes, choices, workers);
  } finally {
    await workers?.close();
  }
  const { head, resolved, batches, plans, shown, planCtx } = read;

  const importId = newId();
  importStore(ctx.sqlite).put(
    {
      importId,
      ownerToken: session.token,
      createdAt: ctx.now().getTime(),
      fileName,
      sheetName: head.sheetName,
      headerRow: head.headerRow,
      headers: head.headers,
      mapping: resolved.mapping,
      batches,
      plans,
      newHouseholds: planCtx.newHouseholds,
      constants: resolved.constants,
      createPlaces: planCtx.places.create,
      compoundAliases: choices.compoundAliases ?? {},
      newPlaces: planCtx.places.planned,
      registryMark: mark,
      state: 'previewed',
    },
    ctx.now().getTime(),
  );
  return {
    importId,
    fileName,
    sheetName: head.sheetName,
    headers: head.headers,
    mapping: resolved.mapping,
    unmappedHeaders: resolved.unmappedHeaders,
    constants: resolved.constants,
    createPlaces: planCtx.places.create,
    compoundAliases: choices.compoundAliases ?? {},
    newPlaces: newPlacesSummary(planCtx.places.planned),
    totalRows: plans.length,
    counts: countActions(plans),
    rows: [...shown.rejected, ...shown.others].slice(0, PREVIEW_ROWS),
  };
}

interface ReadAndPlanned {
  head: SheetHead;
  resolved: ResolvedMapping;
  batches: StoredBatch[];
  plans: KeptPlan[];
  /** The rows shown on the screen: every rejected row, then the first of the others (PREVIEW_ROWS in all). */
  shown: { rejected: ImportPreviewRow[]; others: ImportPreviewRow[] };
  planCtx: PlanContext;
}

type Head = Extract<PreviewReadEvent, { kind: 'head' }>;

/**
 * Reads (in a worker, or here) and plans each batch as it comes. Planning is chained batch after batch,
 * so rows are planned in file order (duplicates inside the file are found on the later row), and it
 * yields whenever it has held the thread for PLAN_SLICE_MS. A batch's rows and drafts are kept
 * serialized (row-batches.ts); only its plans stay here as objects.
 */
/** The preview's worker threads, reading registers and making first passes. */
type ResidentsPreviewWorkers = PreviewWorkers<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>;

async function readAndPlan(
  ctx: HandlerContext,
  today: string,
  bytes: Buffer,
  choices: ImportChoices,
  workers: ResidentsPreviewWorkers | null,
): Promise<ReadAndPlanned> {
  const placeChoice = { create: choices.createPlaces === true, aliases: choices.compoundAliases ?? {} };
  const planCtx = new PlanContext(new RegistryLookups(ctx.sqlite), ctx.secrets, today, undefined, placeChoice);
  const columns = { mapping: choices.mapping, constants: choices.constants };
  const batches: StoredBatch[] = [];
  const plans: KeptPlan[] = [];
  const shown: ReadAndPlanned['shown'] = { rejected: [], others: [] };
  const slicer = new Slicer(PLAN_SLICE_MS);
  let head: Head | null = null;
  let planning: Promise<void> = Promise.resolve();
  let stopped = false;

  const onEvent = (e: PreviewReadEvent | PreviewWorkerEvent) => {
    if (e.kind === 'head') {
      head = e;
      return;
    }
    // From a worker the batch comes serialized, and its drafts are opened to plan them; read here, it
    // comes as objects, and is serialized once planned.
    const drafts = e.kind === 'batch' ? batchDrafts(e.batch) : e.drafts;
    const passes = workers?.prepare(drafts.map(residentsImport.rowSchema.given)) ?? null;
    passes?.catch(() => {}); // awaited below, in turn
    planning = planning.then(async () => {
      const pre = passes ? await passes : null;
      const prepared: PlannedRow['prepared'][] = [];
      const writes: PlannedRow['write'][] = [];
      for (let i = 0; i < drafts.length; i++) {
        if (stopped) return;
        const plan = residentsImport.plan(drafts[i], planCtx, undefined, pre?.[i]);
        plans.push(keptPlan(plan));
        prepared.push(plan.prepared);
        writes.push(plan.write);
        const list = plan.action === 'reject' ? shown.rejected : shown.others;
        if (list.length < PREVIEW_ROWS) list.push(previewRow(plan));
        if (slicer.due()) await slicer.pause();
      }
      batches.push({ ...(e.kind === 'batch' ? e.batch : packRows(e.first, e.rows, e.drafts)), prepared: packPrepared(prepared), writes: packWrites(writes) });
    });
    planning.catch(() => {}); // awaited below, once reading is done
  };

  try {
    await (workers ? workers.read(bytes, columns, onEvent) : readForPreview(bytes, columns, onEvent));
    await planning;
  } finally {
    stopped = true;
  }
  const found = head as Head | null;
  if (!found) throw new Error('import preview: the file was read without a header');
  return { head: found.head, resolved: found.resolved, batches, plans, shown, planCtx };
}

export function countActions(plans: readonly KeptPlan[]): ImportPreview['counts'] {
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0 };
  for (const p of plans) counts[p.action]++;
  return counts;
}

function previewRow(p: PlannedRow): ImportPreviewRow {
  return { row: p.row, action: p.action, name: p.name, idMasked: p.idMasked, address: p.address, problems: p.problems };
}

/** The upload as bytes (a data: URL prefix is dropped). Bytes that are not a spreadsheet are refused by the reader. */
export function decodeUpload(contentBase64: string): Buffer {
  const clean = contentBase64.replace(/^data:[^,]*,/, '');
  return Buffer.from(clean, 'base64');
}

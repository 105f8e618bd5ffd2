import type { ImportChoices, ImportPreview, ImportPreviewRow } from '../../../../../shared/contract/residents/imports';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type SqliteDatabase from 'better-sqlite3';
import type { PreviewWorkers } from '../../../import/preview-pool';
import { startPreviewWorkers } from '../../../import/preview-pool';
import type { PreviewStore } from '../../../import/preview-process';
import { SpillWriter, type SpillRef } from '../../../import/spill';
import type { SheetHead } from '../../../spreadsheet/sheet';
import { Slicer } from '../../../spreadsheet/slices';
import type { ResidentFields } from '../prepare';
import type { FirstPass } from './first-pass';
import { RegistryLookups } from './lookups';
import type { ResolvedMapping } from './mapping';
import { newPlacesSummary } from './new-places';
import { keptPlan, PlanContext, planRow, type KeptPlan, type PlannedRow } from './plan';
import { readForPreview, type ColumnChoice, type PreviewReadEvent } from './preview-read';
import type { PreviewWorkerEvent } from './preview-worker';
import { batchDrafts, packPrepared, packRows, packWrites } from './row-batches';
import type { CommitBatch, PreviewTail } from './commit-write';

/** Rejected rows first, then the first of the others: at most this many rows go back to the screen. */
export const PREVIEW_ROWS = 500;
/** The planning holds its thread at most this long at a time (DESIGN.md: never more than ~100 ms). */
const PLAN_SLICE_MS = 25;

/** What a preview is asked: the upload, the user's choices, and the hall's day. */
export interface PreviewRequest {
  bytes: Uint8Array;
  choices: ImportChoices;
  today: string;
}

/**
 * What a preview gives back to the serving process: what the screen shows, the rejected rows' plans (for
 * the commit's refusals and the error report), and where its batches are (the spill file). Every other
 * row's plan is in the spill, with its batch.
 */
export interface PreviewPlanned {
  head: SheetHead;
  resolved: ResolvedMapping;
  totalRows: number;
  counts: ImportPreview['counts'];
  newPlaces: ImportPreview['newPlaces'];
  /** Every rejected row, then the first of the others (PREVIEW_ROWS in all). */
  rows: ImportPreviewRow[];
  rejected: [number, KeptPlan][];
  spill: SpillRef;
}

/** The preview's worker threads, reading registers and making first passes. */
export type ResidentsPreviewWorkers = PreviewWorkers<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>;

type Head = Extract<PreviewReadEvent, { kind: 'head' }>;

/** The preview in a preview process (core/import/preview-process.ts), with worker threads there where the bundle has them. */
export async function planPreviewInProcess(store: PreviewStore, request: PreviewRequest): Promise<PreviewPlanned> {
  const workers = await startPreviewWorkers<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>({
    entry: store.threads,
    keyFile: store.keyFile,
    today: request.today,
    secrets: store.secrets,
  });
  try {
    return await planPreview(store, request, workers);
  } finally {
    await workers?.close();
  }
}

/**
 * Reads the file (in a worker, or here) and plans each batch against the registry as it comes, without
 * writing anything. Planning is chained batch after batch, so rows are planned in file order (duplicates
 * inside the file are found on the later row), and it yields whenever it has held the thread for
 * PLAN_SLICE_MS. Each planned batch goes to the spill file (its rows, drafts, prepared values, planned
 * writes and plans) and is let go here; what stays is the screen's rows and the rejected plans.
 */
export async function planPreview(
  store: { sqlite: SqliteDatabase.Database; secrets: FieldCipher },
  request: PreviewRequest,
  workers: ResidentsPreviewWorkers | null,
): Promise<PreviewPlanned> {
  const { choices, today } = request;
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const placeChoice = { create: choices.createPlaces === true, aliases: choices.compoundAliases ?? {} };
  const planCtx = new PlanContext(new RegistryLookups(store.sqlite), store.secrets, today, undefined, placeChoice);
  const columns = { mapping: choices.mapping, constants: choices.constants };
  const spill = new SpillWriter();
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0 };
  const rejected: [number, KeptPlan][] = [];
  const shown: { rejected: ImportPreviewRow[]; others: ImportPreviewRow[] } = { rejected: [], others: [] };
  const slicer = new Slicer(PLAN_SLICE_MS);
  let totalRows = 0;
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
    const passes = workers?.prepare(drafts.map((d) => d.given)) ?? null;
    passes?.catch(() => {}); // awaited below, in turn
    planning = planning.then(async () => {
      const pre = passes ? await passes : null;
      // The batch's stored people in one query (their hashes come with the first passes).
      if (pre) planCtx.lookups.findByHashes(pre.flatMap((p) => (p.hash ? [p.hash] : [])));
      planCtx.lookups.findHouseholds(drafts.flatMap((d) => (d.householdNumber ? [d.householdNumber] : [])));
      // …and the places they name, as planRow asks for them (a place with its building and room).
      planCtx.lookups.findPlaces(
        drafts.flatMap(({ place: p }) =>
          p?.building && p.room ? [{ compound: planCtx.places.compoundName(p.compound), building: p.building, unit: p.unit, room: p.room }] : [],
        ),
      );
      const prepared: PlannedRow['prepared'][] = [];
      const writes: PlannedRow['write'][] = [];
      const plans: KeptPlan[] = [];
      const first = totalRows;
      for (let i = 0; i < drafts.length; i++) {
        if (stopped) return;
        const plan = planRow(drafts[i], planCtx, undefined, pre?.[i]);
        const kept = keptPlan(plan);
        plans.push(kept);
        prepared.push(plan.prepared);
        writes.push(plan.write);
        counts[plan.action]++;
        if (plan.action === 'reject') rejected.push([first + i, kept]);
        const list = plan.action === 'reject' ? shown.rejected : shown.others;
        if (list.length < PREVIEW_ROWS) list.push(previewRow(plan));
        if (slicer.due()) await slicer.pause();
      }
      planCtx.lookups.forgetAhead();
      totalRows += drafts.length;
      const packed = e.kind === 'batch' ? e.batch : packRows(e.first, e.rows, e.drafts);
      const batch: CommitBatch = { batch: { ...packed, prepared: packPrepared(prepared), writes: packWrites(writes) }, plans };
      spill.append(batch, { first: packed.first, count: packed.count });
    });
    planning.catch(() => {}); // awaited below, once reading is done
  };

  try {
    await (workers ? workers.read(bytes, columns, onEvent) : readForPreview(bytes, columns, onEvent));
    await planning;
    const found = head as Head | null;
    if (!found) throw new Error('import preview: the file was read without a header');
    const tail: PreviewTail = { newHouseholds: planCtx.newHouseholds, newPlaces: planCtx.places.planned };
    return {
      head: found.head,
      resolved: found.resolved,
      totalRows,
      counts,
      newPlaces: newPlacesSummary(planCtx.places.planned),
      rows: [...shown.rejected, ...shown.others].slice(0, PREVIEW_ROWS),
      rejected,
      spill: spill.finish(tail),
    };
  } catch (err) {
    spill.discard();
    throw err;
  } finally {
    stopped = true;
  }
}

function previewRow(p: PlannedRow): ImportPreviewRow {
  return { row: p.row, action: p.action, name: p.name, idMasked: p.idMasked, address: p.address, problems: p.problems };
}

import { AppError } from '../../../../../shared/errors';
import type { ImportResult } from '../../../../../shared/contract/residents/imports';
import type { ResidentsTable } from '../../../db/schema';
import { appendAudit } from '../../../audit/repository';
import { newId } from '../../../util/ids';
import type { Actor } from '../write';
import { RegistryLookups } from './lookups';
import { keptPlan, PlanContext, planRow, type KeptPlan, type PlannedRow } from './plan';
import { batchDrafts, batchPrepared, batchWrites, type StoredBatch } from './row-batches';
import { registryMark } from './registry-mark';
import { forEachSliced } from '../../../spreadsheet/slices';
import { recomputeTouchedVisits } from './visits';
import { checkReferences, lastRowid, withoutForeignKeyEnforcement } from '../../../import/references';
import { ImportWriter } from './write-rows';
import type { CommitHooks, CommitStore } from '../../../import/commit-worker-host';
import type { PlannedPlaces } from './new-places';

export type ImportMode = 'valid_rows' | 'all_or_nothing';

/**
 * What a commit writes, besides the rows: plain values, handed to the commit process. What the preview
 * planned for the whole file (PreviewTail) is not among them: the commit reads it from the spill itself.
 */
export interface CommitWork {
  importId: string;
  fileName: string;
  sheetName: string | null;
  mode: ImportMode;
  today: string;
  timeZone: string;
  /** When the commit started (ISO): every row, event and the audit record carry it. */
  at: string;
  actor: Actor;
  workstation: string;
  totalRows: number;
  /** The registry's mark when the preview planned (registry-mark.ts). */
  registryMark: string;
  /** Whether missing places are created, and the compound spellings mapped to existing ones. */
  createPlaces: boolean;
  compoundAliases: Record<string, string>;
}

/**
 * What the preview planned for the whole file, kept after its batches (the spill's tail): the commit reads
 * it back where it runs (hooks.previewTail), so that the serving process neither decrypts nor re-sends it
 * (30,000 households for 100,000 rows: some 40 ms of its main thread).
 */
export interface PreviewTail {
  /** 户号 → the household the preview planned for it. */
  newHouseholds: Map<string, { id: string; houseId: string | null }>;
  /** The places the preview planned. */
  newPlaces: PlannedPlaces;
}

/** One batch of the preview and what was kept of its rows' plans (plans[j] is row batch.first + j). */
export interface CommitBatch {
  batch: StoredBatch;
  plans: KeptPlan[];
}

export interface CommitOutcome {
  counts: ImportResult;
  /** Rows whose plan at commit differs from the preview's (a change made in between): index → plan. */
  replanned: [number, KeptPlan][];
}

/** What the import wrote besides new rows (found by rowid): whose references to check before COMMIT. */
interface Written {
  updated: string[];
  tagged: string[];
}

/**
 * Writes a previewed import as ONE transaction on `store`'s connection: BEGIN IMMEDIATE, every row
 * planned again against the registry as it is now (reusing the preview's prepared values where the
 * stored person has not changed, so a change made since the preview is not written over) and written
 * with prepared statements, the touched households' next visits, the references of every row written
 * checked (references.ts: once per table, not per statement), the audit record, COMMIT. Cancelling
 * between slices, or any failure, rolls everything back. The same code runs in a worker thread on its
 * own connection (commit-worker.ts) or, where no worker can run, in the calling thread.
 */
export function writeImport(
  store: CommitStore,
  work: CommitWork,
  batches: AsyncIterable<CommitBatch> | Iterable<CommitBatch>,
  hooks: CommitHooks,
): Promise<CommitOutcome> {
  return withoutForeignKeyEnforcement(store.sqlite, () => writeInOneTransaction(store, work, batches, hooks));
}

async function writeInOneTransaction(
  store: CommitStore,
  work: CommitWork,
  batches: AsyncIterable<CommitBatch> | Iterable<CommitBatch>,
  hooks: CommitHooks,
): Promise<CommitOutcome> {
  const { sqlite } = store;
  const tail = hooks.previewTail<PreviewTail>();
  if (!tail) throw new Error('import: the preview kept no plan of its households and places');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const rowsBefore = { residents: lastRowid(sqlite, 'residents'), events: lastRowid(sqlite, 'resident_events'), households: lastRowid(sqlite, 'households') };
    const written: Written = { updated: [], tagged: [] };
    // Nothing written since the preview planned: its plans are written as they are. Else each row is
    // planned again against the registry as it is now.
    const asPreviewed = registryMark(sqlite) === work.registryMark;
    const counts: ImportResult = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
    const replanned: [number, KeptPlan][] = [];
    const planCtx = new PlanContext(new RegistryLookups(sqlite), store.secrets, work.today, tail.newHouseholds, {
      create: work.createPlaces,
      aliases: work.compoundAliases,
      planned: tail.newPlaces,
    });
    // The preview's planned places, and any a plan made again here adds.
    const planned = planCtx.places.planned;
    const since = { ...rowsBefore, grids: lastRowid(sqlite, 'grids'), buildings: lastRowid(sqlite, 'buildings'), houses: lastRowid(sqlite, 'houses') };
    const writer = new ImportWriter(sqlite, work.actor, work.at);
    const touched = new Set<string>();
    hooks.progress(0, work.totalRows);
    const count = (plan: Pick<PlannedRow, 'action' | 'row'>) => {
      if (plan.action === 'reject') {
        if (work.mode === 'all_or_nothing')
          throw new AppError('import.has_rejects', 'A row became invalid since the preview', { params: { count: 1, row: plan.row } });
        counts.rejected++;
      } else if (plan.action === 'unchanged') counts.unchanged++;
      else if (plan.action === 'add') counts.added++;
      else counts.updated++;
    };
    const between = (first: number) => (done: number) => {
      hooks.progress(first + done, work.totalRows);
      hooks.checkCancelled();
    };
    for await (const { batch, plans } of batches) {
      const prepared = batchPrepared(batch);
      if (asPreviewed) {
        const writes = batchWrites(batch);
        await forEachSliced(
          plans,
          (kept, j) => {
            count(kept);
            const w = writes[j];
            if (w && (kept.action === 'add' || kept.action === 'update'))
              writeRow(
                { ...kept, write: { ...w, prepared: prepared[j]! }, prepared: prepared[j] },
                writer,
                touched,
                written,
                work,
                planned,
                tail.newHouseholds,
              );
          },
          between(batch.first),
        );
        continue;
      }
      await forEachSliced(
        batchDrafts(batch),
        (draft, j) => {
          const earlier = plans[j];
          const plan = planRow(draft, planCtx, { prepared: prepared[j], stamp: earlier.stamp });
          if (plan.action !== earlier.action || !sameProblems(plan.problems, earlier.problems)) replanned.push([batch.first + j, keptPlan(plan)]);
          count(plan);
          if (plan.action === 'add' || plan.action === 'update') writeRow(plan, writer, touched, written, work, planned, planCtx.newHouseholds);
        },
        between(batch.first),
      );
    }
    recomputeTouchedVisits(store.db, sqlite, touched, work.today, work.timeZone);
    checkReferences(sqlite, 'residents', {
      where: 'r.rowid > ? OR r.id IN (SELECT value FROM json_each(?))',
      params: [since.residents, JSON.stringify(written.updated)],
    });
    checkReferences(sqlite, 'resident_events', { where: 'r.rowid > ?', params: [since.events] });
    checkReferences(sqlite, 'households', { where: 'r.rowid > ?', params: [since.households] });
    checkReferences(sqlite, 'buildings', { where: 'r.rowid > ?', params: [since.buildings] });
    checkReferences(sqlite, 'houses', { where: 'r.rowid > ?', params: [since.houses] });
    if (written.tagged.length)
      checkReferences(sqlite, 'resident_tags', { where: 'r.resident_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(written.tagged)] });
    await appendAudit(
      store.db,
      {
        action: 'residents.import',
        area: 'residents',
        recordType: 'import',
        recordId: work.importId,
        summary: `${work.fileName}: +${counts.added} ~${counts.updated} =${counts.unchanged} ×${counts.rejected}`,
        // planned: whether the rows were written as previewed, or planned again after a change in between.
        after: {
          fileName: work.fileName,
          sheet: work.sheetName,
          mode: work.mode,
          ...counts,
          planned: asPreviewed ? 'as_previewed' : 'again',
          placesMade: writer.made,
        },
      },
      { id: work.actor.id, name: work.actor.name, workstation: work.workstation },
      new Date(work.at),
    );
    hooks.checkCancelled();
    sqlite.exec('COMMIT');
    return { counts, replanned };
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

/** Whether two plans of a row found the same problems (most rows have none: no string is built for them). */
function sameProblems(a: KeptPlan['problems'], b: KeptPlan['problems']): boolean {
  if (a.length !== b.length) return false;
  return a.length === 0 || JSON.stringify(a) === JSON.stringify(b);
}

/** `households`: the new households as planned for these rows (the preview's, or this commit's own plan's). */
function writeRow(
  plan: PlannedRow,
  writer: ImportWriter,
  touched: Set<string>,
  written: Written,
  work: CommitWork,
  planned: PlannedPlaces,
  households: PreviewTail['newHouseholds'],
): void {
  const w = plan.write!;
  // The places first: the household and the person refer to them.
  writer.ensurePlace(planned, w.next);
  if (w.household?.isNew) writer.ensureHousehold(w.household.id, w.household.number, households.get(w.household.number)?.houseId ?? w.next.house_id ?? null);
  let residentId: string;
  if (w.before === null) {
    residentId = newId();
    const row: ResidentsTable = {
      id: residentId,
      ...w.prepared.columns,
      household_id: w.next.household_id ?? null,
      relation_to_head: w.next.relation_to_head ?? '',
      grid_id: w.next.grid_id ?? null,
      building_id: w.next.building_id ?? null,
      house_id: w.next.house_id ?? null,
      moved_in_on: null,
      moved_out_on: null,
      died_on: null,
      archived: 0,
      created_at: work.at,
      created_by: work.actor.id,
      updated_at: work.at,
      updated_by: work.actor.id,
    };
    writer.insertResident(row);
    writer.event(residentId, 'imported', { name: row.name, idMasked: row.id_masked, importId: work.importId, fileName: work.fileName, row: plan.row });
  } else {
    residentId = w.before.id;
    written.updated.push(residentId);
    writer.updateResident({ ...w.before, ...w.next, updated_at: work.at, updated_by: work.actor.id } as ResidentsTable);
    if (w.changes.length) writer.event(residentId, 'updated', { changes: w.changes, importId: work.importId, fileName: work.fileName, row: plan.row });
    if (w.before.household_id) touched.add(w.before.household_id);
  }
  if (w.tagIds.length) written.tagged.push(residentId);
  w.tagIds.forEach((tagId, i) => {
    writer.tag(residentId, tagId);
    if (w.before !== null) writer.event(residentId, 'tagged', { tagId, tag: w.tagNames[i] });
  });
  if (w.household) {
    touched.add(w.household.id);
    if (w.isHead) writer.setHeadIfNone(w.household.id, residentId);
  }
}

import { AppError } from '../../../../../shared/errors';
import type { ImportResult } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import type { JobControl } from '../../../jobs/jobs';
import type { ResidentsTable } from '../../../db/schema';
import { appendAudit } from '../../../audit/repository';
import { newId } from '../../../util/ids';
import { actorOf, hallDay } from '../clock';
import { RegistryLookups } from './lookups';
import { keptPlan, PlanContext, planRow, type PlannedRow } from './plan';
import { batchDrafts, batchPrepared, packPrepared } from './row-batches';
import { forEachSliced, yieldToEventLoop } from './slices';
import type { ImportSession } from './store';
import { recomputeTouchedVisits } from './visits';
import { ImportWriter } from './write-rows';

export type ImportMode = 'valid_rows' | 'all_or_nothing';

/** Refusals that need no job: a preview with rejected rows cannot be imported all-or-nothing. */
export function checkCommit(imp: ImportSession, mode: ImportMode): void {
  if (imp.state === 'committed') throw new AppError('import.already_committed', 'This preview has been imported already');
  if (imp.state === 'running') throw new AppError('import.running', 'This import is running');
  const rejected = imp.plans.filter((p) => p.action === 'reject').length;
  if (mode === 'all_or_nothing' && rejected > 0) throw new AppError('import.has_rejects', `${rejected} rows are rejected`, { params: { count: rejected } });
  if (imp.plans.length === rejected) throw new AppError('import.nothing_valid', 'No row can be imported', { params: { count: rejected } });
}

/**
 * Writes a previewed import as ONE transaction. Nothing else may write into it meanwhile: the job holds
 * Kysely's single connection for its whole length (every other call waits for it), and writes with
 * prepared statements on that connection inside BEGIN IMMEDIATE … COMMIT, in slices that yield to the
 * event loop. Between slices it checks for cancellation; cancelling, or any failure, rolls everything
 * back. Rows are planned again against the registry as it is now (reusing the preview's prepared values
 * where the stored person has not changed), so a change made since the preview is not written over.
 */
export async function commitImport(ctx: HandlerContext, imp: ImportSession, mode: ImportMode, job: JobControl): Promise<ImportResult> {
  const actor = actorOf(ctx);
  const { today, timeZone } = await hallDay(ctx);
  return ctx.db.connection().execute(async (conn) => {
    const sqlite = ctx.sqlite;
    const at = ctx.now().toISOString();
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const counts: ImportResult = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
      const planCtx = new PlanContext(new RegistryLookups(sqlite), ctx.secrets, today, imp.newHouseholds);
      const writer = new ImportWriter(sqlite, actor, at);
      const touched = new Set<string>();
      const total = imp.plans.length;
      job.progress(0, total);
      for (const batch of imp.batches) {
        const prepared = batchPrepared(batch);
        try {
          await forEachSliced(
            batchDrafts(batch),
            (draft, j) => {
              const i = batch.first + j;
              const plan = planRow(draft, planCtx, { prepared: prepared[j], stamp: imp.plans[i].stamp });
              // The plan and its prepared values are kept together: a commit rolled back and tried
              // again reuses what this one prepared.
              imp.plans[i] = keptPlan(plan);
              prepared[j] = plan.prepared;
              if (plan.action === 'reject') {
                if (mode === 'all_or_nothing') throw new AppError('import.has_rejects', 'A row became invalid since the preview', { params: { count: 1, row: plan.row } });
                counts.rejected++;
              } else if (plan.action === 'unchanged') counts.unchanged++;
              else {
                writeRow(plan, writer, touched, { at, actor, imp });
                if (plan.action === 'add') counts.added++;
                else counts.updated++;
              }
            },
            (done) => {
              job.progress(batch.first + done, total);
              job.checkCancelled();
            },
          );
        } finally {
          batch.prepared = packPrepared(prepared);
        }
        await yieldToEventLoop();
      }
      recomputeTouchedVisits(conn, sqlite, touched, today, timeZone);
      await appendAudit(
        conn,
        { action: 'residents.import', area: 'residents', recordType: 'import', recordId: imp.importId, summary: `${imp.fileName}: +${counts.added} ~${counts.updated} =${counts.unchanged} ×${counts.rejected}`, after: { fileName: imp.fileName, sheet: imp.sheetName, mode, ...counts } },
        { id: actor.id, name: actor.name, workstation: ctx.workstation },
        ctx.now(),
      );
      job.checkCancelled();
      sqlite.exec('COMMIT');
      imp.state = 'committed';
      ctx.events.emit('data.changed', { area: 'residents' });
      return counts;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    }
  });
}

function writeRow(plan: PlannedRow, writer: ImportWriter, touched: Set<string>, c: { at: string; actor: { id: string | null }; imp: ImportSession }): void {
  const w = plan.write!;
  if (w.household?.isNew) writer.ensureHousehold(w.household.id, w.household.number, c.imp.newHouseholds.get(w.household.number)?.houseId ?? w.next.house_id ?? null);
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
      created_at: c.at,
      created_by: c.actor.id,
      updated_at: c.at,
      updated_by: c.actor.id,
    };
    writer.insertResident(row);
    writer.event(residentId, 'imported', { name: row.name, idMasked: row.id_masked, importId: c.imp.importId, fileName: c.imp.fileName, row: plan.row });
  } else {
    residentId = w.before.id;
    writer.updateResident({ ...w.before, ...w.next, updated_at: c.at, updated_by: c.actor.id } as ResidentsTable);
    if (w.changes.length) writer.event(residentId, 'updated', { changes: w.changes, importId: c.imp.importId, fileName: c.imp.fileName, row: plan.row });
    if (w.before.household_id) touched.add(w.before.household_id);
  }
  w.tagIds.forEach((tagId, i) => {
    writer.tag(residentId, tagId);
    if (w.before !== null) writer.event(residentId, 'tagged', { tagId, tag: w.tagNames[i] });
  });
  if (w.household) {
    touched.add(w.household.id);
    if (w.isHead) writer.setHeadIfNone(w.household.id, residentId);
  }
}

import { AppError } from '../../../../../shared/errors';
import type { ImportResult } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import type { JobControl } from '../../../jobs/jobs';
import { hallDay } from '../../../time/hall-day';
import { residentsImportWorkers } from './workers';
import { writeImport, type CommitBatch, type CommitOutcome, type CommitWork, type ImportMode } from './commit-write';
import { yieldToEventLoop } from '../../../spreadsheet/slices';
import { writeGateOf } from '../../../db/write-gate';
import { readSpillTail } from '../../../import/spill';
import { collectGarbageSoon } from '../../../util/collect-garbage';
import { releaseSpill, storedBatches, type ImportSession } from './store';

export type { ImportMode } from './commit-write';

/** Refusals that need no job: a preview with rejected rows cannot be imported all-or-nothing. */
export function checkCommit(imp: ImportSession, mode: ImportMode): void {
  if (imp.state === 'committed') throw new AppError('import.already_committed', 'This preview has been imported already');
  if (imp.state === 'running') throw new AppError('import.running', 'This import is running');
  const rejected = imp.rejected.size;
  if (mode === 'all_or_nothing' && rejected > 0) throw new AppError('import.has_rejects', `${rejected} rows are rejected`, { params: { count: rejected } });
  if (imp.totalRows === rejected) throw new AppError('import.nothing_valid', 'No row can be imported', { params: { count: rejected } });
}

/**
 * Writes a previewed import as ONE transaction (commit-write.ts), in a child process on its own
 * connection where one can run (core/import/commit-thread.ts), which reads the preview's batches from its
 * spill file itself; else here, in slices on the app's connection.
 * Either way other writes of this process wait at the write gate, or are refused with import.committing;
 * in a worker, reads go on meanwhile on the app's connection, here they wait for it.
 */
export async function commitImport(ctx: HandlerContext, imp: ImportSession, mode: ImportMode, job: JobControl): Promise<ImportResult> {
  const actor = ctx.actor();
  const { today, timeZone } = await hallDay(ctx);
  // The households and places the preview planned (the spill's last record) are read where the commit runs.
  const work: CommitWork = {
    importId: imp.importId,
    fileName: imp.fileName,
    sheetName: imp.sheetName,
    mode,
    today,
    timeZone,
    at: ctx.now().toISOString(),
    actor,
    workstation: ctx.workstation,
    totalRows: imp.totalRows,
    registryMark: imp.registryMark,
    createPlaces: imp.createPlaces,
    compoundAliases: imp.compoundAliases,
  };
  let outcome: CommitOutcome;
  try {
    outcome = (await residentsImportWorkers.commit(ctx, { importId: imp.importId, work, spill: imp.spill }, job)) ?? (await commitHere(ctx, imp, work, job));
  } finally {
    // What the commit left here (the planned households and places, the messages) is garbage now: collected soon.
    collectGarbageSoon();
  }
  // What the commit found different from the preview (a row changed in between) is what the error report shows.
  for (const [i, plan] of outcome.replanned) {
    if (plan.action === 'reject') imp.rejected.set(i, plan);
    else imp.rejected.delete(i);
  }
  imp.state = 'committed';
  // Kept after the commit only for its error report: with no rejected row, nothing.
  if (imp.rejected.size === 0) releaseSpill(imp);
  ctx.events.emit('data.changed', { area: 'residents' });
  return outcome.counts;
}

/** The commit in this thread, on the app's own connection, yielding between slices. */
async function commitHere(ctx: HandlerContext, imp: ImportSession, work: CommitWork, job: JobControl): Promise<CommitOutcome> {
  const releaseWrites = writeGateOf(ctx.sqlite).hold();
  try {
    return await commitOnConnection(ctx, imp, work, job);
  } finally {
    releaseWrites();
  }
}

function commitOnConnection(ctx: HandlerContext, imp: ImportSession, work: CommitWork, job: JobControl): Promise<CommitOutcome> {
  return ctx.db.connection().execute(async (conn) => {
    async function* batches(): AsyncGenerator<CommitBatch> {
      for (const batch of storedBatches(imp)) {
        yield batch;
        await yieldToEventLoop();
      }
    }
    const hooks = {
      progress: (done: number, total: number) => job.progress(done, total),
      checkCancelled: () => job.checkCancelled(),
      previewTail: <T>() => readSpillTail<T>(imp.spill),
    };
    return writeImport({ sqlite: ctx.sqlite, db: conn, secrets: ctx.secrets }, work, batches(), hooks);
  });
}

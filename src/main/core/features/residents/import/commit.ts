import { AppError } from '../../../../../shared/errors';
import type { ImportResult } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import type { JobControl } from '../../../jobs/jobs';
import { actorOf, hallDay } from '../clock';
import { commitInWorker, commitWorkerEntry } from './commit-thread';
import { writeImport, type CommitBatch, type CommitOutcome, type CommitWork, type ImportMode } from './commit-write';
import { yieldToEventLoop } from './slices';
import { writeGateOf } from '../../../db/write-gate';
import type { ImportSession } from './store';

export type { ImportMode } from './commit-write';

/** Refusals that need no job: a preview with rejected rows cannot be imported all-or-nothing. */
export function checkCommit(imp: ImportSession, mode: ImportMode): void {
  if (imp.state === 'committed') throw new AppError('import.already_committed', 'This preview has been imported already');
  if (imp.state === 'running') throw new AppError('import.running', 'This import is running');
  const rejected = imp.plans.filter((p) => p.action === 'reject').length;
  if (mode === 'all_or_nothing' && rejected > 0) throw new AppError('import.has_rejects', `${rejected} rows are rejected`, { params: { count: rejected } });
  if (imp.plans.length === rejected) throw new AppError('import.nothing_valid', 'No row can be imported', { params: { count: rejected } });
}

/**
 * Writes a previewed import as ONE transaction (commit-write.ts), in a worker thread on its own
 * connection where one can run (commit-thread.ts), else here, in slices on the app's connection.
 * Either way other writes of this process wait at the write gate, or are refused with import.committing;
 * in a worker, reads go on meanwhile on the app's connection, here they wait for it.
 */
export async function commitImport(ctx: HandlerContext, imp: ImportSession, mode: ImportMode, job: JobControl): Promise<ImportResult> {
  const actor = actorOf(ctx);
  const { today, timeZone } = await hallDay(ctx);
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
    totalRows: imp.plans.length,
    newHouseholds: imp.newHouseholds,
    registryMark: imp.registryMark,
  };
  const outcome =
    (await commitInWorker(ctx, imp, work, job, await commitWorkerEntry(ctx))) ?? (await commitHere(ctx, imp, work, job));
  // What the commit found different from the preview (a row changed in between) is what the error report shows.
  for (const [i, plan] of outcome.replanned) imp.plans[i] = plan;
  imp.state = 'committed';
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
      for (const batch of imp.batches) {
        yield { batch, plans: imp.plans.slice(batch.first, batch.first + batch.count) };
        await yieldToEventLoop();
      }
    }
    return writeImport({ sqlite: ctx.sqlite, db: conn, secrets: ctx.secrets }, work, batches(), job);
  });
}

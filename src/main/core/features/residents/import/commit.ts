import { AppError } from '../../../../../shared/errors';
import type { ImportResult } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import type { JobControl } from '../../../jobs/jobs';
import { hallDay } from '../../../time/hall-day';
import { residentsImportWorkers } from './workers';
import { writeImport, type CommitBatch, type CommitOutcome, type CommitWork, type ImportMode } from './commit-write';
import { yieldToEventLoop } from '../../../spreadsheet/slices';
import { writeGateOf } from '../../../db/write-gate';
import type { ImportSession } from './store';
import { noPlannedPlaces } from './new-places';
import type { KeptPlan } from './plan';

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
  const actor = ctx.actor();
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
    createPlaces: imp.createPlaces,
    compoundAliases: imp.compoundAliases,
    newPlaces: imp.newPlaces,
  };
  const outcome =
    (await residentsImportWorkers.commit(ctx, { importId: imp.importId, work, batches: commitBatches(imp) }, job)) ?? (await commitHere(ctx, imp, work, job));
  // What the commit found different from the preview (a row changed in between) is what the error report shows.
  for (const [i, plan] of outcome.replanned) imp.plans[i] = plan;
  imp.state = 'committed';
  releaseAfterCommit(imp);
  ctx.events.emit('data.changed', { area: 'residents' });
  return outcome.counts;
}

const settled = Object.fromEntries(
  (['add', 'update', 'unchanged'] as const).map((action) => [
    action,
    Object.freeze({ row: 0, action, name: '', idMasked: '', address: '', problems: [], stamp: '' }) as KeptPlan,
  ]),
) as Record<'add' | 'update' | 'unchanged', KeptPlan>;

/**
 * Once committed, a preview is kept (for an hour) only for its error report: the rows of the batches that
 * hold a rejected row, and the rejected rows' plans. The rest (every row's drafts, prepared values and
 * planned writes, some 120 MB for 100,000 rows, and a plan object per imported row) is let go at once
 * instead of staying in the serving process for the hour.
 */
export function releaseAfterCommit(imp: ImportSession): void {
  const none = new Uint8Array(0);
  imp.batches = imp.batches.flatMap((b) => {
    const rejected = imp.plans.slice(b.first, b.first + b.count).some((p) => p.action === 'reject');
    return rejected ? [{ ...b, drafts: none, prepared: none, writes: none }] : [];
  });
  imp.plans = imp.plans.map((p) => (p.action === 'reject' ? p : settled[p.action]));
  imp.newHouseholds = new Map();
  imp.newPlaces = noPlannedPlaces();
}

/** The preview's batches, each with what was kept of its rows' plans. */
function* commitBatches(imp: ImportSession): Generator<CommitBatch> {
  for (const batch of imp.batches) yield { batch, plans: imp.plans.slice(batch.first, batch.first + batch.count) };
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

import type { HandlerContext, WorkerEntry } from '../../../context';
import { bundledWorkerPath } from '../../../util/worker-bundle';

/** The residents import process's code (its commit, and a large file's preview): the one the host named (tests: the source), else the bundle's, else none. */
export async function commitWorkerEntry(ctx: Pick<HandlerContext, 'workers'>): Promise<WorkerEntry | null> {
  if (ctx.workers.importCommit !== undefined) return ctx.workers.importCommit;
  const path = await bundledWorkerPath(() => import('./commit-worker-path'));
  return path ? { path } : null;
}

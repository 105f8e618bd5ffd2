import type { HandlerContext } from '../../../context';
import type { Session } from '../../../auth/sessions';
import type { ReportContext } from '../../../reports/registry';

/**
 * The residents lists' own handlers, called with the little they use (the file, the clock and who asks):
 * an export is exactly what the screen shows for the same filters, in the same order.
 */
export function listContext(ctx: ReportContext): HandlerContext {
  const session = { userId: ctx.user.id, displayName: ctx.user.displayName } as Session;
  return { db: ctx.db, sqlite: ctx.sqlite, now: () => ctx.now, requireSession: () => session } as unknown as HandlerContext;
}

/** Reads a keyset-paged list to its end, page by page, reporting progress and letting other work run between pages. */
export async function readAllPages<R>(
  ctx: ReportContext,
  total: number,
  page: (cursor: string | null) => Promise<{ rows: R[]; nextCursor: string | null }>,
): Promise<R[]> {
  const out: R[] = [];
  let cursor: string | null = null;
  ctx.job.progress(0, total);
  do {
    ctx.job.checkCancelled();
    const next: { rows: R[]; nextCursor: string | null } = await page(cursor);
    out.push(...next.rows);
    ctx.job.progress(out.length, Math.max(total, out.length));
    cursor = next.nextCursor;
    if (cursor) await new Promise((resolve) => setImmediate(resolve));
  } while (cursor);
  return out;
}

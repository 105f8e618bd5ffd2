import type { Core } from '../../app';
import { timeAsync, type Timing } from '../../bench/stats';
import { seedCouncil, type CouncilSeedCounts } from './seed';

export interface CouncilBenchOptions {
  meetings: number;
  actionsPerMeeting: number;
  runs: number;
  /** Pages followed before the deep page is timed. */
  deepPages: number;
}

export interface CouncilBenchReport {
  seeded: CouncilSeedCounts;
  seedSeconds: number;
  openItems: number;
  followUpFirstPage: Timing;
  followUpDeepPage: Timing | null;
  targetMs: number;
  ok: boolean;
}

/** The follow-up list's target (issue 13): the first page in 20 ms at 10,000 meetings and 200,000 action items. */
export const FOLLOW_UP_TARGET_MS = 20;

/**
 * Seeds one committee's meetings and action items into the (new) file, then times `council.followUp`
 * through the whole handler path (session, permission, zod, Kysely, mapping), first page and a deep page.
 */
export async function benchCouncil(core: Core, token: string, opts: CouncilBenchOptions): Promise<CouncilBenchReport> {
  const started = performance.now();
  const seeded = await seedCouncil(core.services, {
    seed: 'bench',
    actor: { id: null, name: 'linli council bench' },
    bulk: { meetings: opts.meetings, actionsPerMeeting: opts.actionsPerMeeting },
  });
  const seedSeconds = (performance.now() - started) / 1000;
  core.services.sqlite.pragma('optimize');
  const call = async (cursor: string | null) => {
    const r = await core.call({ method: 'council.followUp', input: { cursor, limit: 50 }, sessionToken: token });
    if (!r.ok) throw new Error(`council.followUp: ${r.error.code} ${r.error.message}`);
    return r.value as { rows: unknown[]; nextCursor: string | null };
  };
  const followUpFirstPage = await timeAsync(opts.runs, () => call(null));
  let cursor: string | null = null;
  for (let i = 0; i < opts.deepPages; i++) {
    const page = await call(cursor);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const deep = cursor;
  const followUpDeepPage = deep ? await timeAsync(opts.runs, () => call(deep)) : null;
  const openItems = (core.services.sqlite.prepare("SELECT count(*) AS n FROM council_action_items WHERE status IN ('open', 'doing')").get() as { n: number }).n;
  const ok = followUpFirstPage.p95 <= FOLLOW_UP_TARGET_MS && (!followUpDeepPage || followUpDeepPage.p95 <= FOLLOW_UP_TARGET_MS);
  return { seeded, seedSeconds, openItems, followUpFirstPage, followUpDeepPage, targetMs: FOLLOW_UP_TARGET_MS, ok };
}

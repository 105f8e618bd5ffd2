import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readSetting } from '../community/settings';
import { localToday } from './zone';

export interface HallDay {
  /** Today in the hall's time zone, YYYY-MM-DD. */
  today: string;
  timeZone: string;
}

/**
 * The clock as the hall reads it: the call's `now()` (which tests and the CLI can set) in the time zone of
 * the community's settings. Every "today" in core comes from here.
 */
export async function hallDay(ctx: { db: Kysely<Database>; now(): Date }): Promise<HallDay> {
  // Read on every call (one row, its statement kept): a time zone changed at another desk counts at once.
  const timeZone = await readSetting(ctx.db, 'timeZone');
  return { today: localToday(ctx.now(), timeZone), timeZone };
}

import type { HandlerContext } from '../../context';
import { localToday } from '../../time/zone';
import { readSettings } from '../../community/settings';

export const area = 'charity';

export interface CharityActor {
  id: string;
  name: string;
}

export function actor(ctx: HandlerContext): CharityActor {
  const s = ctx.requireSession();
  return { id: s.userId, name: s.displayName };
}

/** Today in the hall's time zone: entries, receipts and closes are dated by the hall's calendar. */
export async function today(ctx: Pick<HandlerContext, 'db' | 'now'>): Promise<string> {
  const { timeZone } = await readSettings(ctx.db);
  return localToday(ctx.now(), timeZone);
}

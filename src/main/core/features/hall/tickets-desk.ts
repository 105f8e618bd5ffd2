import type { Kysely } from 'kysely';
import type { CallAudit, HandlerContext } from '../../context';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../crypto/field-cipher';
import { hallDay } from '../../time/hall-day';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar';

/**
 * What the ticket rules work with: the connection (inside the call's transaction), the field cipher, the
 * working-day calendar, the hall's day and instant the work is done on, who does it, and where its audit
 * record goes. A method call makes one from its context (deskOf); the demo seed makes one per past day, so
 * that seeded tickets pass through the same rules as the counter's.
 */
export interface TicketDesk {
  db: Kysely<Database>;
  secrets: FieldCipher;
  calendar: WorkingCalendar;
  /** The hall's calendar day, YYYY-MM-DD: acceptance, due and completion dates are counted from it. */
  today: string;
  /** The instant written on the records (ISO UTC). */
  at: string;
  /** The signed-in user: the 首问责任人 of what they register, the actor of every event. */
  actor: { id: string | null; name: string };
  audit(entry: CallAudit): Promise<void>;
}

export async function deskOf(ctx: HandlerContext): Promise<TicketDesk> {
  const { today } = await hallDay(ctx);
  return {
    db: ctx.db,
    secrets: ctx.secrets,
    calendar: await loadWorkingCalendar(ctx.db),
    today,
    at: ctx.now().toISOString(),
    actor: ctx.actor(),
    audit: (entry) => ctx.audit(entry),
  };
}

/** What a read needs: the day and the calendar the rows' overdue and working days left are counted with. */
export interface TicketClock {
  today: string;
  calendar: WorkingCalendar;
}

export async function clockOf(ctx: Pick<HandlerContext, 'db' | 'now'>): Promise<TicketClock> {
  const { today } = await hallDay(ctx);
  return { today, calendar: await loadWorkingCalendar(ctx.db) };
}

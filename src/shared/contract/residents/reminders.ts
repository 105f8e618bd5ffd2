import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, pageLimit, type Page } from './common';
import type { ResidentRow } from './people';

/** The proactive lists (提醒): milestone birthdays, ID cards expiring, residence permits due for 签注. */

export interface Milestone {
  resident: ResidentRow;
  turning: number;
  birthday: string;
}

/** A page of a reminder list, with how many the whole list holds (a covering index count, cheap). */
export interface ReminderPage<T> extends Page<T> {
  total: number;
}

export interface MilestonePage extends ReminderPage<Milestone> {
  /** How many turn each milestone age in the month (only the ages someone turns). */
  byAge: { turning: number; count: number }[];
}

export const reminders = {
  /** Residents turning 60/70/80/90/100 this month or next (老年优待证, 高龄津贴), by birthday, paged. */
  'residents.milestones': method(
    { input: z.object({ month: z.enum(['this', 'next']).default('this'), cursor, limit: pageLimit }), access: 'residents.read', writes: false },
    returns<MilestonePage>(),
  ),
  /**
   * ID cards already expired (oldest first, `expired` true), then those expiring from today to today + withinDays,
   * soonest first, paged; `expired` in the page counts the whole list's expired cards.
   */
  'residents.idCardsExpiring': method(
    { input: z.object({ withinDays: z.number().int().min(1).max(366).default(180), cursor, limit: pageLimit }), access: 'residents.read', writes: false },
    returns<ReminderPage<ResidentRow & { expiresOn: string; expired: boolean }> & { expired: number }>(),
  ),
  /** Present residents in no household (未登记到户), in registration order, with the reason given for each, paged. */
  'residents.unplaced': method(
    { input: z.object({ cursor, limit: pageLimit }), access: 'residents.read', writes: false },
    returns<ReminderPage<ResidentRow & { reason: string }>>(),
  ),
  /** Residence permits due for their yearly endorsement (签注), soonest first, paged. */
  'residents.permitsDue': method(
    { input: z.object({ withinDays: z.number().int().min(1).max(366).default(30), cursor, limit: pageLimit }), access: 'residents.read', writes: false },
    returns<ReminderPage<ResidentRow & { dueOn: string }>>(),
  ),
};

import dayjs from 'dayjs';
import { sql, type RawBuilder } from 'kysely';
import type { ResidentsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import { addDays, hallDay } from './clock';
import { toResidentRows } from './people/rows';

/**
 * The proactive lists: birthdays that are milestones (老年优待证, 高龄津贴), ID cards about to expire, and
 * residence permits due for their yearly endorsement (签注). Each is index ranges on present residents.
 */

export const milestoneAges = [60, 70, 80, 90, 100] as const;

/** The month asked for: its year and month ("2026", "11"). */
export function targetMonth(today: string, which: 'this' | 'next'): { year: number; month: string } {
  const d = dayjs(`${today.slice(0, 7)}-01`).add(which === 'next' ? 1 : 0, 'month');
  return { year: d.year(), month: d.format('MM') };
}

/** Residents born in that month of each milestone year: five ranges of residents_archived_birth. */
export function milestonesQuery(year: number, month: string): RawBuilder<ResidentsTable> {
  const ranges = milestoneAges.map((age) => {
    const y = String(year - age).padStart(4, '0');
    return sql`SELECT * FROM residents WHERE archived = 0 AND birth_date >= ${`${y}-${month}-01`} AND birth_date <= ${`${y}-${month}-31`}`;
  });
  return sql<ResidentsTable>`${sql.join(ranges, sql` UNION ALL `)}`;
}

export function idCardsExpiringQuery(today: string, until: string): RawBuilder<ResidentsTable> {
  return sql`SELECT * FROM residents WHERE archived = 0 AND id_card_expires_on >= ${today} AND id_card_expires_on <= ${until} ORDER BY id_card_expires_on`;
}

export function permitsDueQuery(today: string, until: string): RawBuilder<ResidentsTable> {
  return sql`SELECT * FROM residents WHERE archived = 0 AND permit_expires_on >= ${today} AND permit_expires_on <= ${until} AND +status = '居住证' ORDER BY permit_expires_on`;
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export const remindersHandlers: HandlerMap<'residents.milestones' | 'residents.idCardsExpiring' | 'residents.permitsDue'> = {
  async 'residents.milestones'(input, ctx) {
    const { today } = await hallDay(ctx);
    const { year, month } = targetMonth(today, input.month);
    const rows = (await milestonesQuery(year, month).execute(ctx.db)).rows;
    rows.sort((a, b) => a.birth_date!.slice(8).localeCompare(b.birth_date!.slice(8)) || a.birth_date!.localeCompare(b.birth_date!) || a.name.localeCompare(b.name, 'zh-CN'));
    const mapped = await toResidentRows(ctx.db, rows, today);
    return mapped.map((resident, i) => {
      const md = rows[i].birth_date!.slice(5);
      return {
        resident,
        turning: year - Number(rows[i].birth_date!.slice(0, 4)),
        // Someone born on 29 February has the birthday on the 28th in a common year.
        birthday: `${year}-${md === '02-29' && !isLeap(year) ? '02-28' : md}`,
      };
    });
  },

  async 'residents.idCardsExpiring'(input, ctx) {
    const { today } = await hallDay(ctx);
    const rows = (await idCardsExpiringQuery(today, addDays(today, input.withinDays)).execute(ctx.db)).rows;
    const mapped = await toResidentRows(ctx.db, rows, today);
    return mapped.map((r, i) => ({ ...r, expiresOn: rows[i].id_card_expires_on! }));
  },

  async 'residents.permitsDue'(input, ctx) {
    const { today } = await hallDay(ctx);
    const rows = (await permitsDueQuery(today, addDays(today, input.withinDays)).execute(ctx.db)).rows;
    const mapped = await toResidentRows(ctx.db, rows, today);
    return mapped.map((r, i) => ({ ...r, dueOn: rows[i].permit_expires_on! }));
  },
};

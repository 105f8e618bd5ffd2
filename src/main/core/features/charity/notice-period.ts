import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';

export interface NoticePeriod {
  scope: 'month' | 'quarter' | 'campaign';
  key: string;
  from: string;
  to: string;
  /** A campaign's notice covers its own fund only. */
  fund: string | null;
  label: string;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** 2026-10 → that month; 2026-Q3 → July to September; anything else names a campaign (its id or name). */
export async function resolvePeriod(db: Kysely<Database>, period: string, today: string): Promise<NoticePeriod> {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { scope: 'month', key: period, from: `${period}-01`, to: lastDay(y, mo), fund: null, label: `${y}年${mo}月` };
  }
  const q = /^(\d{4})-Q([1-4])$/i.exec(period);
  if (q) {
    const [y, n] = [Number(q[1]), Number(q[2])];
    const first = (n - 1) * 3 + 1;
    return {
      scope: 'quarter',
      key: `${y}-Q${n}`,
      from: `${y}-${String(first).padStart(2, '0')}-01`,
      to: lastDay(y, first + 2),
      fund: null,
      label: `${y}年第${'一二三四'[n - 1]}季度`,
    };
  }
  const campaign = await db
    .selectFrom('charity_campaigns')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', period), eb('name', '=', period)]))
    .executeTakeFirst();
  if (!campaign)
    throw new AppError('charity.period_unknown', 'Not a month (2026-10), a quarter (2026-Q3) or a campaign', {
      params: { period },
      fields: { period: 'charity.period_unknown' },
    });
  const end = campaign.ends_on && campaign.ends_on < today ? campaign.ends_on : today;
  return { scope: 'campaign', key: campaign.id, from: campaign.starts_on, to: end, fund: campaign.fund_code, label: campaign.name };
}

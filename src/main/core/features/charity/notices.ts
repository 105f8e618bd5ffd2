import type { Kysely } from 'kysely';
import type { notices } from '../../../../shared/contract/charity/notices';
import type { Notice, NoticeBody } from '../../../../shared/contract/charity/notices';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext, HandlerMap } from '../../context';
import type { Database } from '../../db/schema';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { findProfile } from '../../community/profile';
import { actor, area, today } from './context';
import { buildNoticeBody, periodSpan } from './notice-body';
import { resolvePeriod } from './notice-period';
import { noticesQuery } from './list-queries';
import type { CharityNoticesTable } from './schema';

const scopeTitle = { month: '', quarter: '', campaign: '募捐活动' } as const;

export async function toNotice(db: Kysely<Database>, r: CharityNoticesTable): Promise<Notice> {
  const next = await db.selectFrom('charity_notices').select('id').where('supersedes_id', '=', r.id).executeTakeFirst();
  return {
    id: r.id,
    number: r.number,
    scope: r.scope,
    periodKey: r.period_key,
    title: r.title,
    fromDate: r.from_date,
    toDate: r.to_date,
    firstSeq: r.first_seq,
    lastSeq: r.last_seq,
    headSeq: r.head_seq,
    headHash: r.head_hash,
    noticeDays: r.notice_days,
    objectionPhone: r.objection_phone,
    supersedesId: r.supersedes_id,
    supersededById: next?.id ?? null,
    correctionReason: r.correction_reason,
    publishedAt: r.published_at,
    publishedByName: r.published_by_name,
    body: JSON.parse(r.body_json) as NoticeBody,
  };
}

/** What a notice for a period would say now: its tables, the entries it covers and the chain's head. */
async function draft(ctx: Pick<HandlerContext, 'db' | 'now'>, period: string, noticeDays = 7, objectionPhone?: string) {
  const p = await resolvePeriod(ctx.db, period, await today(ctx));
  const body = await buildNoticeBody(ctx.db, p);
  const span = await periodSpan(ctx.db, p);
  const profile = await findProfile(ctx.db);
  const phone = objectionPhone || profile?.complaint_phone || profile?.service_phone || '';
  if (!phone)
    throw new AppError('charity.objection_phone_required', 'An objection phone is needed', { fields: { objectionPhone: 'charity.objection_phone_required' } });
  return {
    scope: p.scope,
    periodKey: p.key,
    title: `${profile?.community_name ?? ''}慈善基金${p.label}${scopeTitle[p.scope]}收支公示`,
    fromDate: p.from,
    toDate: p.to,
    firstSeq: span.firstSeq,
    lastSeq: span.lastSeq,
    headSeq: span.headSeq,
    headHash: span.headHash,
    noticeDays,
    objectionPhone: phone,
    supersedesId: null as string | null,
    correctionReason: null as string | null,
    body,
  };
}

export async function findNotice(db: Kysely<Database>, id: string): Promise<CharityNoticesTable> {
  const row = await db.selectFrom('charity_notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('charity.notice_not_found', 'No such notice');
  return row;
}

export interface PublishInput {
  period: string;
  noticeDays?: number;
  objectionPhone?: string;
  supersedesId: string | null;
  correctionReason: string | null;
  who: { id: string | null; name: string };
  at: string;
}

/**
 * Publishes a notice: frozen from then on (the table is append-only). A period already published is
 * published again only as a correction (更正公告) that names the notice it supersedes and why.
 */
export async function publishNotice(ctx: Pick<HandlerContext, 'db' | 'now'>, input: PublishInput): Promise<Notice> {
  const d = await draft(ctx, input.period, input.noticeDays, input.objectionPhone);
  const current = await ctx.db
    .selectFrom('charity_notices as n')
    .select(['n.id', 'n.number'])
    .where('n.period_key', '=', d.periodKey)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('charity_notices as m').select('m.id').whereRef('m.supersedes_id', '=', 'n.id'))))
    .executeTakeFirst();
  if (current && input.supersedesId !== current.id) {
    throw new AppError('charity.notice_published', 'This period has a notice; publish a correction that supersedes it', { params: { number: current.number } });
  }
  if (!current && input.supersedesId) throw new AppError('charity.notice_not_found', 'The notice to supersede is not the current one for this period');
  if (input.supersedesId && !input.correctionReason)
    throw new AppError('charity.reason_required', 'A correction gives its reason', { fields: { correctionReason: 'charity.reason_required' } });
  const year = Number(input.at.slice(0, 4));
  const number = formatYearNumber(year, await allocateNumber(ctx.db, 'charity.notice', year), 'G');
  const id = newId();
  await ctx.db
    .insertInto('charity_notices')
    .values({
      id,
      number,
      scope: d.scope,
      period_key: d.periodKey,
      title: input.supersedesId ? `${d.title}（更正公告）` : d.title,
      from_date: d.fromDate,
      to_date: d.toDate,
      first_seq: d.firstSeq,
      last_seq: d.lastSeq,
      head_seq: d.headSeq,
      head_hash: d.headHash,
      body_json: JSON.stringify(d.body),
      notice_days: d.noticeDays,
      objection_phone: d.objectionPhone,
      supersedes_id: input.supersedesId,
      correction_reason: input.supersedesId ? input.correctionReason : null,
      published_at: input.at,
      published_by: input.who.id,
      published_by_name: input.who.name,
    })
    .execute();
  return toNotice(ctx.db, await findNotice(ctx.db, id));
}

export const noticesHandlers: HandlerMap<keyof typeof notices> = {
  async 'charity.previewNotice'(input, ctx) {
    return draft(ctx, input.period);
  },

  /**
   * Publishes a notice: frozen from then on (the table is append-only). A period already published is
   * published again only as a correction (更正公告) that names the notice it supersedes and why.
   */
  async 'charity.publishNotice'(input, ctx) {
    const who = actor(ctx);
    const notice = await publishNotice(ctx, { ...input, who, at: ctx.now().toISOString() });
    await ctx.audit({
      action: 'charity.publishNotice',
      area,
      recordType: 'charity_notice',
      recordId: notice.id,
      summary: `${notice.number} ${notice.title} ${notice.headHash.slice(0, 16)}`,
      after: { ...notice, body: undefined },
    });
    return notice;
  },

  async 'charity.listNotices'(_input, ctx) {
    const rows = await noticesQuery(ctx.db).execute();
    return Promise.all(rows.map((r) => toNotice(ctx.db, r)));
  },

  async 'charity.getNotice'(input, ctx) {
    return toNotice(ctx.db, await findNotice(ctx.db, input.id));
  },
};

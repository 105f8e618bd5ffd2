// The council's SQL: db first, rows back (Kysely's repository shape). Rules live in the service files.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export function findBody(db: Db, id: string) {
  return db.selectFrom('council_bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listBodyRows(db: Db) {
  return db
    .selectFrom('council_bodies as b')
    .selectAll('b')
    .select((eb) => [
      eb
        .selectFrom('council_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.body_id', '=', 'b.id')
        .where('m.archived', '=', 0)
        .as('member_count'),
      eb
        .selectFrom('council_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.body_id', '=', 'b.id')
        .where('m.archived', '=', 0)
        .where('m.votes', '=', 1)
        .as('voting_count'),
    ])
    .where('b.archived', '=', 0)
    .orderBy('b.created_at')
    .execute();
}

export function listMemberRows(db: Db, bodyId: string) {
  return db.selectFrom('council_members').selectAll().where('body_id', '=', bodyId).where('archived', '=', 0).orderBy('name').execute();
}

export function findMember(db: Db, id: string) {
  return db.selectFrom('council_members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** 应到: the body's voting members whose term covers the day. */
export async function votingBase(db: Db, bodyId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('council_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('body_id', '=', bodyId)
    .where('archived', '=', 0)
    .where('votes', '=', 1)
    .where('term_start', '<=', day)
    .where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>=', day)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findMeeting(db: Db, id: string) {
  return db.selectFrom('council_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function meetingSummaryQuery(db: Db) {
  return db
    .selectFrom('council_meetings as m')
    .innerJoin('council_bodies as b', 'b.id', 'm.body_id')
    .select([
      'm.id',
      'm.body_id',
      'b.name as body_name',
      'b.kind as body_kind',
      'm.title',
      'm.held_on',
      'm.start_time',
      'm.place',
      'm.state',
      'm.quorate',
      sql<number>`m.rowid`.as('rid'),
    ]);
}

/** Newest first, paged by (held_on, rowid): council_meetings_date, or council_meetings_body for one body. */
export function meetingsPageQuery(db: Db, bodyId: string | null, after: { k: string | null; i: string | number } | null, limit: number) {
  let q = meetingSummaryQuery(db);
  if (bodyId) q = q.where('m.body_id', '=', bodyId);
  if (after) q = q.where(sql<boolean>`(m.held_on, m.rowid) < (${after.k}, ${after.i})`);
  return q
    .orderBy('m.held_on', 'desc')
    .orderBy(sql`m.rowid`, 'desc')
    .limit(limit);
}

export function agendaRows(db: Db, meetingId: string) {
  return db.selectFrom('council_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

export function rollRows(db: Db, meetingId: string) {
  return db.selectFrom('council_roll').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

export function motionRows(db: Db, meetingId: string) {
  return db.selectFrom('council_motions').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

export function findMotion(db: Db, id: string) {
  return db.selectFrom('council_motions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function recusalRows(db: Db, meetingId: string) {
  return db
    .selectFrom('council_recusals as r')
    .innerJoin('council_motions as mo', 'mo.id', 'r.motion_id')
    .innerJoin('council_members as m', 'm.id', 'r.member_id')
    .select(['r.motion_id', 'r.member_id', 'r.reason', 'm.name'])
    .where('mo.meeting_id', '=', meetingId)
    .execute();
}

export function rollCallRows(db: Db, meetingId: string) {
  return db
    .selectFrom('council_roll_call_votes as v')
    .innerJoin('council_motions as mo', 'mo.id', 'v.motion_id')
    .innerJoin('council_members as m', 'm.id', 'v.member_id')
    .select(['v.motion_id', 'v.member_id', 'v.choice', 'm.name'])
    .where('mo.meeting_id', '=', meetingId)
    .execute();
}

export function resolutionRows(db: Db, meetingId: string) {
  return db.selectFrom('council_resolutions').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

export function actionItemQuery(db: Db) {
  return db
    .selectFrom('council_action_items as a')
    .innerJoin('council_meetings as m', 'm.id', 'a.meeting_id')
    .leftJoin('council_resolutions as r', 'r.id', 'a.resolution_id')
    .selectAll('a')
    .select(['m.title as meeting_title', 'm.held_on', 'r.number as resolution_number', sql<number>`a.rowid`.as('rid')]);
}

export function minutesRows(db: Db, meetingId: string) {
  return db.selectFrom('council_minutes').selectAll().where('meeting_id', '=', meetingId).orderBy('version').execute();
}

export function signatureRows(db: Db, meetingId: string) {
  return db
    .selectFrom('council_minutes_signatures as s')
    .innerJoin('council_minutes as mi', 'mi.id', 's.minutes_id')
    .select(['s.minutes_id', 's.seq', 's.role', 's.name', 's.signed_at'])
    .where('mi.meeting_id', '=', meetingId)
    .orderBy('s.seq')
    .execute();
}

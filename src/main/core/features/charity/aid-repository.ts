import { sql, type Kysely } from 'kysely';
import type { AidApplication } from '../../../../shared/contract/charity/aid';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';
import type { CharityAidApplicationsTable } from './schema';

/** Tags that mean the household already has public assistance: shown beside an application (DOMAIN.md §7). */
export const assistanceTagNames = ['低保', '特困', '低收入', '残疾', '困境儿童', '孤寡'];

export async function findApplication(db: Kysely<Database>, id: string): Promise<CharityAidApplicationsTable> {
  const row = await db.selectFrom('charity_aid_applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('charity.application_not_found', 'No such application');
  return row;
}

export async function toApplication(db: Kysely<Database>, r: CharityAidApplicationsTable): Promise<AidApplication> {
  const evidence = await db
    .selectFrom('charity_evidence')
    .select(['id', 'file_name', 'size', 'sha256'])
    .where('application_id', '=', r.id)
    .orderBy('created_at')
    .execute();
  return {
    id: r.id,
    number: r.number,
    residentId: r.resident_id,
    householdId: r.household_id,
    recipientName: r.recipient_name,
    kind: r.kind,
    fundCode: r.fund_code,
    amountFen: r.amount_fen,
    items: JSON.parse(r.items_json) as AidApplication['items'],
    reason: r.reason,
    status: r.status,
    visitNote: r.visit_note,
    councilResolutionId: r.council_resolution_id,
    councilResolutionNo: r.council_resolution_no,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    decidedByName: r.decided_by_name,
    decisionNote: r.decision_note,
    paymentMethod: r.payment_method,
    entrySeq: r.entry_seq,
    acknowledgement: r.acknowledgement,
    evidence: evidence.map((e) => ({ id: e.id, fileName: e.file_name, size: e.size, sha256: e.sha256 })),
  };
}

/** The applicant from the registry: name, household and whether they are still here. */
export async function findRecipient(db: Kysely<Database>, residentId: string) {
  const r = await db.selectFrom('residents').select(['id', 'name', 'household_id', 'archived']).where('id', '=', residentId).executeTakeFirst();
  if (!r) throw new AppError('charity.resident_not_found', 'No such resident', { fields: { residentId: 'charity.resident_not_found' } });
  if (r.archived)
    throw new AppError('charity.resident_archived', 'The resident has moved out or died', { fields: { residentId: 'charity.resident_archived' } });
  return r;
}

export async function assistanceTags(db: Kysely<Database>, residentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('resident_tags as rt')
    .innerJoin('tags as t', 't.id', 'rt.tag_id')
    .select('t.name')
    .where('rt.resident_id', '=', residentId)
    .execute();
  return rows.map((r) => r.name).filter((n) => assistanceTagNames.some((a) => n.includes(a)));
}

/** This year's other applications for the same household that were approved or paid. */
export async function earlierThisYear(db: Kysely<Database>, app: CharityAidApplicationsTable, year: string) {
  if (!app.household_id) return [];
  const rows = await db
    .selectFrom('charity_aid_applications')
    .select(['number', 'recipient_name', 'kind', 'amount_fen', 'paid_at', 'status'])
    .where('household_id', '=', app.household_id)
    .where('created_at', '>=', `${year}-01-01`)
    .where('id', '<>', app.id)
    .where('status', 'in', ['approved', 'paid', 'acknowledged'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ number: r.number, recipientName: r.recipient_name, kind: r.kind, amountFen: r.amount_fen, paidAt: r.paid_at, status: r.status }));
}

export async function addEvent(
  db: Kysely<Database>,
  applicationId: string,
  at: string,
  who: { id: string; name: string },
  kind: string,
  detail: unknown,
): Promise<void> {
  await db
    .insertInto('charity_aid_events')
    .values({ application_id: applicationId, at, actor_id: who.id, actor_name: who.name, kind, detail_json: JSON.stringify(detail ?? {}) })
    .execute();
}

export const countAwaiting = (db: Kysely<Database>) =>
  db
    .selectFrom('charity_aid_applications')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'reviewed')
    .executeTakeFirstOrThrow();

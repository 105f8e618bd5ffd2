import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AidStatus } from './schema';
import { receiptRows } from './receipts';

/**
 * The charity area's list queries, keyset-paged; tests/unit/charity/plans.test.ts asserts each one reads an
 * index in order (no scan, no sort).
 */

/** Donors by name (a prefix narrows it), then id; the cursor is the last row's [name, id]. */
export function donorsPageQuery(db: Kysely<Database>, input: { query: string; cursor: string | null; limit: number }) {
  let q = db.selectFrom('charity_donors').selectAll().where('archived', '=', 0);
  if (input.query) q = q.where('name', '>=', input.query).where('name', '<', `${input.query}\uffff`);
  if (input.cursor) {
    const [name, id] = JSON.parse(input.cursor) as [string, string];
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return q
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit + 1);
}

/** Donations newest first by (received_on, id); optionally one donor's. */
export function donationsPageQuery(db: Kysely<Database>, input: { from?: string; to?: string; donorId?: string; cursor: string | null; limit: number }) {
  let q = db.selectFrom('charity_donations').selectAll();
  if (input.donorId) q = q.where('donor_id', '=', input.donorId);
  if (input.from) q = q.where('received_on', '>=', input.from);
  if (input.to) q = q.where('received_on', '<=', input.to);
  if (input.cursor) {
    const [on, id] = JSON.parse(input.cursor) as [string, string];
    q = q.where((eb) => eb.or([eb('received_on', '<', on), eb.and([eb('received_on', '=', on), eb('id', '<', id)])]));
  }
  return q
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1);
}

/** A year's receipts, newest number first. */
export function receiptsPageQuery(db: Kysely<Database>, input: { year: number; cursor: string | null; limit: number }) {
  let q = receiptRows(db).where('r.year', '=', input.year);
  if (input.cursor) q = q.where('r.number', '<', Number(input.cursor));
  return q.orderBy('r.number', 'desc').limit(input.limit + 1);
}

/** Aid applications newest first (UUIDv7 ids sort by time), optionally in one status. */
export function applicationsPageQuery(db: Kysely<Database>, input: { status?: AidStatus; cursor: string | null; limit: number }) {
  let q = db.selectFrom('charity_aid_applications').selectAll();
  if (input.status) q = q.where('status', '=', input.status);
  if (input.cursor) q = q.where('id', '<', input.cursor);
  return q.orderBy('id', 'desc').limit(input.limit + 1);
}

export function noticesQuery(db: Kysely<Database>) {
  return db.selectFrom('charity_notices').selectAll().orderBy('published_at', 'desc').limit(200);
}

export function batchesQuery(db: Kysely<Database>, status?: 'open' | 'posted') {
  let q = db.selectFrom('charity_batches').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').limit(100);
}

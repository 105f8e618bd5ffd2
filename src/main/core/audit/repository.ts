import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database, AuditLogTable } from '../db/schema';
import type { AuditFilter } from '../../../shared/contract/audit';
import { newId } from '../util/ids';
import { GENESIS_HASH, chainHash, verifyChain, type ChainRow, type ChainVerdict } from '../chains/hash';

export interface AuditWrite {
  action: string;
  area: string;
  recordType?: string | null;
  recordId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
  /** Names the person when the call has no session yet (a sign-in names who signed in). */
  actor?: { id: string | null; name: string | null };
}
export interface AuditActor {
  id: string | null;
  name: string | null;
  workstation: string;
}

type AuditContent = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash'>;

/** The fields a record's hash covers, in a fixed shape. */
function contentOf(row: AuditContent & { seq: number }): unknown {
  return [
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.workstation,
    row.action,
    row.area,
    row.record_type,
    row.record_id,
    row.summary,
    row.before_json,
    row.after_json,
  ];
}

export async function appendAudit(db: Kysely<Database>, entry: AuditWrite, actor: AuditActor, at: Date): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent & { seq: number } = {
    seq,
    id: newId(),
    at: at.toISOString(),
    actor_id: entry.actor ? entry.actor.id : actor.id,
    actor_name: entry.actor ? entry.actor.name : actor.name,
    workstation: actor.workstation,
    action: entry.action,
    area: entry.area,
    record_type: entry.recordType ?? null,
    record_id: entry.recordId ?? null,
    summary: entry.summary ?? null,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  await db
    .insertInto('audit_log')
    .values({ ...content, prev_hash: prevHash, hash: chainHash(prevHash, contentOf(content)) })
    .execute();
}

export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter & { beforeSeq?: number; limit: number },
  timeZoneOffset: (date: string, endOfDay: boolean) => string,
) {
  let q = db.selectFrom('audit_log');
  if (filter.userId) q = q.where('actor_id', '=', filter.userId);
  if (filter.area) q = q.where('area', '=', filter.area);
  if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.from) q = q.where('at', '>=', timeZoneOffset(filter.from, false));
  if (filter.to) q = q.where('at', '<', timeZoneOffset(filter.to, true));
  const total = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  let page = q.selectAll();
  // Keyset paging on seq: deep pages cost the same as the first.
  if (filter.beforeSeq) page = page.where('seq', '<', filter.beforeSeq);
  const rows = await page.orderBy('seq', 'desc').limit(filter.limit).execute();
  return { rows, total: total.n };
}

export async function auditAreas(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('area').distinct().orderBy('area').execute();
  return rows.map((r) => r.area);
}

/**
 * Everyone who acted, once each, under the name of their latest record (a display name can change).
 * One row per actor through the (actor_id, seq) index; anonymous records (failed sign-ins) are left out.
 */
export async function auditActors(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  const latest = db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('actor_id', 'is not', null)
    .groupBy('actor_id');
  const rows = await db.selectFrom('audit_log').select(['actor_id', 'actor_name']).where('seq', 'in', latest).orderBy('actor_name').execute();
  return rows.map((r) => ({ id: r.actor_id as string, name: r.actor_name ?? (r.actor_id as string) }));
}

/** Recomputes the whole audit chain, reading in pages so a large trail does not fill memory. */
export function verifyAuditChain(sqlite: SqliteDatabase.Database): ChainVerdict {
  const stmt = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq');
  function* rows(): Iterable<ChainRow> {
    for (const row of stmt.iterate() as Iterable<AuditLogTable>) {
      yield { seq: row.seq, prevHash: row.prev_hash, hash: row.hash, content: contentOf(row) };
    }
  }
  return verifyChain(rows());
}

export function auditHead(sqlite: SqliteDatabase.Database): { seq: number; hash: string } | null {
  return (sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
}

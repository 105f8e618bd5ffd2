import type { HandlerMap } from '../context';
import type { AuditEntry } from '../../../shared/contract/audit';
import type { AuditLogTable } from '../db/schema';
import { auditActors, auditAreas, listAudit } from './repository';
import { verifyChains } from '../chains/registry';
import { readSettings } from '../community/settings';
import { localDayEnd, localDayStart } from '../time/zone';
import { parseJson } from '../util/json';

export function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorName: row.actor_name,
    action: row.action,
    area: row.area,
    recordType: row.record_type,
    recordId: row.record_id,
    summary: row.summary,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

export const auditHandlers: HandlerMap<'audit.list' | 'audit.actors' | 'audit.areas' | 'audit.verify'> = {
  async 'audit.list'(input, ctx) {
    const { timeZone } = await readSettings(ctx.db);
    const { rows, total } = await listAudit(ctx.db, input, (date, end) => (end ? localDayEnd(date, timeZone) : localDayStart(date, timeZone)));
    const entries = rows.map(toAuditEntry);
    const last = rows.at(-1);
    return { entries, total, nextBeforeSeq: rows.length === input.limit && last ? last.seq : null };
  },

  async 'audit.actors'(_input, ctx) {
    return auditActors(ctx.db);
  },

  async 'audit.areas'(_input, ctx) {
    return auditAreas(ctx.db);
  },

  async 'audit.verify'(_input, ctx) {
    return verifyChains(ctx.sqlite);
  },
};

import { z } from 'zod';
import type { AuditLogTable } from '../db/schema';
import { defineReport } from '../reports/registry';
import { paramInput } from '../reports/param-fields';
import type { TableReport } from '../reports/model';
import { verifyAuditChain } from './repository';
import { localDayEnd, localDayStart } from '../time/zone';
import { auditSummary } from '../../../shared/audit-summary';

const isoDate = paramInput(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format'), 'date');
const CHUNK = 2_000;

/** The audit trail for a date range: what an auditor prints or hands over. */
export const auditReport = defineReport({
  name: 'audit',
  area: 'audit',
  permission: 'audit.read',
  params: z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'contract.date_range', path: ['to'] }),
  formats: ['pdf', 'docx', 'xlsx', 'csv'],
  async build(ctx, params): Promise<TableReport> {
    const from = localDayStart(params.from, ctx.timeZone);
    const to = localDayEnd(params.to, ctx.timeZone);
    const total = (ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE at >= ? AND at < ?').get(from, to) as { n: number }).n;
    const page = ctx.sqlite.prepare('SELECT * FROM audit_log WHERE at >= ? AND at < ? AND seq > ? ORDER BY seq LIMIT ?');
    const rows: TableReport['rows'] = [];
    let after = 0;
    // Read in chunks and let other work run between them: a year's trail must not freeze the app.
    for (;;) {
      ctx.job.checkCancelled();
      const chunk = page.all(from, to, after, CHUNK) as AuditLogTable[];
      for (const r of chunk) {
        rows.push({
          seq: r.seq,
          at: r.at,
          actor: r.actor_name ?? '—',
          workstation: r.workstation,
          action: actionLabel(ctx.t, r.action),
          area: labelOr(ctx.t, `areas.${r.area}`, r.area),
          record: r.record_id ? `${r.record_type ? labelOr(ctx.t, `recordTypes.${r.record_type}`, r.record_type) : ''} …${r.record_id.slice(-8)}` : '',
          summary: summaryOf(ctx.t, r),
        });
      }
      ctx.job.progress(rows.length, total);
      if (chunk.length < CHUNK) break;
      after = chunk[chunk.length - 1].seq;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const chain = verifyAuditChain(ctx.sqlite);
    const c = (key: string) => ctx.t(`auditReport.columns.${key}`);
    return {
      kind: 'table',
      title: ctx.t('auditReport.title'),
      meta: [
        { label: ctx.t('auditReport.range'), value: `${params.from} — ${params.to}` },
        { label: ctx.t('auditReport.count'), value: String(rows.length) },
        {
          label: ctx.t('auditReport.chain'),
          value: chain.ok
            ? ctx.t('auditReport.chainOk', { head: (chain.head ?? '').slice(0, 16) })
            : ctx.t('auditReport.chainBroken', { seq: chain.firstBroken?.seq ?? 0, reason: chain.firstBroken?.reason ?? '' }),
        },
      ],
      columns: [
        { key: 'seq', header: c('seq'), kind: 'integer', width: 6, align: 'right' },
        { key: 'at', header: c('at'), kind: 'datetime', width: 16 },
        { key: 'actor', header: c('actor'), width: 10 },
        { key: 'workstation', header: c('workstation'), width: 10 },
        { key: 'action', header: c('action'), width: 14 },
        { key: 'area', header: c('area'), width: 8 },
        { key: 'record', header: c('record'), width: 14 },
        { key: 'summary', header: c('summary'), width: 20 },
      ],
      rows,
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

function actionLabel(t: (key: string) => string, action: string): string {
  return labelOr(t, `auditActions.${action}`, action);
}

/** The locale's name for a code, or the code itself when the locale has none (a newer action). */
function labelOr(t: (key: string) => string, key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}

/** The summary in the reader's words, as the audit screen shows it (shared/audit-summary.ts). */
function summaryOf(t: (key: string, params?: Record<string, string | number>) => string, r: AuditLogTable): string {
  let after: unknown;
  try {
    after = r.after_json ? JSON.parse(r.after_json) : null;
  } catch {
    after = null;
  }
  return auditSummary(t, { action: r.action, summary: r.summary, recordId: r.record_id, after }) ?? r.summary ?? '';
}

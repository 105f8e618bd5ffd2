import { z } from 'zod';
import { sql } from 'kysely';
import { defineReport } from '../../reports/registry';
import { paramInput } from '../../reports/param-fields';
import type { TableReport } from '../../reports/model';
import { actionItemQuery } from './repository';
import { toActionItem } from './service';

const isoDate = paramInput(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format'), 'date');

/**
 * 居民议事落实跟踪表: every action item of the meetings held in a date range, with its resolution, owner,
 * due date, state and result, the way the committee reviews them (and the 居务监督委员会 checks them).
 */
export const councilActionsReport = defineReport({
  name: 'council_actions',
  area: 'council',
  permission: 'council.read',
  params: z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'contract.date_range', path: ['to'] }),
  formats: ['pdf', 'docx', 'xlsx', 'csv'],
  async build(ctx, params): Promise<TableReport> {
    const rows = (
      await actionItemQuery(ctx.db)
        .where('m.held_on', '>=', params.from)
        .where('m.held_on', '<=', params.to)
        .orderBy('m.held_on')
        .orderBy(sql`a.rowid`)
        .execute()
    ).map(toActionItem);
    const c = (key: string) => ctx.t(`councilReport.columns.${key}`);
    const overdue = rows.filter((a) => (a.status === 'open' || a.status === 'doing') && a.dueOn < params.to).length;
    return {
      kind: 'table',
      title: ctx.t('councilReport.title'),
      meta: [
        { label: ctx.t('councilReport.range'), value: `${params.from} — ${params.to}` },
        { label: ctx.t('councilReport.count'), value: String(rows.length) },
        { label: ctx.t('councilReport.overdue'), value: String(overdue) },
      ],
      columns: [
        { key: 'heldOn', header: c('heldOn'), kind: 'date', width: 10 },
        { key: 'meeting', header: c('meeting'), width: 16 },
        { key: 'resolution', header: c('resolution'), width: 12 },
        { key: 'title', header: c('title'), width: 20 },
        { key: 'owner', header: c('owner'), width: 8 },
        { key: 'due', header: c('due'), kind: 'date', width: 10 },
        { key: 'status', header: c('status'), width: 6 },
        { key: 'doneOn', header: c('doneOn'), kind: 'date', width: 10 },
        { key: 'result', header: c('result'), width: 16 },
      ],
      rows: rows.map((a) => ({
        heldOn: a.heldOn,
        meeting: a.meetingTitle,
        resolution: a.resolutionNumber ?? '',
        title: a.title,
        owner: a.ownerName,
        due: a.dueOn,
        status: ctx.t(`councilReport.status.${a.status}`),
        doneOn: a.doneOn,
        result: a.result,
      })),
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

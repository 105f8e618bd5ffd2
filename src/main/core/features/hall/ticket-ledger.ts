import { z } from 'zod';
import type { TicketRow } from '../../../../shared/contract/hall';
import type { TableReport } from '../../reports/model';
import { defineReport, type ReportContext } from '../../reports/registry';
import { paramInput } from '../../reports/param-fields';
import { localToday } from '../../time/zone';
import { loadWorkingCalendar } from './calendar';
import { supervisionBoard } from './supervision';
import type { TicketClock } from './tickets-desk';
import { toTicketRow } from './tickets-view';

const isoDate = paramInput(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format'), 'date');

async function clockFor(ctx: ReportContext): Promise<TicketClock> {
  return { today: localToday(ctx.now, ctx.timeZone), calendar: await loadWorkingCalendar(ctx.db) };
}

/**
 * 办件台账: every ticket registered in a date range, the register the hall keeps under 首问负责制 (接待时间,
 * 事项, 首问责任人, 承办人, 办结) with its 好差评. It travels (to the street office, into a folder), so it
 * carries no ID number, phone or address: the columns are chosen for that, not filtered afterwards.
 */
export const hallLedgerReport = defineReport({
  name: 'hall_ledger',
  area: 'hall',
  permission: 'hall.read',
  params: z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'contract.date_range', path: ['to'] }),
  formats: ['xlsx', 'csv', 'pdf'],
  async build(ctx, params): Promise<TableReport> {
    const clock = await clockFor(ctx);
    // hall_tickets_registered, in index order.
    const rows = (
      await ctx.db
        .selectFrom('hall_tickets')
        .selectAll()
        .where('registered_on', '>=', params.from)
        .where('registered_on', '<=', params.to)
        .orderBy('registered_on')
        .orderBy('number')
        .execute()
    ).map((r) => ({ row: r, view: toTicketRow(r, clock) }));
    const c = (key: string) => ctx.t(`hallReport.columns.${key}`);
    const completed = rows.filter((r) => r.view.status === 'completed').length;
    const overdue = rows.filter((r) => r.view.overdue).length;
    return {
      kind: 'table',
      title: ctx.t('hallReport.ledger.title'),
      meta: [
        { label: ctx.t('hallReport.range'), value: `${params.from} — ${params.to}` },
        { label: ctx.t('hallReport.ledger.count'), value: String(rows.length) },
        { label: ctx.t('hallReport.ledger.completed'), value: String(completed) },
        { label: ctx.t('hallReport.ledger.overdue'), value: String(overdue) },
      ],
      columns: [
        { key: 'number', header: c('number'), width: 14 },
        { key: 'registeredOn', header: c('registeredOn'), kind: 'date', width: 10 },
        { key: 'kind', header: c('kind'), width: 5 },
        { key: 'service', header: c('service'), width: 20 },
        { key: 'applicant', header: c('applicant'), width: 10 },
        { key: 'status', header: c('status'), width: 8 },
        { key: 'acceptedOn', header: c('acceptedOn'), kind: 'date', width: 10 },
        { key: 'dueOn', header: c('dueOn'), kind: 'date', width: 12 },
        { key: 'completedOn', header: c('completedOn'), kind: 'date', width: 10 },
        { key: 'firstOfficer', header: c('firstOfficer'), width: 8 },
        { key: 'handler', header: c('handler'), width: 8 },
        { key: 'rating', header: c('rating'), width: 8 },
      ],
      rows: rows.map(({ row, view }) => ({
        number: view.number,
        registeredOn: row.registered_on,
        kind: ctx.t(`hallReport.kinds.${view.kind}`),
        service: view.serviceName || row.summary.slice(0, 30),
        applicant: view.applicantName,
        status: ctx.t(`hallReport.statuses.${view.status}`) + (view.overdue ? ctx.t('hallReport.overdueMark') : ''),
        acceptedOn: view.acceptedOn,
        dueOn: view.dueOn,
        completedOn: view.completedOn,
        firstOfficer: view.firstOfficerName,
        handler: view.handlerName,
        rating: view.ratingLevel === null ? '' : ctx.t(`hallReport.ratings.${view.ratingLevel}`),
      })),
      notes: [ctx.t('hallReport.ledger.note')],
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

/**
 * 督办清单: the supervision board on paper for the morning meeting: the overdue, the due soon, the 差评
 * owed a call and the late 容缺 materials, each list as the board caps it.
 */
export const hallSupervisionReport = defineReport({
  name: 'hall_supervision',
  area: 'hall',
  permission: 'hall.read',
  params: z.object({}),
  formats: ['xlsx', 'pdf'],
  async build(ctx): Promise<TableReport> {
    const clock = await clockFor(ctx);
    const board = await supervisionBoard(ctx.db, clock, ctx.timeZone);
    const c = (key: string) => ctx.t(`hallReport.columns.${key}`);
    const line = (list: string, t: TicketRow, extra: string) => ({
      list: ctx.t(`hallReport.supervision.lists.${list}`),
      number: t.number,
      service: t.serviceName,
      applicant: t.applicantName,
      status: ctx.t(`hallReport.statuses.${t.status}`),
      dueOn: t.dueOn,
      left: extra,
      handler: t.handlerName,
      firstOfficer: t.firstOfficerName,
    });
    const daysLeft = (t: TicketRow) =>
      t.workingDaysLeft === null
        ? ''
        : t.workingDaysLeft < 0
          ? ctx.t('hallReport.supervision.overdueBy', { n: -t.workingDaysLeft })
          : ctx.t('hallReport.supervision.daysLeft', { n: t.workingDaysLeft });
    // The two dates the board's rows do not carry: when the call is owed, when the materials were pledged for.
    const chased = [...board.followUps, ...board.supplementsLate].map((t) => t.id);
    const dates = new Map(
      (chased.length
        ? await ctx.db.selectFrom('hall_tickets').select(['id', 'follow_up_due_on', 'supplement_by']).where('id', 'in', chased).execute()
        : []
      ).map((d) => [d.id, d]),
    );
    const rows = [
      ...board.overdue.map((t) => line('overdue', t, daysLeft(t))),
      ...board.dueSoon.map((t) => line('dueSoon', t, daysLeft(t))),
      ...board.followUps.map((t) => line('followUps', t, ctx.t('hallReport.supervision.followUpBy', { date: dates.get(t.id)?.follow_up_due_on ?? '' }))),
      ...board.supplementsLate.map((t) =>
        line('supplementsLate', t, ctx.t('hallReport.supervision.supplementBy', { date: dates.get(t.id)?.supplement_by ?? '' })),
      ),
    ];
    const k = board.counts;
    return {
      kind: 'table',
      title: ctx.t('hallReport.supervision.title'),
      meta: [
        { label: ctx.t('hallReport.supervision.today'), value: board.today },
        { label: ctx.t('hallReport.supervision.lists.open'), value: String(k.open) },
        { label: ctx.t('hallReport.supervision.lists.overdue'), value: String(k.overdue) },
        { label: ctx.t('hallReport.supervision.lists.dueSoon'), value: String(k.dueSoon) },
        { label: ctx.t('hallReport.supervision.lists.followUps'), value: String(k.followUpPending) },
        { label: ctx.t('hallReport.supervision.lists.supplementsLate'), value: String(board.supplementsLate.length) },
      ],
      columns: [
        { key: 'list', header: c('list'), width: 12 },
        { key: 'number', header: c('number'), width: 14 },
        { key: 'service', header: c('service'), width: 20 },
        { key: 'applicant', header: c('applicant'), width: 10 },
        { key: 'status', header: c('status'), width: 8 },
        { key: 'dueOn', header: c('dueOn'), kind: 'date', width: 12 },
        { key: 'left', header: c('left'), width: 16 },
        { key: 'firstOfficer', header: c('firstOfficer'), width: 8 },
        { key: 'handler', header: c('handler'), width: 8 },
      ],
      rows,
      notes: [ctx.t('hallReport.supervision.note')],
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

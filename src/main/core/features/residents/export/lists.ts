import { z } from 'zod';
import type { ResidentRow } from '../../../../../shared/contract/residents';
import type { ReportColumn, TableReport } from '../../../reports/model';
import { defineReport, type ReportContext } from '../../../reports/registry';
import { paramInput } from '../../../reports/param-fields';
import { remindersHandlers } from '../reminders';
import { visitsHandlers } from '../visits/handlers';
import { flag, resolveFilter } from './filters';
import { listContext, readAllPages } from './list-context';

// The reminder lists and the visits list as exports, with the filters the screens have (issue: lists a
// clerk relies on can be exported). Each reads the screen's own handler page by page, so the file holds
// what the screen lists, in its order; numbers are masked as on screen; every run is on the audit record
// (reports.run records it with its parameters).

const PAGE = 200;
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const days = (max: number, fallback: number) => z.preprocess(blank, z.coerce.number().int().min(1).max(max).default(fallback));

function residentColumns(ctx: ReportContext): ReportColumn[] {
  const c = (key: string) => ctx.t(`registerReport.columns.${key}`);
  return [
    { key: 'name', header: c('name'), width: 8 },
    { key: 'gender', header: c('gender'), width: 4, align: 'center' },
    { key: 'age', header: c('age'), kind: 'integer', width: 4, align: 'right' },
    { key: 'idNumber', header: c('idNumber'), width: 18 },
    { key: 'phone', header: c('phone'), width: 12 },
    { key: 'status', header: c('status'), width: 7 },
    { key: 'address', header: c('address'), width: 18 },
    { key: 'grid', header: c('grid'), width: 8 },
    { key: 'tags', header: c('tags'), width: 10 },
  ];
}

function residentCells(ctx: ReportContext, r: ResidentRow): TableReport['rows'][number] {
  return {
    name: r.name,
    gender: r.gender ? ctx.t(`registerReport.gender.${r.gender}`) : '',
    age: r.age,
    idNumber: r.idMasked,
    phone: r.phoneMasked,
    status: r.status,
    address: r.address,
    grid: r.gridName ?? '',
    tags: r.tags.map((t) => t.name).join('、'),
  };
}

function table(ctx: ReportContext, title: string, condition: string, columns: ReportColumn[], rows: TableReport['rows']): TableReport {
  return {
    kind: 'table',
    title,
    meta: [
      { label: ctx.t('registerReport.filters'), value: condition },
      { label: ctx.t('listReports.count'), value: String(rows.length) },
      { label: ctx.t('registerReport.numbers'), value: ctx.t('registerReport.masked') },
    ],
    columns: [{ key: 'seq', header: ctx.t('registerReport.columns.seq'), kind: 'integer', width: 5, align: 'right' }, ...columns],
    rows: rows.map((r, i) => ({ seq: i + 1, ...r })),
    orientation: 'landscape',
    ...ctx.frame,
  };
}

/** 整寿: residents turning 60/70/80/90/100 this month or next. */
export const milestonesReport = defineReport({
  name: 'residents.milestones',
  area: 'residents',
  permission: 'residents.read',
  params: z.object({ month: z.preprocess(blank, z.enum(['this', 'next']).default('this')) }),
  formats: ['xlsx', 'pdf'],
  async build(ctx, params): Promise<TableReport> {
    const lc = listContext(ctx);
    const first = await remindersHandlers['residents.milestones']({ month: params.month, cursor: null, limit: 1 }, lc);
    const rows = await readAllPages(ctx, first.total, (cursor) => remindersHandlers['residents.milestones']({ month: params.month, cursor, limit: PAGE }, lc));
    const columns: ReportColumn[] = [
      { key: 'turning', header: ctx.t('listReports.columns.turning'), kind: 'integer', width: 5, align: 'right' },
      { key: 'birthday', header: ctx.t('listReports.columns.birthday'), kind: 'date', width: 10 },
      ...residentColumns(ctx),
    ];
    const cells = rows.map((m) => ({ turning: m.turning, birthday: m.birthday, ...residentCells(ctx, m.resident) }));
    return table(ctx, ctx.t('listReports.titles.milestones'), ctx.t(`listReports.month.${params.month}`), columns, cells);
  },
});

function expiringReport(kind: 'idCards' | 'permits') {
  return defineReport({
    name: kind === 'idCards' ? 'residents.id_cards_expiring' : 'residents.permits_due',
    area: 'residents',
    permission: 'residents.read',
    params: z.object({ withinDays: days(366, kind === 'idCards' ? 60 : 30) }),
    formats: ['xlsx', 'pdf'],
    async build(ctx, params): Promise<TableReport> {
      const lc = listContext(ctx);
      const read = (cursor: string | null, limit: number) => {
        const query = { withinDays: params.withinDays, cursor, limit };
        return kind === 'idCards'
          ? remindersHandlers['residents.idCardsExpiring'](query, lc).then((p) => ({
              ...p,
              rows: p.rows.map(({ expiresOn, ...r }) => ({ row: r, date: expiresOn })),
            }))
          : remindersHandlers['residents.permitsDue'](query, lc).then((p) => ({ ...p, rows: p.rows.map(({ dueOn, ...r }) => ({ row: r, date: dueOn })) }));
      };
      const total = (await read(null, 1)).total;
      const rows = await readAllPages(ctx, total, (cursor) => read(cursor, PAGE));
      const dateHeader = ctx.t(`listReports.columns.${kind === 'idCards' ? 'expiresOn' : 'dueOn'}`);
      const columns: ReportColumn[] = [{ key: 'date', header: dateHeader, kind: 'date', width: 10 }, ...residentColumns(ctx)];
      const cells = rows.map(({ row, date }) => ({ date, ...residentCells(ctx, row) }));
      return table(ctx, ctx.t(`listReports.titles.${kind}`), ctx.t('listReports.within', { days: params.withinDays }), columns, cells);
    },
  });
}

export const idCardsExpiringReport = expiringReport('idCards');
export const permitsDueReport = expiringReport('permits');

/** 走访: the households due a visit, overdue first, for the worker's own grids or one grid or all. */
export const visitsDueReport = defineReport({
  name: 'residents.visits_due',
  area: 'residents',
  permission: 'residents.read',
  params: z.object({
    grid: paramInput(z.preprocess(blank, z.string().trim().max(60).optional()), 'grid'),
    mine: flag.default(false),
    overdueOnly: flag.default(false),
    withinDays: z.preprocess(blank, z.coerce.number().int().min(0).max(366).default(14)),
  }),
  formats: ['xlsx', 'pdf'],
  async build(ctx, params): Promise<TableReport> {
    const lc = listContext(ctx);
    const grid = resolveFilter(ctx.sqlite, { grid: params.grid, archived: 'active', fullIds: false });
    const query = { gridId: grid.gridId, mine: params.mine, overdueOnly: params.overdueOnly, withinDays: params.withinDays };
    // The due list has no count of its own: progress counts pages as they come.
    const rows = await readAllPages(ctx, 0, (cursor) => visitsHandlers['residents.visitsDue']({ ...query, cursor, limit: PAGE }, lc));
    const c = (key: string) => ctx.t(`listReports.columns.${key}`);
    const columns: ReportColumn[] = [
      { key: 'household', header: ctx.t('registerReport.columns.household'), width: 10 },
      { key: 'head', header: c('head'), width: 8 },
      { key: 'address', header: ctx.t('registerReport.columns.address'), width: 18 },
      { key: 'grid', header: ctx.t('registerReport.columns.grid'), width: 8 },
      { key: 'worker', header: c('worker'), width: 8 },
      { key: 'lastVisit', header: c('lastVisit'), kind: 'date', width: 10 },
      { key: 'nextDue', header: c('nextDue'), kind: 'date', width: 10 },
      { key: 'overdue', header: c('overdue'), kind: 'integer', width: 6, align: 'right' },
      { key: 'interval', header: c('interval'), kind: 'integer', width: 6, align: 'right' },
    ];
    const cells = rows.map((h) => ({
      household: h.number,
      head: h.headName ?? '',
      address: h.address,
      grid: h.gridName ?? '',
      worker: h.workerName ?? '',
      lastVisit: h.lastVisitOn,
      nextDue: h.nextVisitDue,
      overdue: h.daysOverdue > 0 ? h.daysOverdue : null,
      interval: h.intervalDays,
    }));
    const parts = [
      params.mine ? ctx.t('listReports.mine') : grid.labels.grid ? `${ctx.t('reports.params.grid')}：${grid.labels.grid}` : ctx.t('listReports.allGrids'),
      params.overdueOnly ? ctx.t('listReports.overdueOnly') : ctx.t('listReports.within', { days: params.withinDays }),
    ];
    return table(ctx, ctx.t('listReports.titles.visits'), parts.join('；'), columns, cells);
  },
});

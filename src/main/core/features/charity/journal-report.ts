import { z } from 'zod';
import { defineReport } from '../../reports/registry';
import { paramInput } from '../../reports/param-fields';
import type { TableReport } from '../../reports/model';
import { charityChain } from './chain';

const isoDate = paramInput(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format'), 'date');

/** The journal's lines for a date range (记账凭证清单), for the treasurer's files and the host charity's audit. */
export const charityJournalReport = defineReport({
  name: 'charity.journal',
  area: 'charity',
  permission: 'charity.read',
  params: z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'contract.date_range', path: ['to'] }),
  formats: ['pdf', 'xlsx', 'csv'],
  async build(ctx, params): Promise<TableReport> {
    const rows = ctx.sqlite
      .prepare(
        `SELECT e.seq, e.entry_date AS date, e.memo, a.name AS account, l.fund_code AS fund, l.debit, l.credit, e.hash
         FROM charity_entries e JOIN charity_lines l ON l.entry_seq = e.seq JOIN charity_accounts a ON a.code = l.account_code
         WHERE e.entry_date BETWEEN ? AND ? ORDER BY e.seq, l.line_no`,
      )
      .all(params.from, params.to) as TableReport['rows'];
    for (const r of rows) r.hash = String(r.hash).slice(0, 16);
    const chain = charityChain.verify(ctx.sqlite);
    const c = (key: string) => ctx.t(`charityReport.columns.${key}`);
    const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);
    return {
      kind: 'table',
      title: ctx.t('charityReport.title'),
      meta: [
        { label: ctx.t('charityReport.range'), value: `${params.from} — ${params.to}` },
        {
          label: ctx.t('charityReport.chain'),
          value: chain.ok
            ? ctx.t('charityReport.chainOk', { count: chain.count, head: chain.head ?? '—' })
            : ctx.t('charityReport.chainBroken', { seq: chain.firstBroken?.seq ?? 0 }),
        },
      ],
      columns: [
        { key: 'seq', header: c('seq'), kind: 'integer', width: 6, align: 'right' },
        { key: 'date', header: c('date'), kind: 'date', width: 10 },
        { key: 'memo', header: c('memo'), width: 24 },
        { key: 'account', header: c('account'), width: 10 },
        { key: 'fund', header: c('fund'), width: 6 },
        { key: 'debit', header: c('debit'), kind: 'fen', width: 10 },
        { key: 'credit', header: c('credit'), kind: 'fen', width: 10 },
        { key: 'hash', header: c('hash'), width: 16 },
      ],
      rows,
      totals: { memo: ctx.t('reportLabels.total'), debit: sum('debit'), credit: sum('credit') },
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

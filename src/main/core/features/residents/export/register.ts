import type { ResidentRow } from '../../../../../shared/contract/residents';
import { defineReport, type ReportContext } from '../../../reports/registry';
import type { TableReport } from '../../../reports/model';
import { peopleHandlers } from '../people/handlers';
import { registerParams, requirePermission, resolveFilter, type RegisterParams } from './filters';
import { listContext } from './list-context';

const PAGE = 200;

interface Extra {
  id_cipher: string | null;
  phone_cipher: string | null;
  relation_to_head: string;
  id_card_expires_on: string | null;
  id_card_long_term: number;
  number: string | null;
}

/**
 * 居民登记册: the register as filtered, masked unless `fullIds` (which needs residents.export_full and is
 * on the audit record with the other parameters, as every export is). Read page by page with progress,
 * letting other work run between pages.
 */
export const registerReport = defineReport({
  name: 'residents.register',
  area: 'residents',
  permission: 'residents.read',
  params: registerParams,
  formats: ['xlsx', 'csv', 'pdf'],
  async build(ctx, params): Promise<TableReport> {
    if (params.fullIds) requirePermission(ctx.sqlite, ctx.user.id, 'residents.export_full');
    const f = resolveFilter(ctx.sqlite, params);
    const filter = {
      gridId: f.gridId,
      buildingId: f.buildingId,
      tagId: f.tagId,
      status: params.status,
      ageMin: params.ageMin,
      ageMax: params.ageMax,
      archived: params.archived,
    };
    const lc = listContext(ctx);
    const total = (await peopleHandlers['residents.count'](filter, lc)).count;
    const extra = ctx.sqlite.prepare(
      `SELECT r.id, r.id_cipher, r.phone_cipher, r.relation_to_head, r.id_card_expires_on, r.id_card_long_term, h.number
         FROM residents r LEFT JOIN households h ON h.id = r.household_id
        WHERE r.id IN (SELECT value FROM json_each(?))`,
    );
    const rows: TableReport['rows'] = [];
    let cursor: string | null = null;
    ctx.job.progress(0, total);
    do {
      ctx.job.checkCancelled();
      const page: { rows: ResidentRow[]; nextCursor: string | null } = await peopleHandlers['residents.list'](
        { ...filter, sort: 'name', direction: 'asc', cursor, limit: PAGE },
        lc,
      );
      const byId = new Map((extra.all(JSON.stringify(page.rows.map((r) => r.id))) as (Extra & { id: string })[]).map((e) => [e.id, e]));
      for (const r of page.rows) {
        const e = byId.get(r.id);
        const reveal = (cipher: string | null | undefined, masked: string) => (params.fullIds && cipher ? ctx.secrets.decrypt(cipher) : masked);
        rows.push({
          seq: rows.length + 1,
          name: r.name,
          gender: r.gender ? ctx.t(`registerReport.gender.${r.gender}`) : '',
          birthDate: r.birthDate,
          age: r.age,
          idNumber: reveal(e?.id_cipher, r.idMasked),
          // 长期 for a long-term card; empty when not known (as the import reads it back).
          idCardExpiry: e?.id_card_long_term === 1 ? ctx.t('registerReport.longTerm') : (e?.id_card_expires_on ?? ''),
          phone: reveal(e?.phone_cipher, r.phoneMasked),
          status: r.status,
          address: r.address,
          household: e?.number ?? '',
          relation: e?.relation_to_head ?? '',
          grid: r.gridName ?? '',
          tags: r.tags.map((t) => t.name).join('、'),
        });
      }
      ctx.job.progress(rows.length, total);
      cursor = page.nextCursor;
      if (cursor) await new Promise((resolve) => setImmediate(resolve));
    } while (cursor);

    const c = (key: string) => ctx.t(`registerReport.columns.${key}`);
    return {
      kind: 'table',
      title: ctx.t('registerReport.title'),
      meta: [
        { label: ctx.t('registerReport.filters'), value: describeFilter(ctx, params, f.labels) },
        { label: ctx.t('registerReport.count'), value: String(rows.length) },
        { label: ctx.t('registerReport.numbers'), value: ctx.t(params.fullIds ? 'registerReport.full' : 'registerReport.masked') },
      ],
      columns: [
        { key: 'seq', header: c('seq'), kind: 'integer', width: 5, align: 'right' },
        { key: 'name', header: c('name'), width: 8 },
        { key: 'gender', header: c('gender'), width: 4, align: 'center' },
        { key: 'birthDate', header: c('birthDate'), kind: 'date', width: 10 },
        { key: 'age', header: c('age'), kind: 'integer', width: 4, align: 'right' },
        { key: 'idNumber', header: c('idNumber'), width: 18 },
        { key: 'idCardExpiry', header: c('idCardExpiry'), width: 10 },
        { key: 'phone', header: c('phone'), width: 12 },
        { key: 'status', header: c('status'), width: 7 },
        { key: 'address', header: c('address'), width: 18 },
        { key: 'household', header: c('household'), width: 8 },
        { key: 'relation', header: c('relation'), width: 6 },
        { key: 'grid', header: c('grid'), width: 8 },
        { key: 'tags', header: c('tags'), width: 10 },
      ],
      rows,
      notes: params.fullIds ? [ctx.t('registerReport.fullNote')] : undefined,
      orientation: 'landscape',
      ...ctx.frame,
    };
  },
});

function describeFilter(ctx: ReportContext, p: RegisterParams, labels: { grid?: string; building?: string; tag?: string }): string {
  const parts: string[] = [];
  if (labels.grid) parts.push(`${ctx.t('reports.params.grid')}：${labels.grid}`);
  if (labels.building) parts.push(`${ctx.t('reports.params.building')}：${labels.building}`);
  if (labels.tag) parts.push(`${ctx.t('reports.params.tag')}：${labels.tag}`);
  if (p.status) parts.push(`${ctx.t('reports.params.status')}：${p.status}`);
  if (p.ageMin !== undefined || p.ageMax !== undefined) parts.push(ctx.t('registerReport.ages', { min: p.ageMin ?? 0, max: p.ageMax ?? '' }));
  parts.push(ctx.t(`registerReport.archived.${p.archived}`));
  return parts.join('；');
}

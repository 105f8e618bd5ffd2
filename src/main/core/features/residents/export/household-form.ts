import { z } from 'zod';
import { AppError } from '../../../../../shared/errors';
import type { PageReport, PrintablePage } from '../../../reports/model';
import { defineReport, type ReportContext } from '../../../reports/registry';
import { escapeHtml, FONT_STACK, PRINT_MARGINS } from '../../../reports/formats/html';
import { formatDate } from '../../../reports/format-cell';
import { formatAddress } from '../address';

interface Member {
  name: string;
  relation_to_head: string;
  gender: string | null;
  birth_date: string | null;
  id_masked: string;
  phone_masked: string;
  status: string;
  notes: string;
  is_head: number;
}

/** Blank rows under the members, for people added by hand at the door. */
const MIN_ROWS = 8;

/**
 * 居民信息登记表: one household on an A4 form, as kept in the 分类台账 and signed at a home visit. Not a
 * table report: its own page (header block, members, signature lines), printed through core.pdf.
 * ID numbers and phones are masked, as on every staff screen.
 */
export const householdFormReport = defineReport({
  name: 'residents.household_form',
  area: 'residents',
  permission: 'residents.read',
  params: z.object({ household: z.string().trim().min(1, 'contract.required').max(64) }),
  formats: ['pdf'],
  async build(ctx, params): Promise<PageReport> {
    const hh = ctx.sqlite
      .prepare(
        `SELECT h.id, h.number, h.residence_relation, h.house_id, h.head_resident_id,
                ho.unit, ho.room, b.name AS building_name, c.name AS compound_name, g.name AS grid_name, g.worker_name
           FROM households h
           LEFT JOIN houses ho ON ho.id = h.house_id
           LEFT JOIN buildings b ON b.id = ho.building_id
           LEFT JOIN compounds c ON c.id = b.compound_id
           LEFT JOIN grids g ON g.id = b.grid_id
          WHERE h.id = @v OR h.number = @v`,
      )
      .get({ v: params.household }) as
      | { id: string; number: string; residence_relation: string; house_id: string | null; head_resident_id: string | null; unit: string | null; room: string | null; building_name: string | null; compound_name: string | null; grid_name: string | null; worker_name: string | null }
      | undefined;
    if (!hh) throw new AppError('residents.household_not_found', 'No such household', { fields: { household: 'residents.household_not_found' } });
    const members = ctx.sqlite
      .prepare(
        `SELECT name, relation_to_head, gender, birth_date, id_masked, phone_masked, status, notes, (id = ?) AS is_head
           FROM residents WHERE household_id = ? AND archived = 0
          ORDER BY is_head DESC, birth_date, name`,
      )
      .all(hh.head_resident_id, hh.id) as Member[];
    ctx.job.progress(1, 1);
    const address = hh.house_id && hh.compound_name ? formatAddress({ compoundName: hh.compound_name, buildingName: hh.building_name ?? '', unit: hh.unit ?? '无', room: hh.room ?? '' }) : '';
    const head = members.find((m) => m.is_head)?.name ?? '';
    const title = ctx.t('householdForm.title');
    return {
      kind: 'page',
      title: `${title}-${hh.number}`,
      generatedAt: ctx.frame.generatedAt,
      timeZone: ctx.timeZone,
      page: formPage(ctx, { title, number: hh.number, address, relation: hh.residence_relation, grid: hh.grid_name ? `${hh.grid_name}${hh.worker_name ? `（${hh.worker_name}）` : ''}` : '', head, members }),
    };
  },
});

function formPage(ctx: ReportContext, d: { title: string; number: string; address: string; relation: string; grid: string; head: string; members: Member[] }): PrintablePage {
  const t = (k: string, p?: Record<string, string | number>) => escapeHtml(ctx.t(`householdForm.${k}`, p));
  const e = escapeHtml;
  const today = formatDate(ctx.frame.generatedAt, ctx.timeZone);
  const gender = (g: string | null) => (g ? e(ctx.t(`registerReport.gender.${g}`)) : '');
  const rows = d.members.map(
    (m, i) => `<tr><td class="c">${i + 1}</td><td>${e(m.name)}</td><td class="c">${e(m.relation_to_head)}</td><td class="c">${gender(m.gender)}</td><td class="c">${e(m.birth_date ?? '')}</td><td class="mono">${e(m.id_masked)}</td><td class="mono">${e(m.phone_masked)}</td><td class="c">${e(m.status)}</td><td>${e(m.notes)}</td></tr>`,
  );
  for (let i = d.members.length; i < MIN_ROWS; i++) rows.push(`<tr class="blank"><td class="c">${i + 1}</td>${'<td></td>'.repeat(8)}</tr>`);
  const m = PRINT_MARGINS;
  const lh = ctx.frame.letterhead;
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(d.title)}</title><style>
@page { size: A4 portrait; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; color: #000; }
.unit { text-align: center; font-size: 12pt; letter-spacing: 0.1em; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; text-indent: 0.3em; margin: 2mm 0 5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 1.8mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; }
th { font-weight: bold; background: #f2f2f2; }
.info th { width: 16%; text-align: center; }
.members th { text-align: center; font-size: 9.5pt; }
.members td { font-size: 9.5pt; height: 7mm; }
.c { text-align: center; } .mono { font-variant-numeric: tabular-nums; }
.section { font-weight: bold; margin: 5mm 0 2mm; }
.notes { border: 0.75pt solid #000; height: 22mm; padding: 1.5mm; }
.signs { display: flex; justify-content: space-between; margin-top: 12mm; font-size: 11pt; }
.signs span { white-space: nowrap; word-spacing: 0.6em; }
.line { display: inline-block; border-bottom: 0.75pt solid #000; width: 32mm; }
.privacy { margin-top: 8mm; font-size: 8.5pt; color: #333; }
</style></head><body>
<div class="unit">${e(lh.communityName)}</div>
<h1>${e(d.title)}</h1>
<table class="info">
  <tr><th>${t('number')}</th><td>${e(d.number)}</td><th>${t('registeredOn')}</th><td>${e(today)}</td></tr>
  <tr><th>${t('address')}</th><td colspan="3">${e(d.address)}</td></tr>
  <tr><th>${t('relation')}</th><td>${e(d.relation)}</td><th>${t('grid')}</th><td>${e(d.grid)}</td></tr>
  <tr><th>${t('head')}</th><td>${e(d.head)}</td><th>${t('size')}</th><td>${t('people', { n: d.members.length })}</td></tr>
</table>
<div class="section">${t('members')}</div>
<table class="members">
  <colgroup><col style="width:6%"><col style="width:11%"><col style="width:10%"><col style="width:6%"><col style="width:12%"><col style="width:19%"><col style="width:13%"><col style="width:9%"><col style="width:14%"></colgroup>
  <thead><tr><th>${t('columns.seq')}</th><th>${t('columns.name')}</th><th>${t('columns.relation')}</th><th>${t('columns.gender')}</th><th>${t('columns.birthDate')}</th><th>${t('columns.idNumber')}</th><th>${t('columns.phone')}</th><th>${t('columns.status')}</th><th>${t('columns.notes')}</th></tr></thead>
  <tbody>${rows.join('\n')}</tbody>
</table>
<div class="section">${t('notes')}</div>
<div class="notes"></div>
<div class="signs">
  <span>${t('registrar')}： <span class="line"></span></span>
  <span>${t('headSignature')}： <span class="line"></span></span>
  <span>${t('date')}： ${t('dateBlank')}</span>
</div>
<div class="privacy">${t('privacy')}</div>
</body></html>`;
  const style = `font-family:${FONT_STACK.replace(/"/g, "'")};font-size:8px;color:#555;width:100%;padding:0 ${m.left};`;
  return {
    html,
    headerTemplate: `<div style="${style}text-align:right;">${e(d.title)} ${e(d.number)}</div>`,
    footerTemplate: `<div style="${style}text-align:center;word-spacing:0.6em;">${e(lh.communityName)} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    landscape: false,
    margins: { ...m },
  };
}

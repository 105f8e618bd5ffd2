import { z } from 'zod';
import { AppError } from '../../../../../shared/errors';
import type { PageReport } from '../../../reports/model';
import { defineReport } from '../../../reports/registry';
import { formatAddress } from '../address';
import { householdFormPage, type Member } from './household-form-page';

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
      | {
          id: string;
          number: string;
          residence_relation: string;
          house_id: string | null;
          head_resident_id: string | null;
          unit: string | null;
          room: string | null;
          building_name: string | null;
          compound_name: string | null;
          grid_name: string | null;
          worker_name: string | null;
        }
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
    const address =
      hh.house_id && hh.compound_name
        ? formatAddress({ compoundName: hh.compound_name, buildingName: hh.building_name ?? '', unit: hh.unit ?? '无', room: hh.room ?? '' })
        : '';
    const head = members.find((m) => m.is_head)?.name ?? '';
    const title = ctx.t('householdForm.title');
    return {
      kind: 'page',
      title: `${title}-${hh.number}`,
      generatedAt: ctx.frame.generatedAt,
      timeZone: ctx.timeZone,
      page: householdFormPage(ctx, {
        title,
        number: hh.number,
        address,
        relation: hh.residence_relation,
        grid: hh.grid_name ? `${hh.grid_name}${hh.worker_name ? `（${hh.worker_name}）` : ''}` : '',
        head,
        members,
      }),
    };
  },
});

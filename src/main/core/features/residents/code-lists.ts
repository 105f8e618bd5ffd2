import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';

/**
 * Coded lists (民族, 文化程度, 婚姻状况, 职业, 居住事由, 与户主关系). Residents store the label, so a list can
 * be reordered and extended freely; a label that stays keeps its code, a new one gets the next free code.
 */
export const codeListsHandlers: HandlerMap<'residents.codeLists' | 'residents.saveCodeList'> = {
  async 'residents.codeLists'(_input, ctx) {
    const rows = await ctx.db.selectFrom('code_lists').select(['list', 'code', 'label']).orderBy('list').orderBy('sort').orderBy('code').execute();
    const out: Record<string, { code: string; label: string }[]> = {};
    for (const r of rows) (out[r.list] ??= []).push({ code: r.code, label: r.label });
    return out;
  },

  async 'residents.saveCodeList'(input, ctx) {
    if (!/^[a-z][a-z0-9_]*$/.test(input.list))
      throw new AppError('residents.code_list_name', 'Not a code list name', { fields: { list: 'residents.code_list_name' } });
    const labels = input.labels;
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup)
      throw new AppError('residents.code_list_duplicate', 'A label is listed twice', {
        params: { label: dup },
        fields: { labels: 'residents.code_list_duplicate' },
      });
    const before = await ctx.db.selectFrom('code_lists').select(['code', 'label', 'sort']).where('list', '=', input.list).orderBy('sort').execute();
    const codeOf = new Map(before.map((r) => [r.label, r.code]));
    let next = Math.max(0, ...before.map((r) => Number(r.code) || 0)) + 1;
    const rows = labels.map((label, i) => {
      let code = codeOf.get(label);
      if (!code) code = String(next++).padStart(2, '0');
      return { list: input.list, code, label, sort: i + 1 };
    });
    await ctx.db.deleteFrom('code_lists').where('list', '=', input.list).execute();
    await ctx.db.insertInto('code_lists').values(rows).execute();
    const after = rows.map((r) => ({ code: r.code, label: r.label }));
    const was = before.map((r) => ({ code: r.code, label: r.label }));
    await ctx.audit({ recordType: 'code_list', recordId: input.list, summary: input.list, before: was, after });
    return after;
  },
};

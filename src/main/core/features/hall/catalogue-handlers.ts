import type { hall } from '../../../../shared/contract/hall';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { findService, listServices, writeService } from './catalogue';

type CatalogueMethods = Extract<keyof typeof hall, 'hall.listServices' | 'hall.saveService' | 'hall.setServiceArchived'>;

const area = 'hall';

export const catalogueHandlers: HandlerMap<CatalogueMethods> = {
  async 'hall.listServices'(input, ctx) {
    return listServices(ctx.db, input);
  },

  async 'hall.saveService'(input, ctx) {
    const { before, after } = await writeService(ctx.db, input, ctx.actor().id, ctx.now().toISOString());
    await ctx.audit({
      action: 'hall.saveService',
      area,
      recordType: 'hall_service',
      recordId: after.id,
      summary: `${after.code} ${after.name}`,
      before,
      after,
    });
    return after;
  },

  /** Archived services leave the counter's list; their tickets keep citing them, so none is ever deleted. */
  async 'hall.setServiceArchived'(input, ctx) {
    const before = await findService(ctx.db, input.id);
    if (!before) throw new AppError('hall.service_not_found', 'No such service');
    await ctx.db
      .updateTable('hall_services')
      .set({ archived: input.archived ? 1 : 0, updated_at: ctx.now().toISOString(), updated_by: ctx.actor().id })
      .where('id', '=', input.id)
      .execute();
    const after = (await findService(ctx.db, input.id))!;
    await ctx.audit({
      action: 'hall.setServiceArchived',
      area,
      recordType: 'hall_service',
      recordId: after.id,
      summary: `${after.code} ${after.name}`,
      before,
      after,
    });
    return after;
  },
};

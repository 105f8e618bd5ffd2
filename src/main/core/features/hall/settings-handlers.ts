import type { hall } from '../../../../shared/contract/hall';
import type { HandlerMap } from '../../context';
import { readHallSettings, writeHallSettings } from './hall-settings';

type SettingsMethods = Extract<keyof typeof hall, 'hall.settings' | 'hall.saveSettings'>;

export const settingsHandlers: HandlerMap<SettingsMethods> = {
  async 'hall.settings'(_input, ctx) {
    return readHallSettings(ctx.db);
  },

  /** Applies from the next ticket registered or rated: due dates already promised are not moved. */
  async 'hall.saveSettings'(input, ctx) {
    const before = await readHallSettings(ctx.db);
    await writeHallSettings(ctx.db, input, ctx.now().toISOString(), ctx.actor().id);
    const after = await readHallSettings(ctx.db);
    await ctx.audit({
      action: 'hall.saveSettings',
      area: 'hall',
      recordType: 'hall_settings',
      recordId: 'hall',
      summary: `答复${after.replyWorkingDays}、回访${after.followUpWorkingDays}、临期${after.dueSoonWorkingDays}个工作日`,
      before,
      after,
    });
    return after;
  },
};

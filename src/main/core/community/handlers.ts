import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { findProfile, saveProfile, toProfile } from './profile';
import { readSettings, writeSettings } from './settings';

export const communityHandlers: HandlerMap<
  'community.profile' | 'community.updateProfile' | 'community.settings' | 'community.updateSettings' | 'community.dataLocation'
> = {
  async 'community.profile'(_input, ctx) {
    const row = await findProfile(ctx.db);
    if (!row) throw new AppError('community.not_set_up');
    return toProfile(row);
  },

  async 'community.updateProfile'(input, ctx) {
    const before = await findProfile(ctx.db);
    const after = await saveProfile(ctx.db, input, ctx.now().toISOString(), ctx.requireSession().userId);
    await ctx.audit({ recordType: 'community_profile', recordId: after.id, before: before && toProfile(before), after: toProfile(after) });
    return toProfile(after);
  },

  async 'community.settings'(_input, ctx) {
    return readSettings(ctx.db);
  },

  async 'community.updateSettings'(input, ctx) {
    const before = await readSettings(ctx.db);
    await writeSettings(ctx.db, input, ctx.now().toISOString(), ctx.requireSession().userId);
    ctx.sessions.idleLockMs = null;
    const after = await readSettings(ctx.db);
    await ctx.audit({ recordType: 'settings', before, after });
    return after;
  },

  async 'community.dataLocation'(_input, ctx) {
    return {
      databasePath: ctx.paths.database,
      backupFolder: ctx.paths.backupFolder,
      databaseBytes: fs.statSync(ctx.paths.database).size,
      schemaVersion: ctx.schemaVersion,
    };
  },
};

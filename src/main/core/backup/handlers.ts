import path from 'node:path';
import { AppError, ErrorCodes } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { lastBackups, makeBackup } from './backup';
import { exportFieldKey } from './export-key';

export const backupsHandlers: HandlerMap<'backups.status' | 'backups.run' | 'backups.exportKey' | 'backups.restore'> = {
  async 'backups.status'(_input, ctx) {
    return lastBackups(ctx);
  },

  async 'backups.run'(input, ctx) {
    const s = ctx.requireSession();
    // A complete copy (every resident, every password hash) wherever one likes is an administrator's act.
    if (input.folder !== undefined && !s.permissions.has('backups.to_folder')) {
      throw new AppError(ErrorCodes.forbidden, 'Permission backups.to_folder is needed', { params: { permission: 'backups.to_folder' } });
    }
    return makeBackup(ctx, 'manual', { id: s.userId, name: s.displayName }, input.folder && path.resolve(input.folder));
  },

  async 'backups.exportKey'(input, ctx) {
    const target = exportFieldKey(ctx, path.resolve(input.folder));
    await ctx.audit({ action: 'backups.exportKey', area: 'backups', recordType: 'field_key', summary: target, after: { path: target } });
    return { path: target };
  },

  async 'backups.restore'(input, ctx) {
    const s = ctx.requireSession();
    return ctx.restoreFrom(input.path, { id: s.userId, name: s.displayName }, { acceptUnverified: input.acceptUnverified });
  },
};

import path from 'node:path';
import { AppError, ErrorCodes } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { lastBackups, makeBackup } from './backup';

export const backupsHandlers: HandlerMap<'backups.status' | 'backups.run' | 'backups.restore'> = {
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

  async 'backups.restore'(input, ctx) {
    const s = ctx.requireSession();
    return ctx.restoreFrom(input.path, { id: s.userId, name: s.displayName }, { acceptUnverified: input.acceptUnverified });
  },
};

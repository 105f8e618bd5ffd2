import type { HandlerMap } from '../context';
import { lastBackups, makeBackup } from './backup';

export const backupsHandlers: HandlerMap<'backups.status' | 'backups.run' | 'backups.restore'> = {
  async 'backups.status'(_input, ctx) {
    return lastBackups(ctx);
  },

  async 'backups.run'(input, ctx) {
    const s = ctx.requireSession();
    return makeBackup(ctx, 'manual', { id: s.userId, name: s.displayName }, input.folder);
  },

  async 'backups.restore'(input, ctx) {
    const s = ctx.requireSession();
    return ctx.restoreFrom(input.path, { id: s.userId, name: s.displayName });
  },
};

import path from 'node:path';
import type { Command } from '../context';
import { stringOption, userOption } from '../args';
import { withSession } from '../session';
import { commandTexts } from '../text';

export const backupCommand: Command = {
  name: 'backup',
  ...commandTexts('backup'),
  options: { ...userOption, out: { type: 'string', short: 'o' }, list: { type: 'boolean' }, 'export-key': { type: 'string' } },
  async run(ctx) {
    const out = stringOption(ctx.args.values, 'out');
    const keyFolder = stringOption(ctx.args.values, 'export-key');
    if (keyFolder !== undefined) {
      return withSession(ctx, [], async ({ call }) => {
        const { path: written } = await call('backups.exportKey', { folder: path.resolve(keyFolder) });
        ctx.print(ctx.text.keyExported(written));
        ctx.emitJson({ ok: true, path: written });
        return 0;
      });
    }
    if (ctx.args.values.list === true) {
      return withSession(ctx, [], async ({ call }) => {
        const status = await call('backups.status', {});
        ctx.print(ctx.text.backupListHeader(status.folder));
        for (const r of status.recent) ctx.print(ctx.text.backupListRow(r.at, r.kind, r.ok, r.path, r.exists));
        ctx.emitJson(status);
        return 0;
      });
    }
    return withSession(ctx, [], async ({ call }) => {
      const record = await call('backups.run', out ? { folder: path.resolve(out) } : {});
      ctx.emitJson(record);
      if (!record.ok) {
        ctx.note(ctx.text.backupFailed(record.path, record.problem ?? ''));
        return 1;
      }
      ctx.print(ctx.text.backupDone(record.path, record.bytes));
      if (out) ctx.note(ctx.text.backupHasNoKey);
      return 0;
    });
  },
};

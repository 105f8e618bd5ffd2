import path from 'node:path';
import type { Command } from '../context';
import { stringOption, userOption } from '../args';
import { withSession } from '../session';

export const backupCommand: Command = {
  name: 'backup',
  summary: { 'zh-CN': '立即备份并校验备份文件', en: 'make a backup now and verify it' },
  help: {
    'zh-CN': `用法：linli backup --db 文件 --user 用户名 [--out 文件夹]
      linli backup --db 文件 --user 用户名 --list

用 SQLite 在线备份复制数据文件，随后打开副本校验（完整性检查、各表行数、哈希链），
结果记入备份记录和审计日志。密码从标准输入读取。
  --out   备份到指定文件夹（例如 U 盘；需要管理员），默认为数据文件旁的 backups 文件夹。
          备份不含密钥文件 linli.key：在另一台电脑上恢复时需要它，请用 --export-key 另行导出
  --export-key 文件夹  把字段密钥 linli.key 导出到另一个文件夹（另一个 U 盘，与备份分开保存；需要管理员，记入审计）
  --list  列出最近的备份及其校验结果
  --json  以 JSON 输出备份记录
退出码：0 备份完成且校验通过；1 备份失败或被拒绝；2 用法错误。`,
    en: `Usage: linli backup --db FILE --user NAME [--out DIR]
       linli backup --db FILE --user NAME --list

Copies the data file with SQLite's online backup, then opens the copy and verifies it (integrity check,
row counts, hash chains); the result is recorded in the backup list and the audit trail. Password on
stdin. --out writes to another folder (a USB stick; administrators); --list shows recent backups.
Backups never contain the key file linli.key, which a restore on another computer needs: --export-key DIR
writes it to another folder (another USB stick, kept apart from the backups; administrators, audited).
Exit codes: 0 written and verified, 1 failed or refused, 2 usage error.`,
  },
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

import fs from 'node:fs';
import path from 'node:path';
import type { Command, CommandContext } from '../context';
import { userOption } from '../args';
import { CliError } from '../errors';
import { AppError } from '../../../shared/errors';
import { createCore } from '../../core/app';
import { inspectExisting } from '../../core/db/connection';
import { otherConnectionsOpen } from '../../core/db/file-in-use';
import { checkCopy } from '../../core/backup/verify';
import { backupFolderFor } from '../../core/paths';
import { keyFileFor } from '../../core/crypto/key-file';
import { databaseRefusal } from '../recovery';
import { readSecrets } from '../secrets';
import { callContract, databaseExists, requireUser, withSession } from '../session';
import { ensureFolder } from '../../core/util/folders';

export const restoreCommand: Command = {
  name: 'restore',
  summary: { 'zh-CN': '从备份恢复数据文件（需要管理员）', en: 'restore the data file from a backup (administrator)' },
  help: {
    'zh-CN': `用法：linli restore --db 文件 --from 备份文件 --user 管理员用户名

先校验备份文件，再把当前数据文件另存一份（并校验），然后用备份替换当前文件。
需要有“恢复备份”权限的账号（管理员），密码从标准输入读取；恢复记入审计日志。
当前数据文件已损坏或不存在时，按备份中的账号验证身份；损坏的文件不做改动，改名为“文件名.broken-时间”保留在原处。
另一个邻里（应用或 linli serve）正在使用此文件时，恢复会被拒绝：请先关闭它。
备份时记录的校验值（SHA-256，在数据文件中和备份旁的 .sha256 文件里）与备份文件不一致，或没有记录时，
恢复会被拒绝并说明原因；确认备份可信后可加 --accept-unverified 仍然恢复（记入审计日志）。
当前文件能打开但已损坏（完整性检查不通过）时，它会被原样改名为“文件名.broken-时间”保留，恢复继续进行。
退出码：0 已恢复；1 被拒绝或失败（原文件不变）；2 用法错误。`,
    en: `Usage: linli restore --db FILE --from BACKUP --user ADMIN

Verifies the backup, saves (and verifies) a copy of the current file, then replaces it with the backup.
Needs an account with the backups.restore permission (an administrator); password on stdin; the restore
is written to the audit trail. If the current file is damaged or missing, you sign in with the accounts
in the backup, and the damaged file is kept, unchanged, renamed to FILE.broken-TIME beside it.
A restore is refused while another Linli (the app or linli serve) has the file open: close it first.
A backup whose SHA-256 differs from the one recorded when it was made (in the data file and in the
.sha256 file beside it), or has no record, is refused with the reason; --accept-unverified restores it
anyway (audited). A current file that opens but fails its integrity check is kept aside, renamed
FILE.broken-TIME, and the restore goes on.
Exit codes: 0 restored, 1 refused or failed (the file is left as it was), 2 usage error.`,
  },
  options: { ...userOption, from: { type: 'string' }, 'accept-unverified': { type: 'boolean' } },
  async run(ctx) {
    const from = path.resolve(ctx.required('from'));
    requireUser(ctx);
    if (!fs.existsSync(from)) throw new CliError(ctx.explain({ code: 'backups.not_found', message: `No file at ${from}`, params: { path: from } }), 'backups.not_found');

    const damage = liveFileDamage(ctx.dbPath);
    if (damage && damage.code !== 'db.corrupt' && damage.code !== 'db.not_sqlite') throw await databaseRefusal(ctx, damage);
    if (damage || !databaseExists(ctx.dbPath)) return restoreOverUnusable(ctx, from);

    return withSession(ctx, [], async ({ call }) => {
      const result = await call('backups.restore', { path: from, acceptUnverified: acceptUnverified(ctx) });
      if (result.checksum !== 'match') ctx.note(ctx.text.restoreUnverified(result.checksum));
      if (result.damagedKeptAs) ctx.print(ctx.text.restoreReplacedDamaged(result.damagedKeptAs));
      if (result.keyMissing) ctx.note(ctx.text.restoreKeyMissing(keyFileFor(ctx.dbPath)));
      ctx.print(ctx.text.restoreDone(from, result.savedCurrentAs));
      ctx.emitJson({ ok: true, restoredFrom: from, ...result });
      return 0;
    });
  },
};

function acceptUnverified(ctx: CommandContext): boolean {
  return ctx.args.values['accept-unverified'] === true;
}

/** Why the live file cannot be opened, or null when it can (or does not exist). Never writes. */
function liveFileDamage(file: string): AppError | null {
  if (!databaseExists(file)) return null;
  try {
    inspectExisting(file);
    return null;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

/**
 * The live file is damaged or missing, so nobody can sign in to it. The backup is staged beside it and
 * opened as core; the user signs in with the accounts in the backup and `backups.restore` runs there
 * through the contract (permission and audit as always). Only then is the damaged file renamed aside,
 * unchanged, and the staged file put in its place.
 */
async function restoreOverUnusable(ctx: CommandContext, from: string): Promise<number> {
  if (otherConnectionsOpen(ctx.dbPath)) {
    throw new CliError(ctx.explain({ code: 'backups.file_in_use', message: '', params: { path: ctx.dbPath } }), 'backups.file_in_use');
  }
  const check = checkCopy(from);
  if (!check.ok) {
    const problem = check.problem ?? '';
    throw new CliError(ctx.explain({ code: 'backups.invalid', message: problem, params: { path: from, problem } }), 'backups.invalid');
  }
  const live = ctx.dbPath;
  const backupFolder = backupFolderFor(live);
  ensureFolder(path.dirname(live));
  const staging = path.join(path.dirname(live), `.linli-cli-restore-${process.pid}.sqlite`);
  fs.copyFileSync(from, staging);
  let savedCurrentAs: string;
  try {
    const core = await createCore({ databasePath: staging, backupFolder });
    try {
      const [password] = await readSecrets(ctx, [ctx.text.yourPassword]);
      const session = await callContract(ctx, core, 'auth.login', { username: requireUser(ctx), password }, null);
      const result = await callContract(ctx, core, 'backups.restore', { path: from, acceptUnverified: acceptUnverified(ctx) }, session.token);
      if (result.checksum !== 'match') ctx.note(ctx.text.restoreUnverified(result.checksum));
      if (result.keyMissing) ctx.note(ctx.text.restoreKeyMissing(keyFileFor(live)));
      savedCurrentAs = result.savedCurrentAs;
    } finally {
      await core.close();
    }
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
    throw err;
  }

  // Same convention as the app's start-up recovery: renamed beside itself, bytes untouched.
  let kept: string | null = null;
  if (fs.existsSync(live)) {
    kept = `${live}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm', '-journal']) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, kept + suffix);
    ctx.print(ctx.text.restoreReplacedDamaged(kept));
  }
  fs.renameSync(staging, live);
  ctx.print(ctx.text.restoreDone(from, savedCurrentAs));
  ctx.emitJson({ ok: true, restoredFrom: from, savedCurrentAs, damagedFileKeptAs: kept });
  return 0;
}

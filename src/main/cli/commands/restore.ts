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
import { commandTexts } from '../text';

export const restoreCommand: Command = {
  name: 'restore',
  ...commandTexts('restore'),
  options: { ...userOption, from: { type: 'string' }, 'accept-unverified': { type: 'boolean' } },
  async run(ctx) {
    const from = path.resolve(ctx.required('from'));
    requireUser(ctx);
    if (!fs.existsSync(from))
      throw new CliError(ctx.explain({ code: 'backups.not_found', message: `No file at ${from}`, params: { path: from } }), 'backups.not_found');

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

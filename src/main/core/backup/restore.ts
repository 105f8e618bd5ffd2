import fs from 'node:fs';
import path from 'node:path';
import { areas } from '../../../shared/contract';
import type { ChecksumVerdict } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import type { CoreServices } from '../context';
import { writeTransaction } from '../db/write-transaction';
import { appendAudit } from '../audit/repository';
import { inspectExisting } from '../db/connection';
import { otherConnectionsOpen } from '../db/file-in-use';
import { makeBackup } from './backup';
import { checkCopyOffThread } from './check-off-thread';
import { readSidecar } from './checksum';

export interface FileSwap {
  close(): Promise<void>;
  open(): Promise<void>;
}

export interface RestoreOptions {
  /** The person has read the warning about a backup whose checksum differs or is unknown, and goes on. */
  acceptUnverified?: boolean;
}

/**
 * Restores a backup over the live file: the candidate is verified first (integrity, and its SHA-256
 * against the one recorded when it was made), the current file is saved (and that copy verified) before
 * anything is replaced, and the swap is a rename, so a crash leaves either the old file or the new one,
 * never half of each. A current file too damaged to copy is kept aside, unchanged, as `….broken-…`.
 */
type Actor = { id: string | null; name: string | null };

export async function restoreBackup(core: CoreServices, swap: FileSwap, candidate: string, actor: Actor, opts: RestoreOptions = {}) {
  if (!fs.existsSync(candidate)) throw new AppError('backups.not_found', `No file at ${candidate}`, { params: { path: candidate } });
  // The backup is the file in question here: its problems are named as the backup's, not the live file's.
  try {
    inspectExisting(candidate);
  } catch (err) {
    if (err instanceof AppError) {
      throw new AppError('backups.damaged', `The backup ${candidate} cannot be used: ${err.message}`, { params: { path: candidate, problem: err.message } });
    }
    throw err;
  }
  const checked = await checkCopyOffThread(candidate);
  if (!checked.check.ok) {
    const problem = checked.check.problem ?? '';
    throw new AppError('backups.invalid', `The backup ${candidate} cannot be used: ${problem}`, { params: { path: candidate, problem } });
  }
  const checksum = await checksumVerdict(core, candidate, checked.sha256!);
  if (checksum !== 'match' && !opts.acceptUnverified) {
    const message = `The backup ${candidate} does not match a recorded checksum (${checksum})`;
    throw new AppError(`backups.checksum_${checksum}`, message, { params: { path: candidate } });
  }

  const saved = await makeBackup(core, 'pre_restore', actor);
  const liveDamaged = !saved.ok && /integrity check|malformed|corrupt/i.test(saved.problem ?? '');
  if (!saved.ok && !liveDamaged) {
    const problem = saved.problem ?? '';
    throw new AppError('backups.pre_restore_failed', `The current file could not be saved first: ${problem}`, { params: { problem } });
  }

  const live = core.paths.database;
  const staging = path.join(path.dirname(live), `.restore-${process.pid}.sqlite`);
  fs.copyFileSync(candidate, staging);
  fs.chmodSync(staging, 0o600);
  await swap.close();
  // Another process writing into the file would go on writing into the replaced one, and lose it all.
  if (otherConnectionsOpen(live)) {
    fs.rmSync(staging, { force: true });
    await swap.open();
    throw new AppError('backups.file_in_use', `${live} is open in another program`, { params: { path: live } });
  }
  let damagedKeptAs: string | null = null;
  try {
    if (liveDamaged) {
      // The same convention as the CLI's restore over a file it cannot open: renamed beside itself, bytes untouched.
      damagedKeptAs = `${live}.broken-${core.now().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, damagedKeptAs + suffix);
    } else {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
    }
    fs.renameSync(staging, live);
  } finally {
    fs.rmSync(staging, { force: true });
    await swap.open();
  }
  const savedCurrentAs = damagedKeptAs ?? saved.path;
  // The restored file records that it was restored, and keeps a record of the copy made before.
  await writeTransaction(core.db, core.sqlite, async (trx) => {
    if (saved.ok) {
      const { id, at, path: savedPath, bytes, counts, sha256 } = saved;
      const counts_json = JSON.stringify(counts);
      const record = { id, at, kind: 'pre_restore', path: savedPath, bytes, ok: 1, problem: null, counts_json, created_by: actor.id, sha256 };
      await trx
        .insertInto('backups')
        .values(record)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    // Sessions recorded in the restored file are nobody's now.
    await core.sessions.endAll(trx, 'restore', core.now());
    const after = { from: candidate, savedCurrentAs, damagedKeptAs, checksum, sha256: checked.sha256 };
    const entry = { action: 'backups.restore', area: 'backups', recordType: 'backup', summary: candidate, after, actor };
    await appendAudit(trx, entry, { ...actor, workstation: core.workstation }, core.now());
  });
  core.sessions.forgetAll();
  core.sessions.idleLockMs = null;
  // Another file is open now: whatever any screen shows may differ.
  for (const area of areas) core.events.emit('data.changed', { area });
  return { savedCurrentAs, damagedKeptAs, checksum, keyMissing: core.fieldKey.state.mismatch };
}

/**
 * Whether the backup is byte for byte the one that was made: its SHA-256 against the one recorded in the
 * live file when it was made (by path, or by checksum for a copy moved elsewhere) and in the `.sha256`
 * file beside it. Any recorded value that differs is a mismatch; no record at all is unknown.
 */
async function checksumVerdict(core: CoreServices, candidate: string, actual: string): Promise<ChecksumVerdict> {
  const recorded = await core.db
    .selectFrom('backups')
    .select('sha256')
    .where('path', '=', candidate)
    .where('sha256', 'is not', null)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  const beside = readSidecar(candidate);
  if ((recorded?.sha256 && recorded.sha256 !== actual) || (beside && beside !== actual)) return 'mismatch';
  if (recorded?.sha256 || beside) return 'match';
  const moved = await core.db.selectFrom('backups').select('id').where('sha256', '=', actual).executeTakeFirst();
  return moved ? 'match' : 'unknown';
}

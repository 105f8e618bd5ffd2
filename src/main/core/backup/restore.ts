import fs from 'node:fs';
import path from 'node:path';
import { areas } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CoreServices } from '../context';
import { writeTransaction } from '../db/write-transaction';
import { appendAudit } from '../audit/repository';
import { inspectExisting } from '../db/connection';
import { otherConnectionsOpen } from '../db/file-in-use';
import { makeBackup } from './backup';
import { checkCopy } from './verify';

export interface FileSwap {
  close(): Promise<void>;
  open(): Promise<void>;
}

/**
 * Restores a backup over the live file: the candidate is verified first, the current file is saved (and
 * that copy verified) before anything is replaced, and the swap is a rename, so a crash leaves either
 * the old file or the new one, never half of each.
 */
export async function restoreBackup(core: CoreServices, swap: FileSwap, candidate: string, actor: { id: string | null; name: string | null }) {
  if (!fs.existsSync(candidate)) throw new AppError('backups.not_found', `No file at ${candidate}`, { params: { path: candidate } });
  inspectExisting(candidate);
  const check = checkCopy(candidate);
  if (!check.ok) throw new AppError('backups.invalid', `The backup cannot be used: ${check.problem}`, { params: { problem: check.problem ?? '' } });

  const saved = await makeBackup(core, 'pre_restore', actor);
  if (!saved.ok) throw new AppError('backups.pre_restore_failed', `The current file could not be saved first: ${saved.problem}`, { params: { problem: saved.problem ?? '' } });

  const live = core.paths.database;
  const staging = path.join(path.dirname(live), `.restore-${process.pid}.sqlite`);
  fs.copyFileSync(candidate, staging);
  await swap.close();
  // Another process writing into the file would go on writing into the replaced one, and lose it all.
  if (otherConnectionsOpen(live)) {
    fs.rmSync(staging, { force: true });
    await swap.open();
    throw new AppError('backups.file_in_use', `${live} is open in another program`, { params: { path: live } });
  }
  try {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
    fs.renameSync(staging, live);
  } finally {
    fs.rmSync(staging, { force: true });
    await swap.open();
  }
  // The restored file records that it was restored, and keeps a record of the copy made before.
  await writeTransaction(core.db, core.sqlite, async (trx) => {
    await trx
      .insertInto('backups')
      .values({ id: saved.id, at: saved.at, kind: 'pre_restore', path: saved.path, bytes: saved.bytes, ok: 1, problem: null, counts_json: JSON.stringify(saved.counts), created_by: actor.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    // Sessions recorded in the restored file are nobody's now.
    await core.sessions.endAll(trx, 'restore', core.now());
    await appendAudit(trx, { action: 'backups.restore', area: 'backups', recordType: 'backup', summary: candidate, after: { from: candidate, savedCurrentAs: saved.path }, actor }, { ...actor, workstation: core.workstation }, core.now());
  });
  core.sessions.forgetAll();
  core.sessions.idleLockMs = null;
  // Another file is open now: whatever any screen shows may differ.
  for (const area of areas) core.events.emit('data.changed', { area });
  return { savedCurrentAs: saved.path };
}

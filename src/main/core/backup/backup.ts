import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BackupRecord } from '../../../shared/contract/backups';
import type { BackupsTable } from '../db/schema';
import type { CoreServices } from '../context';
import { writeTransaction } from '../db/write-transaction';
import { appendAudit } from '../audit/repository';
import { hashChains } from '../chains/registry';
import { readSettings } from '../community/settings';
import { formatLocal, localToday } from '../time/zone';
import { newId } from '../util/ids';
import { backupsToKeep } from './retention';
import { checkCopyOffThread } from './check-off-thread';
import { sidecarOf, writeSidecar } from './checksum';
import { ensureFolder } from '../util/folders';
import { runningBackup, startRunning } from './running';

export type BackupKind = BackupRecord['kind'];
const automaticKinds: BackupKind[] = ['startup', 'daily'];

export function toBackupRecord(row: BackupsTable): BackupRecord {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as BackupKind,
    path: row.path,
    bytes: row.bytes,
    ok: row.ok === 1,
    problem: row.problem,
    counts: JSON.parse(row.counts_json) as Record<string, number>,
    exists: fs.existsSync(row.path),
    sha256: row.sha256,
  };
}

/**
 * Copies the open file with SQLite's online backup (other work goes on meanwhile), then opens the copy
 * and verifies it. The result is recorded either way: a failed backup is stored as failed, never hidden.
 */
export async function makeBackup(
  core: CoreServices,
  kind: BackupKind,
  actor: { id: string | null; name: string | null },
  folder = core.paths.backupFolder,
): Promise<BackupRecord> {
  const at = core.now();
  const ended = startRunning(core.events, kind, at);
  try {
    return await copyAndRecord(core, kind, actor, folder, at, ended);
  } finally {
    ended();
  }
}

async function copyAndRecord(
  core: CoreServices,
  kind: BackupKind,
  actor: { id: string | null; name: string | null },
  folder: string,
  at: Date,
  ended: () => void,
): Promise<BackupRecord> {
  const { timeZone } = await readSettings(core.db);
  const stamp = formatLocal(at, timeZone, 'YYYYMMDD-HHmmss');
  let target = path.join(folder, `linli-${stamp}-${kind}.sqlite`);
  let problem: string | null = null;
  let counts: Record<string, number> = {};
  let sha256: string | null = null;
  let bytes = 0;
  try {
    ensureFolder(folder, 0o700);
    if (fs.existsSync(target)) target = target.replace(/\.sqlite$/, `-${newId().slice(-6)}.sqlite`);
    // Owner-only from its first byte: the copy holds everything the live file does.
    fs.closeSync(fs.openSync(target, 'wx', 0o600));
    await core.sqlite.backup(target);
    makeSelfContained(target);
    // The integrity check of a district's file takes a minute: a worker does it, searches go on.
    const checked = await checkCopyOffThread(target);
    counts = checked.check.counts;
    if (!checked.check.ok) problem = checked.check.problem;
    // The copy is the live file page for page: an automatic backup (on the live file's own disk) that fails
    // the full integrity check is the scheduled check of the live file, which large files only get here.
    if (!checked.check.ok && automaticKinds.includes(kind) && /^integrity check/.test(problem ?? '')) {
      const good = await core.db.selectFrom('backups').select('path').where('ok', '=', 1).orderBy('at', 'desc').executeTakeFirst();
      core.markDamaged(problem ?? '', good?.path ?? null);
    } else problem = compareHeads(core, checked.check.heads);
    if (!problem && checked.sha256) {
      sha256 = checked.sha256;
      writeSidecar(target, sha256);
    }
    bytes = fs.statSync(target).size;
  } catch (err) {
    problem = (err as Error).message;
  }
  // A copy that failed is not a backup: it is removed, so that nobody restores it by mistake later.
  if (problem) removeFailedCopy(target);
  const row: BackupsTable = {
    id: newId(),
    at: at.toISOString(),
    kind,
    path: target,
    bytes,
    ok: problem ? 0 : 1,
    problem,
    counts_json: JSON.stringify(counts),
    created_by: actor.id,
    sha256,
  };
  await writeTransaction(core.db, core.sqlite, async (trx) => {
    await trx.insertInto('backups').values(row).execute();
    const entry = { action: problem ? 'backups.failed' : 'backups.made', area: 'backups', recordType: 'backup', recordId: row.id, summary: target, actor };
    const after = { kind, bytes, problem, folder, path: target, sha256 };
    await appendAudit(trx, { ...entry, after }, { ...actor, workstation: core.workstation }, core.now());
  });
  // Not running any more by the time a screen hears it finished and asks again.
  ended();
  core.events.emit('backup.finished', { ok: !problem, path: target, problem });
  // Manual, scheduled or before a restore: every backup is a new row the backup screens list.
  core.events.emit('data.changed', { area: 'backups' });
  if (!problem && automaticKinds.includes(kind)) await rotate(core);
  return toBackupRecord(row);
}

function removeFailedCopy(target: string): void {
  for (const f of [target, sidecarOf(target), `${target}-journal`, `${target}-wal`, `${target}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // Nothing was written there (the folder is not one): nothing to remove.
    }
  }
}

/**
 * The copy keeps the live file's WAL mode; a copy on a USB stick should be one file that opens anywhere,
 * read-only too, without -wal/-shm companions appearing beside it.
 */
function makeSelfContained(file: string): void {
  const copy = new SqliteDatabase(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The copy must hold exactly the record the live file has at the same position, for every hash chain. */
function compareHeads(core: CoreServices, copyHeads: Record<string, { seq: number; hash: string } | null>): string | null {
  for (const chain of hashChains) {
    const copyHead = copyHeads[chain.name] ?? null;
    if (!copyHead) {
      if (chain.head(core.sqlite)) return `the copy has no ${chain.name} records`;
      continue;
    }
    if (chain.hashAt(core.sqlite, copyHead.seq) !== copyHead.hash) return `${chain.name} chain head ${copyHead.seq} differs from the live file`;
  }
  return null;
}

/** Removes the files of automatic backups that fall out of the rotation; their records stay. */
export async function rotate(core: CoreServices): Promise<string[]> {
  const { timeZone, backupKeep } = await readSettings(core.db);
  const rows = await core.db.selectFrom('backups').selectAll().where('kind', 'in', automaticKinds).where('ok', '=', 1).execute();
  const present = rows.filter((r) => fs.existsSync(r.path) && r.path.startsWith(core.paths.backupFolder));
  const keep = backupsToKeep(
    present.map((r) => ({ id: r.id, at: r.at, date: localToday(new Date(r.at), timeZone) })),
    backupKeep,
  );
  const removed: string[] = [];
  for (const r of present) {
    if (keep.has(r.id)) continue;
    fs.rmSync(r.path, { force: true });
    fs.rmSync(sidecarOf(r.path), { force: true });
    removed.push(r.path);
  }
  return removed;
}

export async function lastBackups(core: CoreServices) {
  const recent = await core.db.selectFrom('backups').selectAll().orderBy('at', 'desc').limit(20).execute();
  const lastVerified = await core.db.selectFrom('backups').selectAll().where('ok', '=', 1).orderBy('at', 'desc').limit(1).executeTakeFirst();
  const lastFailed = await core.db.selectFrom('backups').selectAll().where('ok', '=', 0).orderBy('at', 'desc').limit(1).executeTakeFirst();
  return {
    folder: core.paths.backupFolder,
    running: runningBackup(core.events),
    fieldKey: { file: core.fieldKey.state.keyFile, matches: !core.fieldKey.state.mismatch },
    recent: recent.map(toBackupRecord),
    lastVerified: lastVerified ? toBackupRecord(lastVerified) : null,
    // A failure only matters until a later backup succeeded.
    lastFailed: lastFailed && (!lastVerified || lastFailed.at > lastVerified.at) ? toBackupRecord(lastFailed) : null,
  };
}

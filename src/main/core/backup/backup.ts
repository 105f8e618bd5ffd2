import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BackupRecord } from '../../../shared/contract/backups';
import type { BackupsTable } from '../db/schema';
import type { CoreServices } from '../context';
import { appendAudit } from '../audit/repository';
import { hashChains } from '../chains/registry';
import { readSettings } from '../features/community/settings';
import { formatLocal, localToday } from '../util/dates';
import { newId } from '../util/ids';
import { backupsToKeep } from './retention';
import { checkCopy } from './verify';
import { ensureFolder } from '../util/folders';

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
  };
}

/**
 * Copies the open file with SQLite's online backup (other work goes on meanwhile), then opens the copy
 * and verifies it. The result is recorded either way: a failed backup is stored as failed, never hidden.
 */
export async function makeBackup(core: CoreServices, kind: BackupKind, actor: { id: string | null; name: string | null }, folder = core.paths.backupFolder): Promise<BackupRecord> {
  const { timeZone } = await readSettings(core.db);
  const at = core.now();
  const stamp = formatLocal(at, timeZone, 'YYYYMMDD-HHmmss');
  let target = path.join(folder, `linli-${stamp}-${kind}.sqlite`);
  let problem: string | null = null;
  let counts: Record<string, number> = {};
  try {
    ensureFolder(folder);
    if (fs.existsSync(target)) target = target.replace(/\.sqlite$/, `-${newId().slice(-6)}.sqlite`);
    await core.sqlite.backup(target);
    makeSelfContained(target);
    const check = checkCopy(target);
    counts = check.counts;
    if (!check.ok) problem = check.problem;
    else problem = compareHeads(core, check.heads);
  } catch (err) {
    problem = (err as Error).message;
  }
  const bytes = fs.existsSync(target) ? fs.statSync(target).size : 0;
  const row: BackupsTable = { id: newId(), at: at.toISOString(), kind, path: target, bytes, ok: problem ? 0 : 1, problem, counts_json: JSON.stringify(counts), created_by: actor.id };
  await core.db.transaction().execute(async (trx) => {
    await trx.insertInto('backups').values(row).execute();
    await appendAudit(trx, { action: problem ? 'backups.failed' : 'backups.made', area: 'backups', recordType: 'backup', recordId: row.id, summary: target, after: { kind, bytes, problem }, actor }, { ...actor, workstation: core.workstation }, core.now());
  });
  core.events.emit('backup.finished', { ok: !problem, path: target, problem });
  // Manual, scheduled or before a restore: every backup is a new row the backup screens list.
  core.events.emit('data.changed', { area: 'backups' });
  if (!problem && automaticKinds.includes(kind)) await rotate(core);
  return toBackupRecord(row);
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
  const keep = backupsToKeep(present.map((r) => ({ id: r.id, at: r.at, date: localToday(new Date(r.at), timeZone) })), backupKeep);
  const removed: string[] = [];
  for (const r of present) {
    if (keep.has(r.id)) continue;
    fs.rmSync(r.path, { force: true });
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
    recent: recent.map(toBackupRecord),
    lastVerified: lastVerified ? toBackupRecord(lastVerified) : null,
    // A failure only matters until a later backup succeeded.
    lastFailed: lastFailed && (!lastVerified || lastFailed.at > lastVerified.at) ? toBackupRecord(lastFailed) : null,
  };
}

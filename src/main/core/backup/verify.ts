import SqliteDatabase from 'better-sqlite3';
import { LINLI_APPLICATION_ID } from '../db/connection';
import { latestSchemaVersion } from '../db/migrations';
import { chainHeads, verifyChains } from '../chains/registry';

export interface BackupCheck {
  ok: boolean;
  problem: string | null;
  counts: Record<string, number>;
  /** Every hash chain's head in the copy (last seq and hash), to compare with the live file. */
  heads: Record<string, { seq: number; hash: string } | null>;
  schemaVersion: number;
}

/**
 * Opens a copy read-only and checks it is a whole, readable Linli file: integrity check, schema version,
 * every hash chain, and the row count of every table.
 */
export function checkCopy(file: string): BackupCheck {
  let db: SqliteDatabase.Database | null = null;
  const counts: Record<string, number> = {};
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail(`integrity check: ${String(integrity)}`);
    if (db.pragma('application_id', { simple: true }) !== LINLI_APPLICATION_ID) return fail('not a Linli file');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > latestSchemaVersion) return fail(`written by a newer Linli (schema ${schemaVersion})`);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    const broken = verifyChains(db).find((c) => !c.ok);
    if (broken) return fail(`${broken.chain} chain broken at record ${broken.firstBroken?.seq}: ${broken.firstBroken?.reason}`);
    return { ok: true, problem: null, counts, heads: chainHeads(db), schemaVersion };
  } catch (err) {
    return fail((err as Error).message);
  } finally {
    db?.close();
  }

  function fail(problem: string): BackupCheck {
    return { ok: false, problem, counts, heads: {}, schemaVersion: 0 };
  }
}

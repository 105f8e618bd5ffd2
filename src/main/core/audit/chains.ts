import type SqliteDatabase from 'better-sqlite3';
import type { ChainVerdict } from './chain';
import { verifyAuditChain } from './repository';

/**
 * Every hash chain in a Linli file, checked the same way by the audit screen, backups and `linli verify`.
 * The charity ledger adds its journal here.
 */
export const hashChains: { name: string; verify(sqlite: SqliteDatabase.Database): ChainVerdict }[] = [{ name: 'audit', verify: verifyAuditChain }];

export function verifyChains(sqlite: SqliteDatabase.Database): (ChainVerdict & { chain: string })[] {
  return hashChains.map((c) => ({ chain: c.name, ...c.verify(sqlite) }));
}

import type SqliteDatabase from 'better-sqlite3';
import type { ChainVerdict } from './hash';
import { auditHead, verifyAuditChain } from '../audit/repository';
import { charityChain } from '../features/charity/chain';

/** A hash chain in a Linli file: how to recompute it and where its head is. */
export interface HashChain {
  name: string;
  verify(sqlite: SqliteDatabase.Database): ChainVerdict;
  head(sqlite: SqliteDatabase.Database): { seq: number; hash: string } | null;
  /** The hash of the record at a position, or null. */
  hashAt(sqlite: SqliteDatabase.Database, seq: number): string | null;
}

/**
 * Every hash chain in a Linli file, checked the same way by the audit screen, backups and `linli verify`;
 * a backup's copy must hold every chain's head at the same position as the live file.
 */
export const hashChains: HashChain[] = [
  {
    name: 'audit',
    verify: verifyAuditChain,
    head: auditHead,
    hashAt: (sqlite, seq) => (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null,
  },
  charityChain,
];

export function verifyChains(sqlite: SqliteDatabase.Database): (ChainVerdict & { chain: string })[] {
  return hashChains.map((c) => ({ chain: c.name, ...c.verify(sqlite) }));
}

/** The head (last seq and hash) of every chain, for backups to compare with the copy. */
export function chainHeads(sqlite: SqliteDatabase.Database): Record<string, { seq: number; hash: string } | null> {
  return Object.fromEntries(hashChains.map((c) => [c.name, c.head(sqlite)]));
}

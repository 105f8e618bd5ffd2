import { sql, type QueryExecutorProvider } from 'kysely';
import { GENESIS_HASH, chainHash } from './hash';

/** Where a chained table keeps its links. Table and column names are code, never user input. */
export interface ChainedTable {
  table: string;
  seqColumn: string;
  hashColumn: string;
}

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * The next link of a chain: the next sequence number, the previous hash and the hash of `content`. Call it
 * inside the transaction that inserts the row, so that two writers cannot take the same link (writes begin
 * with the write lock, BEGIN IMMEDIATE).
 */
export async function nextLink(db: QueryExecutorProvider, chain: ChainedTable, contentOf: (seq: number) => unknown): Promise<ChainLink> {
  const last = await sql<{ seq: number; hash: string }>`SELECT ${sql.ref(chain.seqColumn)} AS seq, ${sql.ref(chain.hashColumn)} AS hash
    FROM ${sql.table(chain.table)} ORDER BY ${sql.ref(chain.seqColumn)} DESC LIMIT 1`.execute(db);
  const seq = (last.rows[0]?.seq ?? 0) + 1;
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  return { seq, prevHash, hash: chainHash(prevHash, contentOf(seq)) };
}

import SqliteDatabase from 'better-sqlite3';
import type { ChainCheck } from '../../../shared/contract/audit';
import { AppError } from '../../../shared/errors';
import type { Command } from '../context';
import { CliError } from '../errors';
import { inspectExisting } from '../../core/db/connection';
import { verifyChains } from '../../core/chains/registry';
import { databaseRefusal } from '../recovery';
import { databaseExists } from '../session';
import { commandTexts } from '../text';

/**
 * Every hash chain in a Linli file. The ledger's chain joins this list when the charity area lands
 * (and `audit.verify` should then walk the same list).
 */

export const verifyCommand: Command = {
  name: 'verify',
  ...commandTexts('verify'),
  options: {},
  async run(ctx) {
    const file = ctx.dbPath;
    if (!databaseExists(file)) throw new CliError(ctx.text.noDatabase(file), 'cli.no_database');
    let schemaVersion: number;
    try {
      schemaVersion = inspectExisting(file);
    } catch (err) {
      if (err instanceof AppError) throw await databaseRefusal(ctx, err);
      throw err;
    }

    const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    let integrity: string[];
    let results: ChainCheck[];
    try {
      integrity = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
      results = verifyChains(sqlite);
    } finally {
      sqlite.close();
    }

    const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
    const ok = integrityOk && results.every((r) => r.ok);
    ctx.print(integrityOk ? ctx.text.verifyIntegrityOk : ctx.text.verifyIntegrityFailed(integrity.join('; ')));
    for (const r of results) {
      const chainName = ctx.text.chainNames[r.chain] ?? r.chain;
      if (r.ok) ctx.print(ctx.text.verifyChainOk(chainName, r.count, (r.head ?? '—').slice(0, 16)));
      else {
        const broken = r.firstBroken ?? { seq: 0, reason: '' };
        // Failures go to stderr as well, so a script that only watches stderr sees them.
        ctx.note(ctx.text.verifyChainBroken(chainName, broken.seq, ctx.text.chainReasons[broken.reason] ?? broken.reason));
      }
    }
    if (ok) ctx.print(ctx.text.verifyOk(file));
    else ctx.note(ctx.text.verifyFailed(file));
    ctx.emitJson({ ok, path: file, schemaVersion, integrity: integrityOk ? 'ok' : integrity, chains: results });
    return ok ? 0 : 1;
  },
};

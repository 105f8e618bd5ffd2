import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../src/main/core/db/connection';
import { verifyAuditChain } from '../../../src/main/core/audit/repository';
import { tempDir } from '../support/core';

const fixtures = fileURLToPath(new URL('../../fixtures/node/', import.meta.url));
const PER_BATCH = 3000;

describe('a crash in the middle of a write', () => {
  it('SIGKILL during a large transaction leaves the last committed state, intact', async () => {
    const dir = tempDir('linli-crash-');
    const file = path.join(dir, 'linli.sqlite');
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        path.join(fixtures, 'register-ts.mjs'),
        path.join(fixtures, 'crash-writer.ts'),
        file,
        String(PER_BATCH),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const committed = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const done = out.match(/committed (\d+)/g);
        // Kill it after two commits, while the third transaction is being written.
        if (done && done.length >= 2) {
          setTimeout(() => {
            child.kill('SIGKILL');
          }, 150);
        }
      });
      child.on('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${stderr}`));
        resolve((out.match(/committed (\d+)/g) ?? []).length);
      });
    });
    expect(committed).toBeGreaterThanOrEqual(2);

    const reopened = await openDatabase(file, { backupFolder: path.join(dir, 'backups') });
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = (reopened.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.bulk'").get() as { n: number }).n;
    // Whole transactions only: every announced commit is there, and nothing half-written.
    expect(rows % PER_BATCH).toBe(0);
    expect(rows / PER_BATCH).toBeGreaterThanOrEqual(committed);
    expect(rows / PER_BATCH).toBeLessThanOrEqual(committed + 1);
    expect(verifyAuditChain(reopened.sqlite).ok).toBe(true);
    await reopened.db.destroy();
  }, 60_000);
});

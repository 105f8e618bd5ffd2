import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { linli, tempDir } from './run-cli';

describe('linli bench runs each area’s suite', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--only names areas and their groups; anything else is a usage error that lists them', async () => {
    const r = await linli(['bench', '--only', 'charity-ledger', '--db', path.join(dir, 'none.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('residents, search, list, import');
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  });

  it('--only search runs that group of the residents suite on a small seeded file, through the full handler path', async () => {
    const db = path.join(dir, 'bench.sqlite');
    const r = await linli(['bench', '--db', db, '--residents', '300', '--runs', '3', '--only', 'search', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      residents: number;
      search: { name: string; handler: { runs: number } | null }[];
      list: unknown[];
      import: unknown;
    };
    expect(report.residents).toBe(300);
    expect(report.search.length).toBe(7);
    expect(report.search.every((c) => c.handler?.runs === 3)).toBe(true);
    expect(report.list).toEqual([]);
    expect(report.import).toBeNull();

    // The kept file is reused (signed in with the saved credentials); a real registry would be refused.
    const again = await linli([
      'bench',
      '--db',
      db,
      '--runs',
      '2',
      '--only',
      'residents',
      '--cases',
      'name 张伟,all active name↑',
      '--import-rows',
      '0',
      '--deep-pages',
      '2',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Search (residents.search');
    expect(again.stdout).toContain('all active name↑ p1');
  });
});

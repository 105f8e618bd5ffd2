import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { adminPassword, openTestHall } from '../support/core';
import { ensureBuiltCli, runBuiltCli } from '../support/built-cli';
import { makePlaces } from './places-fixture';
import { csv, makeId } from '../../fixtures/residents/support';
import { WORKER_MIN_BYTES } from '../../../src/main/core/features/residents/import/preview';

// The bundle's own import path, as `linli residents import` takes it for a large file: the preview in a
// process of its own whose worker threads it starts before loading its code (preview-threads.ts), then the
// commit in another process. The other tests run these from the TypeScript sources.
describe('a large import through the built linli', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    ensureBuiltCli();
    const hall = await openTestHall();
    await makePlaces(hall);
    dir = hall.dir;
    db = hall.dbPath;
    await hall.close();
  }, 240_000);

  it('previews in its own process with its threads, and imports every row once', async () => {
    const rows = [['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系']];
    for (let i = 0; i < 12000; i++) {
      const birth = `19${String(50 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      rows.push([`大${i}`, makeId('150203', birth, 100 + Math.floor(i / 840)), '户籍', '3', '1', '101', `大-${Math.floor(i / 3)}`, i % 3 ? '子' : '户主']);
    }
    const file = path.join(dir, '大名单.csv');
    fs.writeFileSync(file, csv(rows));
    // Large enough to be previewed in a process (preview.ts), not in the calling thread.
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);

    const r = await runBuiltCli(['residents', 'import', '--db', db, '--file', file, '--user', 'admin'], `${adminPassword}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已导入：新增 12000，更新 0，未变 0');
    const sqlite = new SqliteDatabase(db, { readonly: true });
    try {
      expect(sqlite.prepare("SELECT count(*) AS n FROM residents WHERE name LIKE '大%'").get()).toEqual({ n: 12000 });
      expect(sqlite.prepare("SELECT count(*) AS n FROM households WHERE number LIKE '大-%'").get()).toEqual({ n: 4000 });
      // Every row prepared by a thread holds the app's key: each look-up hash finds its one person.
      expect(sqlite.prepare('SELECT count(DISTINCT id_hash) AS n FROM residents WHERE name LIKE ?').get('大%')).toEqual({ n: 12000 });
    } finally {
      sqlite.close();
    }
  }, 180_000);
});

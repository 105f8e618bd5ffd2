import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { openTestHall, sourceWorker, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { importStore } from '../../../src/main/core/features/residents/import/store';
import { commit, csv, jobFile, makeId, preview, residentCount, runJob, xlsx } from '../../fixtures/residents/support';
import { writeGateOf } from '../../../src/main/core/db/write-gate';

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await makePlaces(hall);
});
afterAll(() => hall.close());

function bigFile(n: number, prefix: string, region: string): string {
  const rows = [['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系']];
  for (let i = 0; i < n; i++) {
    const birth = `19${String(50 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push([
      `${prefix}${i}`,
      makeId(region, birth, 100 + Math.floor(i / 840)),
      '户籍',
      '3',
      '1',
      '101',
      `${prefix}-${Math.floor(i / 4)}`,
      i % 4 ? '子' : '户主',
    ]);
  }
  return csv(rows);
}

// The commit runs in a child process on its own connection where one can run (the app's bundle), else
// in the calling thread; both are tested, the commit process from its TypeScript source.
describe.each([
  ['in the calling thread', null],
  ['in a commit process', sourceWorker('src/main/core/features/residents/import/commit-worker.ts')],
])('one transaction, %s', (_where, worker) => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await openTestHall({ workers: { importCommit: worker } });
    await makePlaces(hall);
  });
  afterAll(() => hall.close());
  const count = (sql: string) => (hall.core.services.sqlite.prepare(sql).get() as { n: number }).n;
  /** The last import's audit record (what it wrote, and whether its rows were planned again at commit). */
  const lastImportAudit = (): Record<string, unknown> => {
    const row = hall.core.services.sqlite.prepare("SELECT after_json FROM audit_log WHERE action = 'residents.import' ORDER BY seq DESC LIMIT 1").get() as {
      after_json: string;
    };
    return JSON.parse(row.after_json) as Record<string, unknown>;
  };

  it('cancelling mid-way leaves nothing imported: no resident, household, history or audit record', async () => {
    const p = await preview(hall, 'cancel.csv', bigFile(6000, 'C', '150203'));
    expect(p.counts.add).toBe(6000);
    const before = {
      residents: residentCount(hall),
      households: count('SELECT count(*) AS n FROM households'),
      events: count('SELECT count(*) AS n FROM resident_events'),
      audit: count("SELECT count(*) AS n FROM audit_log WHERE action = 'residents.import'"),
    };
    let cancelledAt = 0;
    let cancelCall: Promise<unknown> | null = null;
    // Cancelled through the contract, as the screen does: the call gets through while the import holds
    // the connection, and the job stops at its next slice.
    const end = await runJob(
      hall,
      () => hall.call('residents.importCommit', { importId: p.importId, mode: 'valid_rows' }),
      hall.adminToken,
      (prog, jobId) => {
        if (!cancelledAt && prog.done > 0 && prog.done < prog.total) {
          cancelledAt = prog.done;
          cancelCall = hall.call('jobs.cancel', { jobId });
        }
      },
    );
    expect(cancelledAt).toBeGreaterThan(0);
    await cancelCall;
    expect(end.failed?.error.code).toBe('jobs.cancelled');
    expect({
      residents: residentCount(hall),
      households: count('SELECT count(*) AS n FROM households'),
      events: count('SELECT count(*) AS n FROM resident_events'),
      audit: count("SELECT count(*) AS n FROM audit_log WHERE action = 'residents.import'"),
    }).toEqual(before);
    expect(hall.core.services.sqlite.inTransaction).toBe(false);

    // The preview is still there: committing it again works.
    const again = await commit(hall, p.importId);
    expect(again.done?.summary).toEqual({ added: 6000, updated: 0, unchanged: 0, rejected: 0 });
    expect(residentCount(hall)).toBe(before.residents + 6000);
  });

  it('the WAL is copied into the file after the job reports done, by the worker, never by the next write of the app', async () => {
    const sqlite = hall.core.services.sqlite;
    const pages = sqlite.pragma('wal_autocheckpoint', { simple: true });
    const p = await preview(hall, 'checkpoint.csv', bigFile(300, 'K', '150205'));
    const before = residentCount(hall);
    await commit(hall, p.importId);
    expect(residentCount(hall)).toBe(before + 300);
    if (worker) {
      // Until the worker's checkpoint is over, the app's connection does not start one itself.
      const held = sqlite.pragma('wal_autocheckpoint', { simple: true });
      for (let i = 0; i < 200 && sqlite.pragma('wal_autocheckpoint', { simple: true }) !== pages; i++) await new Promise((r) => setTimeout(r, 25));
      expect([0, pages]).toContain(held);
    }
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(pages);
    // Every frame of the WAL is in the file: a passive checkpoint finds nothing left to copy.
    const [state] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(state.log).toBe(state.checkpointed);
  });

  it("checks the written rows' references once, before COMMIT, and leaves foreign keys enforced after", async () => {
    const sqlite = hall.core.services.sqlite;
    const p = await preview(hall, 'references.csv', bigFile(200, 'R', '150206'));
    await commit(hall, p.importId);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('a write from another call waits for the import instead of landing in its transaction', async () => {
    const p = await preview(hall, 'wait.csv', bigFile(4000, 'W', '150204'));
    // However long the commit takes on a loaded machine, the write waits (past the gate's wait it would be refused).
    writeGateOf(hall.core.services.sqlite).waitMs = 120_000;
    let saved: Promise<unknown> | null = null;
    let appConnectionWriting: boolean | null = null;
    const end = await runJob(
      hall,
      () => hall.call('residents.importCommit', { importId: p.importId, mode: 'valid_rows' }),
      hall.adminToken,
      (prog) => {
        if (!saved && prog.done > 0 && prog.done < prog.total) {
          saved = hall.call('residents.saveImportMapping', { name: '等待中', mapping: { name: '姓名' } });
          appConnectionWriting = hall.core.services.sqlite.inTransaction;
        }
      },
    );
    expect(end.done?.summary).toMatchObject({ added: 4000 });
    // In a worker, the transaction is on the worker's own connection; the app's stays out of it.
    expect(appConnectionWriting).toBe(worker === null);
    await saved;
    const seq = (action: string) => (hall.core.services.sqlite.prepare('SELECT max(seq) AS s FROM audit_log WHERE action = ?').get(action) as { s: number }).s;
    expect(seq('residents.saveImportMapping')).toBeGreaterThan(seq('residents.import'));
  });
  it('plans each row again at commit: a change made since the preview is not written over', async () => {
    const taken = makeId('150205', '1966-03-03', 7);
    const other = makeId('150205', '1967-04-04', 8);
    const rows = [
      ['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号'],
      ['赵先', taken, '户籍', '3', '1', '101'],
      ['钱后', other, '户籍', '3', '1', '101'],
    ];
    const p = await preview(hall, 'since.csv', csv(rows));
    expect(p.counts).toMatchObject({ add: 2, reject: 0 });
    // Meanwhile a clerk registers the first person by hand, under another name.
    await hall.call('residents.create', { name: '赵别名', status: '户籍', idNumber: taken, docType: '居民身份证', unplacedReason: '刚到，户号待核实' });
    const strict = await commit(hall, p.importId, 'all_or_nothing');
    expect(strict.failed?.error).toMatchObject({ code: 'import.has_rejects', params: { row: 2 } });
    const end = await commit(hall, p.importId, 'valid_rows');
    expect(end.done?.summary).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 1 });
    const report = await runJob(hall, () => hall.call('residents.importErrorReport', { importId: p.importId }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jobFile(hall, report) as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0].getRow(2).getCell(7).value)).toContain('赵别名');
    expect(lastImportAudit()).toMatchObject({ added: 1, rejected: 1, planned: 'again' });
    // Committed, the preview keeps what its error report needs: the rejected row's last plan, and its batch on disk.
    const kept = importStore(hall.core.services.sqlite).get(p.importId, hall.adminToken, hall.clock.now().getTime());
    expect([...kept.rejected.values()].map((x) => x.name)).toEqual(['赵先']);
    expect(fs.existsSync(kept.spill.file)).toBe(true);
  });

  it("writes the preview's plans as they are when nothing was written in between, with the same rows as planning again", async () => {
    const head = makeId('150207', '1958-08-08', 3);
    const child = makeId('150207', '1988-09-09', 4);
    const rows = [
      ['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系', '联系电话'],
      ['孙平', head, '户籍', '3', '1', '101', 'AS-1', '户主', '13800138000'],
      ['孙小平', child, '户籍', '3', '1', '101', 'AS-1', '子', ''],
    ];
    const p = await preview(hall, 'as-previewed.csv', csv(rows));
    const end = await commit(hall, p.importId);
    expect(end.done?.summary).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(lastImportAudit()).toMatchObject({ added: 2, planned: 'as_previewed' });
    const sqlite = hall.core.services.sqlite;
    const people = sqlite
      .prepare(
        "SELECT r.name, r.relation_to_head, r.phone_masked, r.house_id IS NOT NULL AS placed, h.number, h.head_resident_id = r.id AS is_head FROM residents r JOIN households h ON h.id = r.household_id WHERE h.number = 'AS-1' ORDER BY r.name",
      )
      .all();
    expect(people).toEqual([
      { name: '孙小平', relation_to_head: '子', phone_masked: '', placed: 1, number: 'AS-1', is_head: 0 },
      { name: '孙平', relation_to_head: '户主', phone_masked: '138****8000', placed: 1, number: 'AS-1', is_head: 1 },
    ]);
    const events = sqlite
      .prepare(
        "SELECT e.kind FROM resident_events e JOIN residents r ON r.id = e.resident_id JOIN households h ON h.id = r.household_id WHERE h.number = 'AS-1'",
      )
      .all();
    expect(events).toEqual([{ kind: 'imported' }, { kind: 'imported' }]);
    // The same file again: matched by ID number, nothing changes.
    const again = await preview(hall, 'as-previewed.csv', csv(rows));
    expect((await commit(hall, again.importId)).done?.summary).toEqual({ added: 0, updated: 0, unchanged: 2, rejected: 0 });
  });
});

describe('the error report', () => {
  it('lists the rejected rows as the file had them, with 错误原因, and imports again once fixed', async () => {
    const good = makeId('110105', '1970-05-05', 11);
    const fixme = makeId('110105', '1971-06-06', 22);
    const badId = fixme.slice(0, 17) + (fixme[17] === '1' ? '2' : '1');
    const third = makeId('110105', '1972-07-07', 33);
    const file = await xlsx([
      ['姓名', '身份证号码', '人员类型', '楼栋', '单元', '房号', '联系电话'],
      ['周好', good, '户籍', '3', '1', '101', '13700000001'],
      ['吴错', badId, '户籍', '3', '1', '101', '13700000002'],
      ['郑错', third, '户籍', '9', '1', '101', '13700000003'],
    ]);
    const mapping = { name: '姓名', idNumber: '身份证号码', status: '人员类型', building: '楼栋', unit: '单元', room: '房号', phone: '联系电话' };
    const p = await preview(hall, '整改.xlsx', file, mapping);
    expect(p.counts).toEqual({ add: 1, update: 0, unchanged: 0, reject: 2 });
    await commit(hall, p.importId);

    const end = await runJob(hall, () => hall.call('residents.importErrorReport', { importId: p.importId }));
    expect(end.done?.file?.fileName).toBe('整改.errors.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jobFile(hall, end) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['姓名', '身份证号码', '人员类型', '楼栋', '单元', '房号', '联系电话', '错误原因']);
    expect(values(2).slice(0, 7)).toEqual(['吴错', badId, '户籍', '3', '1', '101', '13700000002']);
    expect(values(2)[7]).toBe('第 3 行：「身份证号码」号码有误（校验不通过），请对照身份证逐位核对');
    expect(values(3)[7]).toBe(
      '第 4 行：「楼栋」没有楼栋“9”。可以新建文件中没有的地址（导入页勾选“新建这些地址”，命令行加 --create-places），或先在“地址管理”中建立',
    );
    expect(ws.rowCount).toBe(3);
    // Ready to work in: the header stays in view, the reasons stand out, cells are text (an ID stays as typed).
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).getCell(8).font?.color?.argb).toBe('FFC00000');
    expect(ws.getRow(2).getCell(2).numFmt).toBe('@');
    const audit = await hall.call('audit.list', { limit: 5, action: 'residents.importErrorReport' });
    expect(audit.entries[0]).toMatchObject({ summary: '整改.xlsx: 2' });

    // Fix the two rows in the report and import it again with the same mapping.
    ws.getCell('B2').value = fixme;
    ws.getCell('D3').value = '3';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const q = await preview(hall, '整改.errors.xlsx', fixed, mapping);
    expect(q.unmappedHeaders).toEqual(['错误原因']);
    expect(q.counts).toEqual({ add: 2, update: 0, unchanged: 0, reject: 0 });
    const done = await commit(hall, q.importId);
    expect(done.done?.summary).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: 0 });
  });
});

describe('saved mappings', () => {
  it('saves, lists and replaces a mapping by name, audited', async () => {
    const a = await hall.call('residents.saveImportMapping', { name: '街道模板', mapping: { name: '姓名', idNumber: '公民身份号码' } });
    const b = await hall.call('residents.saveImportMapping', { name: '街道模板', mapping: { name: '姓名', idNumber: '证件号码' } });
    expect(b.id).toBe(a.id);
    const list = await hall.call('residents.importMappings', {});
    expect(list.find((m) => m.name === '街道模板')).toEqual({ id: a.id, name: '街道模板', mapping: { name: '姓名', idNumber: '证件号码' } });
    expect((await hall.fail('residents.saveImportMapping', { name: 'x', mapping: { nope: '姓名' } })).fields).toEqual({
      'mapping.nope': 'import.unknown_field',
    });
    const audit = await hall.call('audit.list', { limit: 5, action: 'residents.saveImportMapping' });
    expect(audit.entries.filter((e) => e.recordId === a.id)).toHaveLength(2);
  });
});

describe('holdCheckpoints', () => {
  it('turns the automatic checkpoint off while any hold lasts, then restores it once', async () => {
    const { holdCheckpoints } = await import('../../../src/main/core/import/commit-thread');
    const sqlite = hall.core.services.sqlite;
    const pages = sqlite.pragma('wal_autocheckpoint', { simple: true });
    const first = holdCheckpoints(sqlite);
    const second = holdCheckpoints(sqlite);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    first();
    first(); // a second call of the same release does not release another hold
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    second();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(pages);
  });
});

describe('the reference check of an import', () => {
  it('finds a written row whose parent is missing, column by column, and reads the written rows through indexes', async () => {
    const { checkReferences, findBrokenReference, lastRowid, referenceCheckQueries, withoutForeignKeyEnforcement } =
      await import('../../../src/main/core/import/references');
    const sqlite = hall.core.services.sqlite;
    const resident = sqlite.prepare('SELECT id FROM residents LIMIT 1').get() as { id: string } | undefined;
    expect(resident).toBeDefined();
    await withoutForeignKeyEnforcement(sqlite, async () => {
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(0);
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const since = lastRowid(sqlite, 'resident_events');
        const event = sqlite.prepare(
          "INSERT INTO resident_events (id, resident_id, at, on_date, actor_id, actor_name, kind, detail_json) VALUES (?, ?, '2026-11-22T00:00:00.000Z', NULL, NULL, 'test', 'imported', '{}')",
        );
        event.run('event-ok', resident!.id);
        expect(findBrokenReference(sqlite, 'resident_events', { where: 'r.rowid > ?', params: [since] })).toBeNull();
        event.run('event-broken', 'no-such-resident');
        expect(findBrokenReference(sqlite, 'resident_events', { where: 'r.rowid > ?', params: [since] })).toEqual({
          column: 'resident_id',
          value: 'no-such-resident',
        });
        expect(() => checkReferences(sqlite, 'resident_events', { where: 'r.rowid > ?', params: [since] })).toThrow(
          /resident_events\.resident_id refers to a missing record \(no-such-resident\)/,
        );
      } finally {
        sqlite.exec('ROLLBACK');
      }
    });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.prepare("SELECT count(*) AS n FROM resident_events WHERE id IN ('event-ok', 'event-broken')").get()).toEqual({ n: 0 });

    // The residents check reads the new rows by rowid and the updated ones by id: no scan of a million rows.
    const queries = referenceCheckQueries(sqlite, 'residents', 'r.rowid > ? OR r.id IN (SELECT value FROM json_each(?))');
    expect(queries.map((q) => q.column).sort()).toEqual(['building_id', 'grid_id', 'house_id', 'household_id']);
    for (const q of queries) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(0, '[]') as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, q.sql).not.toMatch(/SCAN r\b|SCAN p\b/);
    }
  });
});

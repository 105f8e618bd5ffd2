import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStore, storedBatches } from '../../../src/main/core/features/residents/import/store';
import { batchRows } from '../../../src/main/core/features/residents/import/row-batches';
import { readSpillBatches, SpillWriter, sweepStaleSpills } from '../../../src/main/core/import/spill';
import { takeWarmProcess } from '../../../src/main/core/import/warm-process';
import { COMMIT_WORKER_ROLE } from '../../../src/main/core/import/commit-worker-host';
import { openTestHall, sourceWorker, tempDir, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, jobFile, makeId, preview, previewFails, residentCount, runJob } from '../../fixtures/residents/support';

/**
 * Issue 10: a large file is previewed in a child process of its own, which keeps the batches in an
 * encrypted spill file; the serving process keeps the summary, the rejected rows' plans and the file's
 * reference. The process is run from its TypeScript source, for every size (importPreviewFromBytes: 0),
 * beside a hall that previews in its own thread: both must say the same, and commit the same.
 */
const header = ['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系', '联系电话'];

function register(n: number, prefix: string, region: string): string[][] {
  const rows = [header];
  for (let i = 0; i < n; i++) {
    const birth = `19${String(50 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    let id = makeId(region, birth, 100 + Math.floor(i / 840));
    if (i % 97 === 5) id = id.slice(0, 17) + (id[17] === '1' ? '2' : '1'); // a wrong check digit
    rows.push([`${prefix}${i}`, id, '户籍', '3', '1', i % 53 === 7 ? '901' : '101', `${prefix}-${Math.floor(i / 4)}`, i % 4 ? '子' : '户主', '13800138000']);
  }
  return rows;
}

const processEntry = sourceWorker('src/main/core/features/residents/import/commit-worker.ts');

describe('a preview in its own process', () => {
  let here: TestHall;
  let apart: TestHall;
  beforeAll(async () => {
    here = await openTestHall();
    apart = await openTestHall({ workers: { importCommit: processEntry, importPreviewFromBytes: 0 } });
    for (const hall of [here, apart]) await makePlaces(hall);
  }, 60_000);
  afterAll(() => Promise.all([here.close(), apart.close()]));

  const kept = (hall: TestHall, importId: string) => importStore(hall.core.services.sqlite).get(importId, hall.adminToken, hall.clock.now().getTime());

  it('says what a preview in the serving thread says, and keeps the rows on disk, sealed, not in this process', async () => {
    const rows = register(1_500, '甲', '150401');
    const [inThread, inProcess] = [await preview(here, 'a.csv', csv(rows)), await preview(apart, 'a.csv', csv(rows))];
    expect(inProcess.counts.reject).toBeGreaterThan(10);
    expect(inProcess.counts.add + inProcess.counts.reject).toBe(1_500);
    const { importId: _a, ...sameA } = inThread;
    const { importId: _b, ...sameB } = inProcess;
    expect(sameB).toEqual(sameA);

    const imp = kept(apart, inProcess.importId);
    expect(imp).not.toHaveProperty('batches');
    expect(imp).not.toHaveProperty('plans');
    expect([...imp.rejected.values()]).toEqual([...kept(here, inThread.importId).rejected.values()]);
    expect([...imp.rejected.values()].every((p) => p.action === 'reject')).toBe(true);
    // The spill holds every row as read, in order; on disk it is its owner's only, and sealed: no ID number or name in clear.
    expect([...storedBatches(imp)].flatMap((b) => batchRows(b.batch).map((r) => r.cells))).toEqual(rows.slice(1));
    expect(fs.statSync(imp.spill.file).mode & 0o077).toBe(0);
    const onDisk = fs.readFileSync(imp.spill.file);
    expect(onDisk.includes(Buffer.from(rows[1][1]))).toBe(false);
    expect(onDisk.includes(Buffer.from('甲1'))).toBe(false);
  }, 60_000);

  it('commits from the spill in the commit process, gives the error report from it, and lets the file go', async () => {
    const rows = register(1_200, '乙', '150402');
    const p = await preview(apart, 'b.csv', csv(rows));
    const imp = kept(apart, p.importId);
    const before = residentCount(apart);
    const end = await commit(apart, p.importId);
    expect(end.done?.summary).toEqual({ added: p.counts.add, updated: 0, unchanged: 0, rejected: p.counts.reject });
    expect(residentCount(apart)).toBe(before + p.counts.add);
    // The same household and person as previewed: the preview's planned households came with the spill's tail.
    const head = apart.core.services.sqlite
      .prepare("SELECT r.name FROM residents r JOIN households h ON h.id = r.household_id WHERE h.number = '乙-0' AND h.head_resident_id = r.id")
      .get() as { name: string };
    expect(head.name).toBe('乙0');

    // Committed with rejected rows, the spill stays for the error report, which reads the rejected rows back from it.
    expect(fs.existsSync(imp.spill.file)).toBe(true);
    const report = await runJob(apart, () => apart.call('residents.importErrorReport', { importId: p.importId }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jobFile(apart, report) as unknown as ArrayBuffer);
    const names = wb.worksheets[0]
      .getColumn(1)
      .values.slice(2)
      .map((v) => String(v));
    expect(names).toEqual(
      rows
        .slice(1)
        .filter((_, i) => i % 97 === 5 || i % 53 === 7)
        .map((r) => r[0]),
    );

    // With nothing rejected, nothing is kept after the commit: the spill file is gone.
    const clean = await preview(apart, 'c.csv', csv(register(600, '丙', '150403').filter((_, i) => i === 0 || ((i - 1) % 97 !== 5 && (i - 1) % 53 !== 7))));
    expect(clean.counts.reject).toBe(0);
    const cleanFile = kept(apart, clean.importId).spill.file;
    expect((await commit(apart, clean.importId)).done?.summary).toMatchObject({ added: clean.counts.add });
    expect(fs.existsSync(cleanFile)).toBe(false);
  }, 60_000);

  it('a write between preview and commit makes the commit plan again, from the spilled drafts', async () => {
    const taken = makeId('150404', '1966-03-03', 7);
    const rows = [
      header,
      ['丁先', taken, '户籍', '3', '1', '101', '', '', ''],
      ['丁后', makeId('150404', '1967-04-04', 8), '户籍', '3', '1', '101', '', '', ''],
    ];
    const p = await preview(apart, 'd.csv', csv(rows));
    expect(p.counts).toMatchObject({ add: 2, reject: 0 });
    await apart.call('residents.create', { name: '丁别名', status: '户籍', idNumber: taken, docType: '居民身份证', unplacedReason: '刚到，户号待核实' });
    const end = await commit(apart, p.importId, 'valid_rows');
    expect(end.done?.summary).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect([...kept(apart, p.importId).rejected.values()].map((x) => x.name)).toEqual(['丁先']);
  }, 60_000);

  it('starts the commit process with the preview, and the commit takes it; one that ended meanwhile is replaced', async () => {
    const p = await preview(apart, 'w.csv', csv(register(300, '庚', '150407')));
    // Started ahead (warm-process.ts): the commit finds it waiting and takes it.
    const before = residentCount(apart);
    const end = await commit(apart, p.importId);
    expect(end.done?.summary).toMatchObject({ added: p.counts.add });
    expect(residentCount(apart)).toBe(before + p.counts.add);
    expect(takeWarmProcess(processEntry, COMMIT_WORKER_ROLE)).toBeNull();

    // Taken away and ended before the commit: the commit starts its own, and writes the same.
    const q = await preview(apart, 'x.csv', csv(register(300, '辛', '150408')));
    const warmed = takeWarmProcess(processEntry, COMMIT_WORKER_ROLE);
    expect(warmed?.running()).toBe(true);
    const ended = new Promise((resolve) => warmed!.onExit(resolve));
    warmed!.kill();
    await ended;
    expect((await commit(apart, q.importId)).done?.summary).toMatchObject({ added: q.counts.add });
  }, 60_000);

  it('hands the upload to the preview process in a sealed file, which is gone once the preview is made', async () => {
    const tmp = tempDir();
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const rows = register(200, '壬', '150409');
      const p = await preview(apart, 'y.csv', csv(rows));
      expect(p.counts.add + p.counts.reject).toBe(200);
      // What is left in the folder is the preview's own spill (its batches), not the request's file.
      const left = fs.readdirSync(tmp).filter((n) => n.startsWith('linli-import-'));
      expect(left.map((n) => path.join(tmp, n, 'batches.bin'))).toEqual([kept(apart, p.importId).spill.file]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  }, 60_000);

  it('closing the file lets go of its previews and their spill files', async () => {
    const hall = await openTestHall({ workers: { importCommit: processEntry, importPreviewFromBytes: 0 } });
    await makePlaces(hall);
    const p = await preview(hall, 'f.csv', csv(register(50, '己', '150406')));
    const file = kept(hall, p.importId).spill.file;
    expect(fs.existsSync(file)).toBe(true);
    await hall.close();
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);

  it('a preview process that cannot run its code fails the preview (it is not done quietly some other way)', async () => {
    const broken = await openTestHall({ workers: { importCommit: { path: '/nonexistent/commit-worker.js' }, importPreviewFromBytes: 0 } });
    try {
      await makePlaces(broken);
      const failed = await previewFails(broken, 'e.csv', csv(register(10, '戊', '150405')));
      expect(failed.code).toBe('internal');
    } finally {
      await broken.close();
    }
  }, 60_000);
});

describe('the spill file', () => {
  it('gives back what was written, in order, refuses a changed byte, and is deleted when discarded', () => {
    const folder = tempDir();
    const writer = new SpillWriter(folder);
    writer.append({ rows: ['一', 1] }, { first: 0, count: 2 });
    writer.append({ rows: ['二', 2] }, { first: 2, count: 2 });
    const ref = writer.finish({ tail: true });
    expect([...readSpillBatches(ref)]).toEqual([{ rows: ['一', 1] }, { rows: ['二', 2] }]);
    expect([...readSpillBatches(ref, (e) => e.first === 2)]).toEqual([{ rows: ['二', 2] }]);

    const bytes = fs.readFileSync(ref.file);
    bytes[ref.batches[1].offset + ref.batches[1].length - 1] ^= 1;
    fs.writeFileSync(ref.file, bytes);
    expect(() => [...readSpillBatches(ref)]).toThrow();

    const other = new SpillWriter(folder);
    other.append({ x: 1 }, { first: 0, count: 1 });
    other.discard();
    expect(fs.existsSync(other.file)).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a spill folder left by a killed process is swept once it is older than any kept preview', () => {
    const folder = tempDir();
    const old = new SpillWriter(folder).finish();
    const fresh = new SpillWriter(folder).finish();
    const threeHoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000);
    fs.utimesSync(path.dirname(old.file), threeHoursAgo, threeHoursAgo);
    sweepStaleSpills(folder);
    expect(fs.existsSync(old.file)).toBe(false);
    expect(fs.existsSync(fresh.file)).toBe(true);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

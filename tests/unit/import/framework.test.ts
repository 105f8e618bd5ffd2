import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import SqliteDatabase from 'better-sqlite3';
import { importStoreOf, IMPORT_TTL_MS, type StoredImport } from '../../../src/main/core/import/store';
import { writeMark } from '../../../src/main/core/import/write-mark';
import { rejectedRowsWorkbook } from '../../../src/main/core/import/error-report';
import { readInBatches, type BatchEvent } from '../../../src/main/core/import/read-batches';
import { startPreviewWorkers } from '../../../src/main/core/import/preview-pool';
import { openRequest, sealRequest } from '../../../src/main/core/import/preview-process';
import fs from 'node:fs';
import { PREVIEW_THREADS_ENV, PREVIEW_WORKER_ROLE, startPreviewThreadsEarly, takeEarlyPreviewThreads } from '../../../src/main/core/import/preview-threads';
import type { PreviewWorkerEvent } from '../../../src/main/core/features/residents/import/preview-worker';
import type { ColumnChoice } from '../../../src/main/core/features/residents/import/preview-read';
import { firstPass, type FirstPass } from '../../../src/main/core/features/residents/import/first-pass';
import type { ResidentFields } from '../../../src/main/core/features/residents/prepare';
import { openTestHall, sourceWorker } from '../support/core';
import { makeId } from '../../fixtures/residents/support';

/** The import machinery every area uses (core/import/), on its own, without the residents area. */
describe('core/import', () => {
  it("keeps each area's previews apart, for the session that made them, three each, for an hour", () => {
    const sqlite = new SqliteDatabase(':memory:');
    const item = (importId: string, ownerToken = 's1', createdAt = 0): StoredImport => ({ importId, ownerToken, createdAt, state: 'previewed' });
    const donations = importStoreOf(sqlite, 'donations');
    const roster = importStoreOf(sqlite, 'volunteers');
    donations.put(item('d1'), 0);
    expect(donations.get('d1', 's1', 1).importId).toBe('d1');
    expect(() => roster.get('d1', 's1', 1)).toThrow(expect.objectContaining({ code: 'import.expired' }));
    expect(() => donations.get('d1', 's2', 1)).toThrow(expect.objectContaining({ code: 'import.expired' }));
    for (const id of ['d2', 'd3', 'd4']) donations.put(item(id, 's1', Number(id.slice(1))), 10);
    expect(() => donations.get('d1', 's1', 10)).toThrow(expect.objectContaining({ code: 'import.expired' }));
    expect(donations.get('d4', 's1', 10).importId).toBe('d4');
    expect(() => donations.get('d4', 's1', 4 + IMPORT_TTL_MS + 1)).toThrow(expect.objectContaining({ code: 'import.expired' }));
    expect(importStoreOf(sqlite, 'donations')).toBe(donations);
    sqlite.close();
  });

  it("the write mark changes with a row added to the audit log or one of the area's tables, not with another table", () => {
    const sqlite = new SqliteDatabase(':memory:');
    sqlite.exec('CREATE TABLE audit_log (x); CREATE TABLE donations (x); CREATE TABLE other (x)');
    const mark = () => writeMark(sqlite, ['donations']);
    const before = mark();
    sqlite.exec('INSERT INTO other VALUES (1)');
    expect(mark()).toBe(before);
    sqlite.exec('INSERT INTO donations VALUES (1)');
    const after = mark();
    expect(after).not.toBe(before);
    sqlite.exec('INSERT INTO audit_log VALUES (1)');
    expect(mark()).not.toBe(after);
    sqlite.close();
  });

  it('the error report is the header, the rejected rows as text, and 错误原因', async () => {
    const file = await rejectedRowsWorkbook({
      fileName: '捐赠.csv',
      sheetName: null,
      headers: ['捐赠人', '金额'],
      rows: [{ cells: ['张三', 12.5], reason: '第 2 行：金额不是整数分' }],
    });
    expect(file.fileName).toBe('捐赠.errors.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((v) => (v as unknown[]).slice(1));
    expect(values).toEqual([
      ['捐赠人', '金额', '错误原因'],
      ['张三', '12.5', '第 2 行：金额不是整数分'],
    ]);
  });

  it("reads a file in batches through an area's header test, resolver and row drafter", async () => {
    const body = Buffer.from('说明\r\n捐赠人,金额\r\n' + Array.from({ length: 5 }, (_, i) => `人${i},${i}`).join('\r\n'), 'utf8');
    const events: BatchEvent<number, string>[] = [];
    await readInBatches(
      body,
      { isHeader: (t) => t.includes('金额'), resolve: (head) => head.headers.indexOf('金额'), draft: (row, col) => `${row.row}:${String(row.cells[col])}` },
      (e) => events.push(e),
      2,
    );
    expect(events.map((e) => (e.kind === 'head' ? `head ${e.head.headerRow} ${e.resolved}` : e.drafts.join(' ')))).toEqual([
      'head 2 1',
      '3:0 4:1',
      '5:2 6:3',
      '7:4',
    ]);
    const refused = readInBatches(
      body,
      {
        isHeader: (t) => t.includes('金额'),
        resolve: () => {
          throw new Error('no name column');
        },
        draft: () => '',
      },
      () => {},
    );
    await expect(refused).rejects.toThrow('no name column');
  });
});

describe("a preview process's request (core/import/preview-process.ts)", () => {
  it('goes in a sealed file of its own, read once by the process and then deleted; without a file, in the message', () => {
    const id = makeId('110105', '1980-01-01', 11);
    const request = { bytes: new Uint8Array(Buffer.from(`姓名,身份证号\r\n张三,${id}\r\n`)), today: '2026-11-22' };
    const sealed = sealRequest(request)!;
    expect(fs.statSync(sealed.file).mode & 0o077).toBe(0);
    // Sealed: neither the ID number nor the name is in the file in clear.
    const onDisk = fs.readFileSync(sealed.file);
    expect(onDisk.includes(Buffer.from(id))).toBe(false);
    expect(onDisk.includes(Buffer.from('张三'))).toBe(false);
    expect(openRequest({ sealedRequest: sealed })).toEqual(request);
    expect(fs.existsSync(sealed.file)).toBe(false);
    expect(() => openRequest({ sealedRequest: sealed })).toThrow();
    expect(openRequest({ request })).toBe(request);
  });
});

describe('the preview worker pool (core/import/preview-pool.ts)', () => {
  it("runs an area's preview worker (residents', from its source): reads the file in batches and prepares rows with the app's key", async () => {
    const hall = await openTestHall();
    try {
      const entry = sourceWorker('src/main/core/features/residents/import/preview-worker.ts');
      const secrets = hall.core.services.secrets;
      const workers = await startPreviewWorkers<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>({
        entry,
        keyFile: hall.core.services.paths.keyFile,
        today: '2026-11-22',
        secrets,
        workers: 2,
      });
      expect(workers).not.toBeNull();
      try {
        const id = makeId('110105', '1980-01-01', 11);
        const events: PreviewWorkerEvent[] = [];
        await workers!.read(Buffer.from(`姓名,身份证号,人员类型\r\n张三,${id},户籍\r\n`, 'utf8'), {}, (e) => events.push(e));
        expect(events.map((e) => e.kind)).toEqual(['head', 'batch']);
        const given = { name: '张三', idNumber: id, status: '户籍', docType: '居民身份证' } as const;
        const [pass] = await workers!.prepare([given]);
        // The worker's look-up hash is the one this thread makes: it holds the very key.
        expect(pass.hash).toBe(firstPass(given, secrets, '2026-11-22').hash);
        expect(pass.hash).toBeTruthy();
      } finally {
        await workers!.close();
      }
      // No worker code, or no key file: none, and the caller works in its own thread.
      expect(await startPreviewWorkers({ entry: null, keyFile: hall.core.services.paths.keyFile, today: '2026-11-22', secrets })).toBeNull();
    } finally {
      await hall.close();
    }
  }, 60_000);

  // A preview process starts its threads as it starts, from the spec in its environment (preview-threads.ts).
  it('adopts the threads a preview process started early, when they are the ones asked for; else ends them and starts its own', async () => {
    const hall = await openTestHall();
    const entry = sourceWorker('src/main/core/features/residents/import/preview-worker.ts');
    const keyFile = hall.core.services.paths.keyFile!;
    const secrets = hall.core.services.secrets;
    const startEarly = (today: string) => {
      process.env[PREVIEW_THREADS_ENV] = JSON.stringify({ entry, count: 2, init: { role: PREVIEW_WORKER_ROLE, keyFile, today } });
      try {
        startPreviewThreadsEarly();
      } finally {
        delete process.env[PREVIEW_THREADS_ENV];
      }
    };
    try {
      // Asked for the same code, count, key file and day: the early threads, once.
      startEarly('2026-11-22');
      const adopted = takeEarlyPreviewThreads(entry, 2, { role: PREVIEW_WORKER_ROLE, keyFile, today: '2026-11-22' });
      expect(adopted).toHaveLength(2);
      expect(adopted!.every((t) => t.alive())).toBe(true);
      expect(takeEarlyPreviewThreads(entry, 2, { role: PREVIEW_WORKER_ROLE, keyFile, today: '2026-11-22' })).toBeNull();
      await Promise.all(adopted!.map((t) => t.worker.terminate()));

      // Started for another day: ended, and the pool starts threads of its own that answer with the app's key.
      startEarly('2026-11-21');
      const early = takeEarlyPreviewThreads(entry, 2, { role: PREVIEW_WORKER_ROLE, keyFile, today: '2026-11-22' });
      expect(early).toBeNull();
      startEarly('2026-11-21');
      const workers = await startPreviewWorkers<ColumnChoice, PreviewWorkerEvent, Partial<ResidentFields>, FirstPass>({
        entry,
        keyFile,
        today: '2026-11-22',
        secrets,
        workers: 2,
      });
      expect(workers).not.toBeNull();
      try {
        const id = makeId('110105', '1980-01-01', 11);
        const given = { name: '张三', idNumber: id, status: '户籍', docType: '居民身份证' } as const;
        const [pass] = await workers!.prepare([given]);
        expect(pass.hash).toBe(firstPass(given, secrets, '2026-11-22').hash);
      } finally {
        await workers!.close();
      }
      // …and the early ones were not kept for later.
      expect(takeEarlyPreviewThreads(entry, 2, { role: PREVIEW_WORKER_ROLE, keyFile, today: '2026-11-21' })).toBeNull();

      // What take checks besides the spec: a thread that has ended is no longer alive.
      startEarly('2026-11-22');
      const ended = takeEarlyPreviewThreads(entry, 2, { role: PREVIEW_WORKER_ROLE, keyFile, today: '2026-11-22' })!;
      await Promise.all(ended.map((t) => t.worker.terminate()));
      expect(ended.every((t) => !t.alive())).toBe(true);
    } finally {
      await hall.close();
    }
  }, 60_000);
});

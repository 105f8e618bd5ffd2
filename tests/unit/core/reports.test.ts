import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import type { EventMap } from '../../../src/shared/contract/events';
import { addUser, openTestHall, type TestHall } from '../support/core';

let hall: TestHall;

beforeAll(async () => {
  hall = await openTestHall({ pdf: createChromiumPdfRenderer() });
  await addUser(hall, 'clerk1', ['clerk']);
});
afterAll(() => hall.close());

/** Runs a report through the contract, as the report centre does, and returns the finished file. */
async function runReport(format: 'pdf' | 'docx' | 'xlsx' | 'csv', params: Record<string, unknown>, token = hall.adminToken) {
  const progress: EventMap['job.progress'][] = [];
  const { jobId } = await hall.call('reports.run', { name: 'audit', format, params }, token);
  const file = await new Promise<NonNullable<EventMap['job.done']['file']>>((resolve, reject) => {
    const off = hall.core.services.events.subscribe((e) => {
      if (e.sessionToken !== token) return;
      if (e.name === 'job.progress' && (e.payload as EventMap['job.progress']).jobId === jobId) progress.push(e.payload as EventMap['job.progress']);
      if (e.name === 'job.done' && (e.payload as EventMap['job.done']).jobId === jobId) {
        off();
        resolve((e.payload as EventMap['job.done']).file!);
      }
      if (e.name === 'job.failed' && (e.payload as EventMap['job.failed']).jobId === jobId) {
        off();
        reject(new Error(JSON.stringify(e.payload)));
      }
    });
  });
  const stored = hall.core.services.jobs.file(file.fileId, token)!;
  return { file, bytes: fs.readFileSync(stored.path), progress };
}

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('the audit report through the report engine', () => {
  it('CSV: UTF-8 with BOM, Chinese headers, one line per record, progress reported', async () => {
    const { file, bytes, progress } = await runReport('csv', range);
    expect(file.fileName).toBe('审计日志-2026-11-22.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('序号,时间,操作人,工作站,操作,模块,记录,摘要');
    expect(text).toContain('创建账号');
    expect(text).toContain('王管理');
    expect(progress.at(-1)).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it("says what an export was in people's words, never the report's code and the file's extension", async () => {
    await runReport('csv', range);
    const text = (await runReport('csv', range)).bytes.toString('utf8');
    // The first run's own record: the report's name and the format, as the audit screen shows it.
    expect(text).toContain('审计日志（CSV）');
    expect(text).not.toContain('audit.csv');
  });

  it('XLSX read back with exceljs', async () => {
    const { bytes } = await runReport('xlsx', range);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('审计日志');
    expect(cells).toContain('创建账号');
    expect(cells.some((c) => c.includes('幸福社区居民委员会'))).toBe(true);
  });

  it('DOCX read back from its XML', async () => {
    const { bytes } = await runReport('docx', range);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('审计日志');
    expect(xml).toContain('创建账号');
  });

  it('PDF read back with pdftotext', async () => {
    const { bytes } = await runReport('pdf', range);
    const out = path.join(hall.dir, 'audit.pdf');
    fs.writeFileSync(out, bytes);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('审计日志');
    expect(text).toContain('创建账号');
    expect(text).toContain('幸福社区居民委员会');
  });

  it('English labels when asked', async () => {
    const { bytes } = await runReport('csv', { ...range, locale: 'en' });
    expect(bytes.toString('utf8')).toContain('Created account');
  });

  it('every export is itself on the audit trail', async () => {
    const trail = await hall.call('audit.list', { limit: 50, action: 'reports.export' });
    expect(trail.total).toBeGreaterThanOrEqual(4);
    expect(trail.entries[0].after).toMatchObject({ params: range });
  });

  it('refuses bad parameters, an unknown report and a user without the permission', async () => {
    expect((await hall.fail('reports.run', { name: 'audit', format: 'csv', params: { from: '2026-13-01', to: '2026-11-30' } })).code).toBe(
      'contract.invalid_input',
    );
    expect((await hall.fail('reports.run', { name: 'audit', format: 'csv', params: { from: '2026-11-30', to: '2026-11-01' } })).fields).toEqual({
      to: 'contract.date_range',
    });
    expect((await hall.fail('reports.run', { name: 'nope', format: 'csv', params: {} })).code).toBe('reports.unknown');
    const clerk = (await hall.call('auth.login', { username: 'clerk1', password: 'user-pass-2026' }, null)).token;
    expect((await hall.call('reports.list', {}, clerk)).map((r) => r.name)).not.toContain('audit');
    expect((await hall.fail('reports.run', { name: 'audit', format: 'csv', params: range }, clerk)).code).toBe('auth.forbidden');
  });

  it('a finished file is only handed to the session that made it', async () => {
    const { file } = await runReport('csv', range);
    const clerk = (await hall.call('auth.login', { username: 'clerk1', password: 'user-pass-2026' }, null)).token;
    expect(hall.core.services.jobs.file(file.fileId, clerk)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';
import { openTestHall, type TestHall } from '../support/core';
import { jobFile, runJob } from '../../fixtures/residents/support';

// The reminder lists and the visits list come out as XLSX and PDF with the screen's filters: the same rows
// as the screen's handler lists, masked, and each export on the audit record with its parameters.

let hall: TestHall;

beforeAll(async () => {
  hall = await openTestHall({ pdf: createChromiumPdfRenderer() });
  await seedResidents(hall.core.services, { residents: 400, seed: 'list-exports' });
  // The synthetic community has nobody turning 60–100 around the test clock's 2026-11-22: give three people
  // such birthdays (the milestone lists read birth_date alone).
  const move = hall.core.services.sqlite.prepare('UPDATE residents SET birth_date = ? WHERE rowid = ?');
  move.run('1966-11-30', 1);
  move.run('1946-11-02', 2);
  move.run('1956-12-15', 3);
}, 120_000);
afterAll(() => hall.close());

async function sheetRows(name: string, params: Record<string, unknown>): Promise<string[][]> {
  const end = await runJob(hall, () => hall.call('reports.run', { name, format: 'xlsx', params }));
  if (end.failed) throw new Error(JSON.stringify(end.failed));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(jobFile(hall, end) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

/** The table's body: the rows after the header row, which starts with 序号. */
function body(rows: string[][]): string[][] {
  const header = rows.findIndex((r) => r[0] === '序号');
  return rows.slice(header + 1).filter((r) => /^\d+$/.test(r[0]));
}

describe('list exports', () => {
  it('ID cards expiring: the same people as the screen, in its order, masked', async () => {
    const screen = await hall.call('residents.idCardsExpiring', { withinDays: 180, limit: 200 });
    expect(screen.total).toBeGreaterThan(0);
    const rows = body(await sheetRows('residents.id_cards_expiring', { withinDays: '180' }));
    expect(rows.map((r) => r[2])).toEqual(screen.rows.map((r) => r.name));
    expect(rows.map((r) => r[1])).toEqual(screen.rows.map((r) => r.expiresOn));
    expect(rows.every((r) => /^\d{3}\*+[\dX]{4}$/.test(r[5]) || r[5] === '')).toBe(true);
  });

  it('permits due and milestones follow their filters', async () => {
    const permits = await hall.call('residents.permitsDue', { withinDays: 366, limit: 200 });
    expect(permits.total).toBeGreaterThan(0);
    expect(body(await sheetRows('residents.permits_due', { withinDays: 366 }))).toHaveLength(permits.total);
    let people = 0;
    for (const month of ['this', 'next'] as const) {
      const screen = await hall.call('residents.milestones', { month, limit: 200 });
      const rows = body(await sheetRows('residents.milestones', { month }));
      expect(rows.map((r) => r[3])).toEqual(screen.rows.map((m) => m.resident.name));
      people += rows.length;
    }
    expect(people).toBeGreaterThan(0);
  });

  it('visits due: all grids or one grid, overdue only', async () => {
    const grid = (await hall.call('residents.listGrids', {}))[0];
    const screen = await hall.call('residents.visitsDue', { gridId: grid.id, overdueOnly: false, withinDays: 60, limit: 200 });
    expect(screen.rows.length).toBeGreaterThan(0);
    const rows = body(await sheetRows('residents.visits_due', { grid: grid.id, withinDays: 60 }));
    expect(rows.map((r) => r[1])).toEqual(screen.rows.map((h) => h.number));
    const overdue = await hall.call('residents.visitsDue', { overdueOnly: true, withinDays: 14, limit: 200 });
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(body(await sheetRows('residents.visits_due', { overdueOnly: true }))).toHaveLength(overdue.rows.length);
  });

  it('comes as PDF, read back with pdftotext', async () => {
    const end = await runJob(hall, () => hall.call('reports.run', { name: 'residents.visits_due', format: 'pdf', params: { withinDays: 30 } }));
    const file = path.join(hall.dir, 'visits.pdf');
    fs.writeFileSync(file, jobFile(hall, end));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('应走访户名单');
    expect(text).toContain('30 天内');
  });

  it('every export is on the audit record with its filters', async () => {
    const audit = await hall.call('audit.list', { limit: 50, action: 'reports.export' });
    const visits = audit.entries.filter((e) => e.recordId === 'residents.visits_due');
    expect(visits.length).toBeGreaterThanOrEqual(3);
    expect(visits.some((e) => JSON.stringify(e.after).includes('"overdueOnly":true'))).toBe(true);
  });
});

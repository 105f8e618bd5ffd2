import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow } from '../../../src/shared/contract/residents/imports';
import { hallDay } from '../../../src/main/core/time/hall-day';
import { draftRow, type RowDraft } from '../../../src/main/core/features/residents/import/draft';
import { firstPass } from '../../../src/main/core/features/residents/import/first-pass';
import { RegistryLookups } from '../../../src/main/core/features/residents/import/lookups';
import { headerTest, resolveMapping } from '../../../src/main/core/features/residents/import/mapping';
import { PlanContext, planRow, type PlannedRow } from '../../../src/main/core/features/residents/import/plan';
import { PREVIEW_BATCH_ROWS, readForPreview } from '../../../src/main/core/features/residents/import/preview-read';
import { readSpreadsheet } from '../../../src/main/core/spreadsheet/read-file';
import { batchDrafts, batchPrepared, batchRows } from '../../../src/main/core/features/residents/import/row-batches';
import { importStore, storedBatches } from '../../../src/main/core/features/residents/import/store';
import { openTestHall, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, jobFile, makeId, preview, runJob, xlsx } from '../../fixtures/residents/support';

/**
 * The preview reads and plans a file batch by batch, in slices, and for a large file in worker threads.
 * Whatever the path, it must say exactly what planning the whole file in one go says: these compare the
 * preview with that, row by row, on a file of a few thousand rows that spans several batches and holds
 * the cases where order matters (duplicates and second heads far below the first, households built up
 * across batches). No timing here: speed and stalls are measured by `linli bench` (its import case).
 */
let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await makePlaces(hall);
  // People already registered: the file below leaves some unchanged and updates others.
  const existing = await preview(hall, 'existing.csv', csv([header, ...Array.from({ length: 300 }, (_, i) => person(i))]));
  expect(existing.counts).toEqual({ add: 300, update: 0, unchanged: 0, reject: 0 });
  expect((await commit(hall, existing.importId)).done?.summary).toMatchObject({ added: 300 });
}, 60_000);
afterAll(() => hall.close());

const header = ['姓名', '证件类型', '身份证号', '出生日期', '联系电话', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系', '标签', '网格', '备注'];
const ROWS = 3_000;

function idOf(i: number): string {
  const birth = `19${String(40 + (i % 60)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return makeId('150203', birth, Math.floor(i / 420) % 1000);
}

/** Row i of a register: one household of three per 户号, in the building's 24 rooms. */
function person(i: number, change = ''): string[] {
  const unit = String(1 + (i % 2));
  const room = `${1 + (Math.floor(i / 2) % 6)}0${1 + (Math.floor(i / 12) % 2)}`;
  return [
    `居民${i}`,
    '居民身份证',
    idOf(i),
    '',
    `138${String(i).padStart(8, '0')}`,
    i % 5 ? '户籍' : '流动人口',
    '3栋',
    unit,
    room,
    `S-${Math.floor(i / 3)}`,
    i % 3 === 0 ? '户主' : '子',
    i % 7 ? '' : '低保',
    '',
    change,
  ];
}

/** The file: 200 people as registered, 100 changed, then new people with every kind of problem spread through. */
function rows(): string[][] {
  const out: string[][] = [header];
  for (let i = 0; i < ROWS; i++) {
    if (i < 200) out.push(person(i));
    else if (i < 300) out.push(person(i, '备注已改'));
    else {
      const r = person(i);
      if (i % 37 === 0) r[2] = r[2].slice(0, 17) + (r[2][17] === '1' ? '2' : '1'); // a wrong check digit
      if (i % 101 === 0 && i >= 800) r[2] = idOf(i - 700); // the same person as a row several batches up
      if (i % 53 === 0) r[8] = '901'; // no such room
      if (i % 211 === 0) r[10] = '户主'; // a second head for the household
      if (i % 61 === 0) Object.assign(r, { 1: '其他', 2: '', 3: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}` }); // no number: matched by name and birth date
      if (i % 89 === 0) r[11] = '不存在的标签';
      if (i % 97 === 0) r[5] = '';
      if (i % 13 === 0) r[12] = '第一网格';
      if (i % 43 === 0) r[4] = '12345'; // not a phone number
      out.push(r);
    }
  }
  return out;
}

type RowView = Pick<ImportPreviewRow, 'row' | 'action' | 'name' | 'idMasked' | 'address' | 'problems'>;
const view = (p: RowView): RowView => ({ row: p.row, action: p.action, name: p.name, idMasked: p.idMasked, address: p.address, problems: p.problems });

function summary(plans: PlannedRow[]): { counts: ImportPreview['counts']; rows: RowView[]; shown: RowView[] } {
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0 };
  for (const p of plans) counts[p.action]++;
  const rejected = plans.filter((p) => p.action === 'reject').slice(0, 500);
  const others = plans.filter((p) => p.action !== 'reject').slice(0, 500 - rejected.length);
  return { counts, rows: plans.map(view), shown: [...rejected, ...others].map(view) };
}

/** Planning as the preview did it before: the whole file read, then every row drafted and planned in one pass. */
async function planAtOnce(bytes: Buffer) {
  const sheet = await readSpreadsheet(bytes, headerTest(undefined));
  const resolved = resolveMapping(sheet.headers, undefined);
  const { today } = await hallDay(hall.core.services);
  const ctx = new PlanContext(new RegistryLookups(hall.core.services.sqlite), hall.core.services.secrets, today);
  const plans = sheet.rows.map((r) => planRow(draftRow(r, resolved.columns), ctx));
  return { sheet, resolved, plans };
}

/** The workers' path in this thread: rows read and drafted in batches, first passes made apart and copied across as a message would be. */
async function planInBatches(bytes: Buffer) {
  const { today } = await hallDay(hall.core.services);
  const ctx = new PlanContext(new RegistryLookups(hall.core.services.sqlite), hall.core.services.secrets, today);
  const plans: PlannedRow[] = [];
  let batches = 0;
  await readForPreview(bytes, {}, (e) => {
    if (e.kind !== 'rows') return;
    batches++;
    const drafts: RowDraft[] = structuredClone(e.drafts);
    const passes = structuredClone(drafts.map((d) => firstPass(d.given, hall.core.services.secrets, today)));
    drafts.forEach((d, i) => plans.push(planRow(d, ctx, undefined, passes[i])));
  });
  return { plans, batches };
}

describe('the preview in batches and slices', () => {
  it.each(['xlsx', 'csv'] as const)(
    'gives exactly what planning the whole %s at once gives',
    async (format) => {
      const bytes = format === 'xlsx' ? await xlsx(rows()) : Buffer.from(csv(rows()), 'utf8');
      const before = await planAtOnce(bytes);
      const expected = summary(before.plans);
      // The file is worth the comparison: several batches, every action, the problems that depend on order.
      expect(before.plans.length).toBe(ROWS);
      expect(ROWS).toBeGreaterThan(PREVIEW_BATCH_ROWS * 4);
      expect(expected.counts).toMatchObject({ add: expect.any(Number), update: 100, unchanged: 200 });
      expect(expected.counts.add).toBeGreaterThan(1_000);
      const codes = new Set(before.plans.flatMap((p) => p.problems.map((x) => x.code)));
      for (const code of [
        'id.checksum',
        'import.duplicate_in_file',
        'import.unknown_house',
        'import.two_heads',
        'import.unknown_tag',
        'import.required',
        'phone.format',
      ])
        expect([...codes]).toContain(code);

      const p = await preview(hall, `register.${format}`, bytes);
      expect(p).toMatchObject({
        sheetName: format === 'xlsx' ? '居民' : null,
        headers: before.sheet.headers,
        mapping: before.resolved.mapping,
        unmappedHeaders: before.resolved.unmappedHeaders,
        totalRows: ROWS,
      });
      expect(p.counts).toEqual(expected.counts);
      expect(p.rows).toEqual(expected.shown);
      const stored = importStore(hall.core.services.sqlite).get(p.importId, hall.adminToken, hall.clock.now().getTime());
      // What the commit and the error report read back from the spill file: every row, its draft and its plan, in order.
      const kept = [...storedBatches(stored)];
      expect(kept.flatMap((b) => b.plans).map(view)).toEqual(expected.rows);
      expect([...stored.rejected.values()].map(view)).toEqual(expected.rows.filter((r) => r.action === 'reject'));
      expect(kept.map((b) => b.batch.first)).toEqual(Array.from({ length: Math.ceil(ROWS / PREVIEW_BATCH_ROWS) }, (_, k) => k * PREVIEW_BATCH_ROWS));
      expect(kept.flatMap((b) => batchRows(b.batch))).toEqual(before.sheet.rows);
      expect(kept.flatMap((b) => batchDrafts(b.batch))).toEqual(before.sheet.rows.map((r) => draftRow(r, before.resolved.columns)));

      const batched = await planInBatches(bytes);
      expect(batched.batches).toBe(Math.ceil(ROWS / PREVIEW_BATCH_ROWS));
      expect(batched.plans.map(view)).toEqual(expected.rows);
    },
    120_000,
  );

  it('a sliced preview gives every rejected row to the error report and commits as it was previewed', async () => {
    const file = rows();
    const p = await preview(hall, 'register.xlsx', await xlsx(file));
    const report = await runJob(hall, () => hall.call('residents.importErrorReport', { importId: p.importId }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jobFile(hall, report) as unknown as ArrayBuffer);
    // An empty cell is not written at all (it reads back as a hole in the row), as spreadsheet programs do.
    const reported = wb.worksheets[0]
      .getSheetValues()
      .slice(2)
      .map((r) => Array.from({ length: header.length }, (_, i) => ((r as unknown[]) ?? [])[i + 1] ?? ''));
    const rejected = [...importStore(hall.core.services.sqlite).get(p.importId, hall.adminToken, hall.clock.now().getTime()).rejected.values()];
    expect(rejected).toHaveLength(p.counts.reject);
    expect(reported).toEqual(rejected.map((x) => file[x.row - 1]));

    // The commit writes the values the preview prepared (kept serialized with each batch), not new ones:
    // each encryption draws a fresh IV, so equal ciphertexts show they were reused.
    const stored = importStore(hall.core.services.sqlite).get(p.importId, hall.adminToken, hall.clock.now().getTime());
    const kept = [...storedBatches(stored)];
    const prepared = kept.flatMap((b) => batchPrepared(b.batch));
    const added = kept.flatMap((b) => b.plans).flatMap((x, i) => (x.action === 'add' ? [{ name: x.name, cipher: prepared[i]!.columns.id_cipher }] : []));
    expect(added).toHaveLength(p.counts.add);

    const end = await commit(hall, p.importId);
    expect(end.done?.summary).toEqual({ added: p.counts.add, updated: p.counts.update, unchanged: p.counts.unchanged, rejected: p.counts.reject });
    const cipherOf = hall.core.services.sqlite.prepare('SELECT id_cipher AS c FROM residents WHERE name = ?');
    expect(added.map((a) => (cipherOf.get(a.name) as { c: string }).c)).toEqual(added.map((a) => a.cipher));
  }, 120_000);
});

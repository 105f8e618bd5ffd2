import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';
import { openTestHall, type TestHall } from '../support/core';
import { jobFile, runJob } from '../../fixtures/residents/support';

// 居民登记册 as printed: landscape, columns sized to their content, one line a person: about 25–30 people an
// A4 page (it was 9: 户号 wrapped to two lines, 网格 to three, beside a mostly empty 标签 column).

let hall: TestHall;
let pages: string[];
let pageCount: number;

beforeAll(async () => {
  hall = await openTestHall({ pdf: createChromiumPdfRenderer() });
  await seedResidents(hall.core.services, { residents: 150, seed: 'register-print' });
  const end = await runJob(hall, () => hall.call('reports.run', { name: 'residents.register', format: 'pdf', params: {} }));
  const file = path.join(hall.dir, 'register.pdf');
  fs.writeFileSync(file, jobFile(hall, end));
  if (process.env.LINLI_KEEP_DOCS) fs.copyFileSync(file, path.join(process.env.LINLI_KEEP_DOCS, 'register.pdf'));
  pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  expect(Number(size[1])).toBeGreaterThan(Number(size[2])); // landscape A4
}, 120_000);
afterAll(() => hall.close());

/** A person's row starts with the sequence number and a name; a wrapped line does not. */
const personRows = (page: string) => page.split('\n').filter((l) => /^\s*\d+\s+\S+\s+[男女]\s+\d{4}-\d{2}-\d{2}\s/.test(l));

describe('the register printout', () => {
  it('holds 25–30 people on the first page, one line each', () => {
    const first = personRows(pages[0]);
    expect(first.length).toBeGreaterThanOrEqual(25);
    expect(first.length).toBeLessThanOrEqual(32);
    expect(first[0]).toMatch(/^\s*1\s/);
  });

  it('prints every person, on about a page per 30', () => {
    const count = Number(/人数：\s*(\d+)/.exec(pages[0])![1]);
    expect(count).toBeGreaterThan(140);
    expect(pages.flatMap(personRows)).toHaveLength(count);
    expect(pageCount).toBeLessThanOrEqual(Math.ceil(count / 25));
    // Each later page holds at least as many as the first, which also carries the heading.
    expect(personRows(pages[1]).length).toBeGreaterThanOrEqual(personRows(pages[0]).length);
  });
});

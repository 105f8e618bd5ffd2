import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../src/shared/errors';
import type { DocumentModel } from '../../../src/main/core/documents/model';
import type { PdfRenderer } from '../../../src/main/core/reports/model';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';

// The direct PDF writer's failure is injected here (its worker not starting, a font file unreadable): the
// printout must still come, from Chromium; a refusal of personal data must still stand.
const failure = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock('../../../src/main/core/documents/pdf/write', () => ({
  writeDocumentPdf: () => Promise.reject(failure.next),
}));
const { renderDocument } = await import('../../../src/main/core/documents/render');

const tmp = mkdtempSync(join(tmpdir(), 'linli-direct-fallback-'));
let pdf: PdfRenderer;
beforeAll(() => {
  pdf = createChromiumPdfRenderer();
});
afterAll(async () => {
  await pdf.close();
  rmSync(tmp, { recursive: true, force: true });
});

function longDocument(): DocumentModel {
  return {
    layout: 'official',
    title: '长表格',
    letterhead: { communityName: '幸福社区居民委员会', unitName: '幸福社区居民委员会' },
    blocks: [
      {
        kind: 'table',
        columns: [{ header: '序号' }, { header: '事项' }],
        rows: Array.from({ length: 200 }, (_, i) => [i + 1, `第${i + 1}项`]),
      },
    ],
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: '2026-12-01T00:00:00Z',
  };
}

describe('when the direct PDF writer fails', () => {
  it('the long document is printed by Chromium instead, and the failure is logged', async () => {
    failure.next = new Error('worker could not start');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = join(tmp, 'fallback.pdf');
    writeFileSync(file, (await renderDocument(longDocument(), 'pdf', pdf)).bytes);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('Type 3');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('第200项');
    expect(warn.mock.calls[0]?.[0]).toContain('worker could not start');
    warn.mockRestore();
  }, 60_000);

  it('a refusal of personal data is not printed around', async () => {
    failure.next = new AppError('reports.public_personal_data', 'refused', { params: { kind: 'phone', value: '138****5678', count: 1 } });
    await expect(renderDocument({ ...longDocument(), public: true }, 'pdf', pdf)).rejects.toMatchObject({ code: 'reports.public_personal_data' });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cash, openCharityHall, type CharityHall } from './fixture';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { jobFile, runJob } from '../../fixtures/residents/support';

// Receipts and notices printed as the treasurer's print buttons print them: reports of kind 'document'
// (charity_receipt, charity_notice, charity_notice_poster) run through reports.run and the document engine,
// read back with pdftotext.

let hall: CharityHall;
beforeAll(async () => {
  hall = await openCharityHall({ pdf: createChromiumPdfRenderer() });
});
afterAll(() => hall.close());

async function print(name: string, format: 'pdf' | 'docx' | 'html', params: Record<string, unknown>, token = hall.treasurer) {
  const end = await runJob(hall, () => hall.call('reports.run', { name, format, params }, token), token);
  return { end, bytes: end.done ? jobFile(hall, end, token) : null };
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(hall.dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('charity printouts through the document engine', () => {
  it('prints a receipt with the amount in figures and uppercase; the second print is a 复印件, a voided one 作废', async () => {
    const donor = await hall.call('charity.saveDonor', { kind: 'person', name: '陈善人', contact: '13812345678', disclosure: 'masked' }, hall.treasurer);
    await hall.call('charity.recordDonation', cash(1_409_50, { donorId: donor.id }), hall.treasurer);
    const [r] = (await hall.call('charity.listReceipts', { year: 2026 }, hall.treasurer)).rows;
    const first = pdfText((await print('charity_receipt', 'pdf', { receipt: r.id })).bytes!, 'receipt-1');
    expect(first).toContain('捐赠收据');
    expect(first).toContain(r.receiptNo);
    expect(first).toContain('人民币壹仟肆佰零玖元伍角');
    expect(first).toContain('¥1,409.50');
    expect(first).toContain('陈善人');
    expect(first).toContain('李出纳');
    expect(first).not.toContain('13812345678');
    expect(first).not.toContain('复印件');
    const again = pdfText((await print('charity_receipt', 'pdf', { receipt: r.id })).bytes!, 'receipt-2');
    expect(again).toContain('复印件');
    expect(again).toContain('人民币壹仟肆佰零玖元伍角');
    expect((await hall.call('charity.listReceipts', { year: 2026 }, hall.treasurer)).rows[0].printCount).toBe(2);
    await hall.call('charity.voidReceipt', { id: r.id, reason: '捐赠人要求重开' }, hall.treasurer);
    const voided = pdfText((await print('charity_receipt', 'pdf', { receipt: r.id })).bytes!, 'receipt-void');
    expect(voided).toContain('作废');
    expect(voided).toContain('捐赠人要求重开');
  }, 60_000);

  it('refuses an unknown receipt, and a clerk (no charity.record) cannot print one', async () => {
    const unknown = await print('charity_receipt', 'pdf', { receipt: 'nope' });
    expect(unknown.end.failed?.error.code).toBe('charity.receipt_not_found');
    expect((await hall.fail('reports.run', { name: 'charity_receipt', format: 'pdf', params: { receipt: 'x' } }, hall.clerk)).code).toBe('auth.forbidden');
  });

  it('prints the published notice on A4 landscape and as the A3 poster, public (masked names, no phone), with its digest', async () => {
    const donor = await hall.call('charity.saveDonor', { kind: 'person', name: '刘好心', contact: '13912345678', disclosure: 'masked' }, hall.treasurer);
    await hall.call('charity.recordDonation', cash(20_000, { donorId: donor.id, receivedOn: '2026-11-05' }), hall.treasurer);
    const notice = await hall.call('charity.publishNotice', { period: '2026-11' }, hall.treasurer);
    for (const [name, width, height] of [
      ['charity_notice', 841.9, 595.3],
      ['charity_notice_poster', 841.9, 1190.6],
    ] as const) {
      const { bytes } = await print(name, 'pdf', { notice: notice.id });
      const text = pdfText(bytes!, name);
      expect(text).toContain(notice.number);
      expect(text).toContain('刘*心');
      expect(text).not.toContain('刘好心');
      expect(text).not.toContain('13912345678');
      expect(text).toContain(notice.headHash.slice(0, 16));
      const info = execFileSync('pdfinfo', [path.join(hall.dir, `${name}.pdf`)], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
      expect(Math.abs(Number(info[1]) - width)).toBeLessThan(2);
      expect(Math.abs(Number(info[2]) - height)).toBeLessThan(2);
    }
    const html = (await print('charity_notice', 'html', { notice: notice.id })).bytes!.toString('utf8');
    expect(html).toContain('刘*心');
    expect(html).not.toContain('13912345678');
  }, 60_000);
});

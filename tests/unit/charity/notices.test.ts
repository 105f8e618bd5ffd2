import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cash, councilResolution, makeRecipient, openCharityHall, type CharityHall } from './fixture';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { charityChain } from '../../../src/main/core/features/charity/chain';
import { exportPublicLedger, verifyNoticeDigest, verifyPublicLedger } from '../../../src/main/core/features/charity/public-ledger';
import { renderNotice } from '../../../src/main/core/features/charity/notice-export';
import { scanPublicText } from '../../../src/main/core/features/charity/public-scan';
import { noticeDocument } from '../../../src/main/core/features/charity/notice-document';
import type { Notice } from '../../../src/shared/contract/charity/notices';

/** One month of activity, published; the notice's tables, freezing, corrections, every output format. */
let hall: CharityHall;
let notice: Notice;
let recipientId: string;
const donorPhone = '13812345678';

beforeAll(async () => {
  hall = await openCharityHall({ pdf: createChromiumPdfRenderer() });
  const t = hall.treasurer;
  const shop = await hall.call('charity.saveDonor', { kind: 'company', name: '幸福超市', disclosure: 'full', consentOn: '2026-11-01' }, t);
  const chen = await hall.call('charity.saveDonor', { kind: 'person', name: '陈善人', contact: donorPhone, disclosure: 'masked' }, t);
  const liu = await hall.call('charity.saveDonor', { kind: 'person', name: '刘好心', disclosure: 'caring' }, t);
  await hall.call(
    'charity.recordDonation',
    cash(100_000, { donorId: shop.id, method: '转账', reference: 'TX-01', fundCode: 'EDU', receivedOn: '2026-10-28' }),
    t,
  );
  await hall.call(
    'charity.recordDonation',
    cash(50_000, { donorId: shop.id, method: '转账', reference: 'TX-02', fundCode: 'EDU', receivedOn: '2026-11-03' }),
    t,
  );
  await hall.call('charity.recordDonation', cash(20_000, { donorId: chen.id, receivedOn: '2026-11-05' }), t);
  await hall.call('charity.recordDonation', cash(8_800, { donorId: liu.id, receivedOn: '2026-11-06' }), t);
  await hall.call('charity.recordDonation', cash(1_000, { receivedOn: '2026-11-07' }), t);
  await hall.call(
    'charity.recordDonation',
    {
      kind: 'goods',
      fundCode: 'GEN',
      receivedOn: '2026-11-08',
      items: [{ item: '大米', unit: '袋', quantity: 10, unitValueFen: 5_000, valuationBasis: '市场价' }],
    },
    t,
  );
  const resolution = await councilResolution(hall);
  const resident = await makeRecipient(hall, '赵困难', ['低保']);
  recipientId = resident.idMasked;
  const app = await hall.call(
    'charity.fileApplication',
    { residentId: resident.id, kind: '定向', fundCode: 'EDU', amountFen: 30_000, reason: '学费困难' },
    hall.clerk,
  );
  await hall.call('charity.reviewApplication', { id: app.id, visitNote: '入户核实', councilResolutionId: resolution.id }, hall.clerk);
  await hall.call('charity.decideApplication', { id: app.id, approve: true }, t);
  await hall.call('charity.payApplication', { id: app.id, method: '转账' }, t);
  await hall.call('charity.closeMonth', { month: '2026-10' }, t);
  notice = await hall.call('charity.publishNotice', { period: '2026-11' }, t);
}, 60_000);
afterAll(async () => {
  await hall.close();
});

describe('public notice', () => {
  it('lists income with names as the donors chose, expenditure with recipients masked, and balances per fund', () => {
    expect(notice.body.income.map((r) => [r.donor, r.method, r.amount])).toEqual([
      ['幸福超市', '转账', '¥500.00'],
      ['陈*人', '现金', '¥200.00'],
      ['爱心人士', '现金', '¥88.00'],
      ['匿名', '现金', '¥10.00'],
      ['匿名', '物资', '大米×10袋'],
    ]);
    expect(notice.body.expenditure).toEqual([
      expect.objectContaining({ recipient: '赵*难', amountFen: 30_000, approval: '决议居议〔2026〕1号', handler: '李出纳' }),
    ]);
    const edu = notice.body.funds.find((f) => f.code === 'EDU')!;
    expect(edu).toMatchObject({ openingFen: 100_000, incomeFen: 50_000, expenseFen: 30_000, closingFen: 120_000 });
    expect(notice.body.totals).toEqual({ openingFen: 100_000, incomeFen: 50_000 + 20_000 + 8_800 + 1_000 + 50_000, expenseFen: 30_000, closingFen: 199_800 });
    expect([notice.firstSeq, notice.lastSeq]).toEqual([2, 7]);
    expect(notice.headHash).toBe(charityChain.head(hall.core.services.sqlite)!.hash);
    expect(notice.objectionPhone).toBe('0472-7654321');
  });

  it('is frozen; a second notice for the period is a correction that names and supersedes the first', async () => {
    expect((await hall.fail('charity.publishNotice', { period: '2026-11' }, hall.treasurer)).code).toBe('charity.notice_published');
    expect((await hall.fail('charity.publishNotice', { period: '2026-11', supersedesId: notice.id }, hall.treasurer)).code).toBe('charity.reason_required');
    expect(() => hall.core.services.sqlite.exec("UPDATE charity_notices SET title = 'x'")).toThrow('db.append_only');
    const fix = await hall.call('charity.publishNotice', { period: '2026-11', supersedesId: notice.id, correctionReason: '补录一笔捐赠' }, hall.treasurer);
    expect(fix.title).toContain('更正公告');
    expect((await hall.call('charity.getNotice', { id: notice.id }, hall.treasurer)).supersededById).toBe(fix.id);
    // A quarter and a campaign resolve too; an unknown period is refused clearly.
    expect((await hall.call('charity.previewNotice', { period: '2026-Q4' }, hall.treasurer)).body.income).toHaveLength(6);
    expect((await hall.fail('charity.previewNotice', { period: '没有这个活动' }, hall.treasurer)).code).toBe('charity.period_unknown');
  });

  it('every output (CSV, XLSX, HTML, A4 PDF, A3 poster) carries the tables and digest and no ID number, phone or address', async () => {
    const db = hall.core.services.db;
    const pdf = hall.core.services.pdf;
    const texts: Record<string, string> = {};
    texts.csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await renderNotice(db, pdf, notice, 'csv')).bytes);
    expect(texts.csv.startsWith('\uFEFF')).toBe(true);
    const wb = new ExcelJS.Workbook();
    const xlsx = (await renderNotice(db, pdf, notice, 'xlsx')).bytes;
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    texts.xlsx = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    texts.html = new TextDecoder().decode((await renderNotice(db, pdf, notice, 'html')).bytes);
    // Self-contained: the QR code is an inline SVG, nothing is loaded (the SVG namespace is a name, not a fetch).
    expect(texts.html).toContain('<svg');
    expect(texts.html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/<script|https?:\/\//);
    for (const format of ['pdf', 'poster'] as const) {
      const file = path.join(hall.dir, `${format}.pdf`);
      fs.writeFileSync(file, (await renderNotice(db, pdf, notice, format)).bytes);
      texts[format] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
      // The poster is A3 portrait; the A4 notice is landscape, for its wide tables.
      const [width, height] = format === 'poster' ? [841.9, 1190.6] : [841.9, 595.3];
      expect(Math.abs(Number(size[1]) - width)).toBeLessThan(2);
      expect(Math.abs(Number(size[2]) - height)).toBeLessThan(2);
    }
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).toContain('陈*人');
      expect(text, format).toContain('赵*难');
      expect(text.replace(/\s+/g, ''), format).toContain(notice.headHash.slice(0, 16));
      expect(text, format).not.toContain(donorPhone);
      expect(text, format).not.toContain('陈善人');
      expect(text, format).not.toContain('赵困难');
      expect(text, format).not.toContain(recipientId.slice(-4) + recipientId.slice(0, 3));
      expect(scanPublicText(text.replace(/[0-9a-f]{64}/g, '')), format).toEqual([]);
    }
    const doc = noticeDocument(notice, { communityName: '幸福社区', unitName: '幸福社区居民委员会' });
    expect(doc.public).toBe(true);
    expect(doc.blocks.find((b) => b.kind === 'qr')).toMatchObject({ data: notice.headHash });
  }, 60_000);

  it('the scan finds an ID number, a phone and an address', () => {
    expect(scanPublicText('受助人 11010519491231002X 电话 13912345678 住 幸福小区3栋2单元501室').map((f) => f.kind)).toEqual(['id_number', 'phone', 'address']);
  });

  it('the digest verifies against the public ledger, and fails once a row is altered in a copy', () => {
    const ledger = exportPublicLedger(hall.core.services.sqlite, '幸福社区', '2026-11-22T02:00:00Z');
    expect(JSON.stringify(ledger)).not.toContain('陈善人');
    expect(verifyPublicLedger(ledger).ok).toBe(true);
    expect(verifyNoticeDigest(ledger, notice.headHash)).toEqual({ ok: true, reason: null, seq: notice.headSeq, covered: notice.headSeq });
    const copy = structuredClone(ledger);
    copy.entries[3].lines[0][2] += 100;
    copy.entries[3].lines[1][3] += 100;
    expect(verifyNoticeDigest(copy, notice.headHash)).toMatchObject({ ok: false, reason: 'hash_mismatch', seq: 4 });
    expect(verifyNoticeDigest(ledger, 'f'.repeat(64))).toMatchObject({ ok: false, reason: 'digest_not_found' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cash, openCharityHall, type CharityHall } from './fixture';
import { receiptDocument } from '../../../src/main/core/features/charity/receipt-document';
import { fenToChineseUppercase } from '../../../src/shared/values/money-words';

let hall: CharityHall;
beforeEach(async () => {
  hall = await openCharityHall();
});
afterEach(() => hall.close());

const rows = (sql: string) => hall.core.services.sqlite.prepare(sql).all();

describe('donors', () => {
  it('keeps the contact encrypted and masked, reveals it with a reason (audited), and names nobody without consent', async () => {
    const d = await hall.call('charity.saveDonor', { kind: 'person', name: '陈善人', contact: '13812345678', disclosure: 'masked' }, hall.treasurer);
    expect(d.contactMasked).toBe('138****5678');
    const stored = rows(`SELECT contact_cipher FROM charity_donors WHERE id = '${d.id}'`) as { contact_cipher: string }[];
    expect(stored[0].contact_cipher).not.toContain('13812345678');
    expect(await hall.call('charity.revealDonorContact', { id: d.id, reason: '寄送感谢信' }, hall.treasurer)).toEqual({ contact: '13812345678' });
    expect(rows("SELECT action FROM audit_log WHERE action = 'charity.revealDonorContact'")).toHaveLength(1);
    const refused = await hall.fail('charity.saveDonor', { kind: 'person', name: '孙未同意', disclosure: 'full' }, hall.treasurer);
    expect(refused.code).toBe('charity.no_consent');
    // A donation cannot name a donor who has not consented either.
    expect((await hall.fail('charity.recordDonation', cash(100, { donorId: d.id, disclosure: 'full' }), hall.treasurer)).code).toBe('charity.no_consent');
    // A clerk may not record donations at all.
    expect((await hall.fail('charity.recordDonation', cash(100), hall.clerk)).code).toBe('auth.forbidden');
  });
});

describe('donations and receipts', () => {
  it('records cash with its method and reference, posts it, and numbers the receipt in the same transaction', async () => {
    const donor = await hall.call('charity.saveDonor', { kind: 'company', name: '幸福超市', disclosure: 'full', consentOn: '2026-11-01' }, hall.treasurer);
    const a = await hall.call('charity.recordDonation', cash(100_000, { donorId: donor.id, method: '转账', reference: 'TX-2026-1120-01' }), hall.treasurer);
    const b = await hall.call('charity.recordDonation', cash(5_000), hall.treasurer);
    expect([a.receiptNo, b.receiptNo]).toEqual(['2026-000001', '2026-000002']);
    expect(a.entrySeq).toBe(1);
    expect(rows('SELECT account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq = 1')).toEqual([
      { account_code: '1002', fund_code: 'GEN', debit: 100_000, credit: 0 },
      { account_code: '4101', fund_code: 'GEN', debit: 0, credit: 100_000 },
    ]);
    // A failed donation (a closed month) takes no number: the next one is still 000003.
    await hall.call('charity.closeMonth', { month: '2026-10' }, hall.treasurer);
    expect((await hall.fail('charity.recordDonation', cash(100, { receivedOn: '2026-10-30' }), hall.treasurer)).code).toBe('charity.period_closed');
    const c = await hall.call('charity.recordDonation', cash(300), hall.treasurer);
    expect(c.receiptNo).toBe('2026-000003');
    // A donor who declines a receipt is recorded as such, and takes no number.
    const declined = await hall.call('charity.recordDonation', cash(200, { receiptDeclined: true }), hall.treasurer);
    expect(declined.receiptNo).toBeNull();
    expect(declined.receiptDeclined).toBe(true);
  });

  it('counts a pledge payment toward the pledge’s campaign, and refuses naming another campaign', async () => {
    const donor = await hall.call('charity.saveDonor', { kind: 'person', name: '月捐人', disclosure: 'anonymous' }, hall.treasurer);
    const monthly = await hall.call('charity.saveCampaign', { name: '爱心月月捐', kind: 'pledge', fundCode: 'GEN', startsOn: '2026-11-01' }, hall.treasurer);
    const drive = await hall.call('charity.saveCampaign', { name: '冬季募捐', kind: 'drive', fundCode: 'GEN', startsOn: '2026-11-01' }, hall.treasurer);
    const pledge = await hall.call(
      'charity.savePledge',
      { campaignId: monthly.id, donorId: donor.id, monthlyFen: 5_000, startsMonth: '2026-11' },
      hall.treasurer,
    );
    const paid = await hall.call('charity.recordDonation', cash(5_000, { donorId: donor.id, pledgeId: pledge.id }), hall.treasurer);
    expect(rows(`SELECT campaign_id FROM charity_donations WHERE id = '${paid.id}'`)).toEqual([{ campaign_id: monthly.id }]);
    const before = rows('SELECT count(*) AS n FROM charity_donations');
    const wrong = await hall.fail('charity.recordDonation', cash(5_000, { donorId: donor.id, pledgeId: pledge.id, campaignId: drive.id }), hall.treasurer);
    expect(wrong.code).toBe('charity.pledge_campaign_mismatch');
    expect(rows('SELECT count(*) AS n FROM charity_donations')).toEqual(before);
  });

  it('refuses bad amounts with a clear code and writes nothing', async () => {
    for (const [amount, code] of [
      [10.5, 'money.fractional_fen'],
      [-100, 'money.negative'],
      [1e14, 'money.too_large'],
      [0, 'charity.amount_zero'],
    ] as const) {
      const e = await hall.fail('charity.recordDonation', cash(amount), hall.treasurer);
      expect(e.code).toBe('contract.invalid_input');
      expect(e.fields?.amountFen).toBe(code);
    }
    expect(rows('SELECT count(*) AS n FROM charity_donations')).toEqual([{ n: 0 }]);
  });

  it('records goods as items × quantity × unit value with the valuation basis, and keeps stock', async () => {
    const d = await hall.call(
      'charity.recordDonation',
      {
        kind: 'goods',
        fundCode: 'GEN',
        receivedOn: '2026-11-18',
        items: [
          { item: '大米', unit: '袋', quantity: 20, unitValueFen: 5_000, valuationBasis: '超市售价' },
          { item: '食用油', unit: '桶', quantity: 10, unitValueFen: 6_990, valuationBasis: '发票' },
        ],
      },
      hall.treasurer,
    );
    expect(d.amountFen).toBe(20 * 5_000 + 10 * 6_990);
    expect(await hall.call('charity.stock', {}, hall.treasurer)).toEqual([
      { item: '大米', unit: '袋', received: 20, givenOut: 0, inStock: 20 },
      { item: '食用油', unit: '桶', received: 10, givenOut: 0, inStock: 10 },
    ]);
    expect(rows('SELECT item, sum(quantity) AS q FROM charity_stock_moves GROUP BY item ORDER BY item')).toEqual([
      { item: '大米', q: 20 },
      { item: '食用油', q: 10 },
    ]);
    expect(rows('SELECT account_code FROM charity_lines WHERE entry_seq = 1 AND debit > 0')).toEqual([{ account_code: '1401' }]);
  });

  it('posts a batch only when its lines sum to the control total', async () => {
    const batch = await hall.call(
      'charity.openBatch',
      { receivedOn: '2026-11-15', controlTotalFen: 35_000, controlCount: 3, note: '一十百千万募捐' },
      hall.treasurer,
    );
    await hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(10_000, { receivedOn: '2026-11-15' }) }, hall.treasurer);
    await hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(20_000, { receivedOn: '2026-11-15', method: '微信' }) }, hall.treasurer);
    // Unposted lines are not in the journal, and a notice for the period is refused meanwhile.
    expect(rows('SELECT count(*) AS n FROM charity_entries')).toEqual([{ n: 0 }]);
    expect((await hall.fail('charity.publishNotice', { period: '2026-11' }, hall.treasurer)).code).toBe('charity.unposted_batches');
    const short = await hall.fail('charity.postBatch', { id: batch.id }, hall.treasurer);
    expect(short.code).toBe('charity.batch_total_mismatch');
    expect(short.params).toMatchObject({ entered: 30_000, control: 35_000 });
    expect(rows('SELECT count(*) AS n FROM charity_receipts')).toEqual([{ n: 0 }]);
    await hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(5_000, { receivedOn: '2026-11-15' }) }, hall.treasurer);
    const posted = await hall.call('charity.postBatch', { id: batch.id }, hall.treasurer);
    expect(posted.status).toBe('posted');
    expect(posted.lines.map((l) => l.receiptNo).sort()).toEqual(['2026-000001', '2026-000002', '2026-000003']);
    expect((await hall.fail('charity.addBatchLine', { batchId: batch.id, donation: cash(1) }, hall.treasurer)).code).toBe('charity.batch_posted');
  });

  it('a mistyped line is withdrawn from an open batch: kept on record, never posted', async () => {
    const batch = await hall.call('charity.openBatch', { receivedOn: '2026-11-15', controlTotalFen: 5_000, controlCount: 1 }, hall.treasurer);
    const wrong = await hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(500, { receivedOn: '2026-11-15' }) }, hall.treasurer);
    const after = await hall.call('charity.withdrawBatchLine', { id: wrong.lines[0].id, reason: '少打一个零' }, hall.treasurer);
    expect(after.lines).toEqual([]);
    await hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(5_000, { receivedOn: '2026-11-15' }) }, hall.treasurer);
    const posted = await hall.call('charity.postBatch', { id: batch.id }, hall.treasurer);
    expect(posted.lines.map((l) => l.amountFen)).toEqual([5_000]);
    expect(rows(`SELECT withdrawn, entry_seq FROM charity_donations WHERE id = '${wrong.lines[0].id}'`)).toEqual([{ withdrawn: 1, entry_seq: null }]);
    expect((await hall.fail('charity.withdrawBatchLine', { id: posted.lines[0].id, reason: '已入账' }, hall.treasurer)).code).toBe('charity.batch_posted');
  });

  it('voids a receipt keeping its number and reason, marks a reprint 复印件, records the official receipt number once', async () => {
    const d = await hall.call('charity.recordDonation', cash(1_680_32), hall.treasurer);
    const [receipt] = (await hall.call('charity.listReceipts', { year: 2026 }, hall.treasurer)).rows;
    const first = await hall.call('charity.printReceipt', { id: receipt.id }, hall.treasurer);
    expect(first.copy).toBe(false);
    expect(first.amountInWords).toBe('人民币壹仟陆佰捌拾元零叁角贰分');
    const again = await hall.call('charity.printReceipt', { id: receipt.id }, hall.treasurer);
    expect(again.copy).toBe(true);
    const official = await hall.call('charity.recordOfficialReceipt', { id: receipt.id, officialNo: 'GY-0001234' }, hall.treasurer);
    expect(official.officialNo).toBe('GY-0001234');
    expect((await hall.fail('charity.recordOfficialReceipt', { id: receipt.id, officialNo: 'GY-9999' }, hall.treasurer)).code).toBe(
      'charity.official_recorded',
    );
    const voided = await hall.call('charity.voidReceipt', { id: receipt.id, reason: '捐赠人要求重开' }, hall.treasurer);
    expect(voided).toMatchObject({ receiptNo: '2026-000001', voided: true, voidReason: '捐赠人要求重开' });
    expect((await hall.fail('charity.voidReceipt', { id: receipt.id, reason: '再次作废' }, hall.treasurer)).code).toBe('charity.receipt_voided');
    // Raw SQL cannot skip or repeat a number, or delete a receipt.
    const raw = hall.core.services.sqlite;
    expect(() =>
      raw.exec(
        `INSERT INTO charity_receipts (id, year, number, receipt_no, donation_id, issued_on, issued_at, issued_by_name) VALUES ('x', 2026, 5,
          '2026-000005', '${d.id}', '2026-11-22', 'now', 'a')`,
      ),
    ).toThrow('charity.receipt_out_of_sequence');
    expect(() =>
      raw.exec(
        `INSERT INTO charity_receipts (id, year, number, receipt_no, donation_id, issued_on, issued_at, issued_by_name) VALUES ('x', 2026, 1,
          '2026-000001b', '${d.id}', '2026-11-22', 'now', 'a')`,
      ),
    ).toThrow('charity.receipt_out_of_sequence');
    expect(() => raw.exec('DELETE FROM charity_receipts')).toThrow('db.append_only');
  });

  it('builds the receipt document with the amount in figures and uppercase, the donor, items, handler, unit and seal', async () => {
    const donor = await hall.call('charity.saveDonor', { kind: 'person', name: '陈善人', contact: '13812345678', disclosure: 'masked' }, hall.treasurer);
    const d = await hall.call('charity.recordDonation', cash(1_409_50, { donorId: donor.id }), hall.treasurer);
    const [r] = (await hall.call('charity.listReceipts', { year: 2026 }, hall.treasurer)).rows;
    const printed = await hall.call('charity.printReceipt', { id: r.id }, hall.treasurer);
    const doc = receiptDocument({ ...printed, letterhead: { communityName: '幸福社区', unitName: '幸福社区居民委员会' }, generatedAt: '2026-11-22T02:00:00Z' });
    const text = JSON.stringify(doc);
    expect(text).toContain('人民币壹仟肆佰零玖元伍角');
    expect(text).toContain('¥1,409.50');
    expect(text).toContain('陈善人');
    expect(text).toContain('李出纳');
    expect(text).not.toContain('13812345678');
    expect(doc.blocks.some((b) => b.kind === 'seal')).toBe(true);
    expect(doc.stamp).toBeUndefined();
    expect(receiptDocument({ ...printed, copy: true, letterhead: { communityName: '', unitName: '' }, generatedAt: '' }).stamp).toBe('复印件');
    expect(d.amountFen).toBe(140_950);
  });

  it('the DOMAIN.md uppercase vectors', () => {
    const vectors: [number, string][] = [
      [140950, '人民币壹仟肆佰零玖元伍角'],
      [600714, '人民币陆仟零柒元壹角肆分'],
      [1640902, '人民币壹万陆仟肆佰零玖元零贰分'],
      [32504, '人民币叁佰贰拾伍元零肆分'],
      [10050000, '人民币壹拾万零伍佰元整'],
      [100500, '人民币壹仟零伍元整'],
      [1500, '人民币壹拾伍元整'],
      [10000000100, '人民币壹亿零壹元整'],
      [100005, '人民币壹仟元零伍分'],
      [0, '人民币零元整'],
    ];
    for (const [fen, words] of vectors) expect(fenToChineseUppercase(fen, { prefix: true })).toBe(words);
  });
});

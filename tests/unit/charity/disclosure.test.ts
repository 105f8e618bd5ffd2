import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../src/shared/i18n/translate';
import { cash, openCharityHall, type CharityHall } from './fixture';

// Batch entry names each envelope as the treasurer chose for that line (full name, 张*, 爱心人士, 匿名),
// starting from the donor's wish; nobody is named without consent on record, whatever the screen sent.

let hall: CharityHall;
beforeEach(async () => {
  hall = await openCharityHall();
});
afterEach(() => hall.close());

const count = (sql: string) => (hall.core.services.sqlite.prepare(sql).get() as { n: number }).n;

async function batchOf(total: number, lines: number) {
  return hall.call('charity.openBatch', { receivedOn: '2026-11-15', controlTotalFen: total, controlCount: lines }, hall.treasurer);
}

describe('per-line disclosure in batch entry', () => {
  it('refuses naming a donor who has not consented, naming the field, and writes no line', async () => {
    const shy = await hall.call('charity.saveDonor', { kind: 'person', name: '孙未同意', disclosure: 'masked' }, hall.treasurer);
    const batch = await batchOf(10_000, 1);
    const e = await hall.fail(
      'charity.addBatchLine',
      { batchId: batch.id, donation: cash(10_000, { donorId: shy.id, receivedOn: '2026-11-15', disclosure: 'full' }) },
      hall.treasurer,
    );
    expect(e).toMatchObject({ code: 'charity.no_consent', fields: { disclosure: 'charity.no_consent' } });
    expect(translator('zh-CN')(`errors.${e.code}`)).toBe('捐赠人未同意公开姓名，不能实名公示（公益事业捐赠法第八条）');
    // An envelope with no registered donor has nobody's consent either.
    const unnamed = await hall.fail(
      'charity.addBatchLine',
      { batchId: batch.id, donation: cash(10_000, { receivedOn: '2026-11-15', disclosure: 'full' }) },
      hall.treasurer,
    );
    expect(unnamed.code).toBe('charity.no_consent');
    expect(count('SELECT count(*) AS n FROM charity_donations')).toBe(0);
    expect((await hall.call('charity.getBatch', { id: batch.id }, hall.treasurer)).enteredCount).toBe(0);
  });

  it('keeps each line’s own choice, and the notice prints each line as chosen', async () => {
    const shop = await hall.call('charity.saveDonor', { kind: 'company', name: '幸福超市', disclosure: 'full', consentOn: '2026-11-01' }, hall.treasurer);
    const chen = await hall.call('charity.saveDonor', { kind: 'person', name: '陈善人', disclosure: 'masked' }, hall.treasurer);
    const batch = await batchOf(10_000, 5);
    const line = (amountFen: number, over: Parameters<typeof cash>[1]) =>
      hall.call('charity.addBatchLine', { batchId: batch.id, donation: cash(amountFen, { receivedOn: '2026-11-15', ...over }) }, hall.treasurer);
    await line(1_000, { donorId: shop.id, disclosure: 'full' });
    await line(2_000, { donorId: shop.id, disclosure: 'caring' }); // the same shop, this envelope not in its name
    await line(3_000, { donorId: chen.id, disclosure: 'masked' });
    await line(1_500, { donorId: chen.id, disclosure: 'anonymous' });
    const last = await line(2_500, { disclosure: 'caring' }); // an envelope with no name on it
    expect(last.lines.map((l) => l.disclosure)).toEqual(['full', 'caring', 'masked', 'anonymous', 'caring']);
    await hall.call('charity.postBatch', { id: batch.id }, hall.treasurer);
    const notice = await hall.call('charity.previewNotice', { period: '2026-11' }, hall.treasurer);
    expect(notice.body.income.map((r) => [r.donor, r.amount])).toEqual([
      ['幸福超市', '¥10.00'],
      ['爱心人士', '¥20.00'],
      ['陈*人', '¥30.00'],
      ['匿名', '¥15.00'],
      ['爱心人士', '¥25.00'],
    ]);
  });
});

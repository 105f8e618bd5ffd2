import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cash, councilResolution, makeRecipient, openCharityHall, signedIn, type CharityHall } from './fixture';

let hall: CharityHall;
beforeEach(async () => {
  hall = await openCharityHall();
  await hall.call('charity.recordDonation', cash(50_000, { fundCode: 'EDU' }), hall.treasurer);
});
afterEach(() => hall.close());

const rows = (sql: string) => hall.core.services.sqlite.prepare(sql).all();

async function filed(amountFen = 20_000, name = '赵困难', tags: string[] = ['低保']) {
  const resident = await makeRecipient(hall, name, tags);
  const app = await hall.call(
    'charity.fileApplication',
    { residentId: resident.id, kind: '定向', fundCode: 'EDU', amountFen, reason: '孩子上学学费困难' },
    hall.clerk,
  );
  return { resident, app };
}

describe('aid applications', () => {
  it('files, stores hashed evidence, reviews, is approved by another person, paid and acknowledged', async () => {
    const { app } = await filed();
    expect(app).toMatchObject({ number: 'A2026-000001', status: 'submitted', recipientName: '赵困难', createdByName: '王窗口' });
    const withFile = await hall.call(
      'charity.addEvidence',
      { applicationId: app.id, fileName: '学费通知.txt', mime: 'text/plain', base64: Buffer.from('学费 2000 元').toString('base64') },
      hall.clerk,
    );
    expect(withFile.evidence[0].sha256).toBe(createHash('sha256').update('学费 2000 元').digest('hex'));
    const [stored] = rows(`SELECT content, sha256 FROM charity_evidence`) as { content: Buffer; sha256: string }[];
    expect(Buffer.from(stored.content).toString()).toBe('学费 2000 元');
    // Decided only after review.
    expect((await hall.fail('charity.decideApplication', { id: app.id, approve: true }, hall.treasurer)).code).toBe('charity.application_state');
    const resolution = await councilResolution(hall);
    await hall.call('charity.reviewApplication', { id: app.id, visitNote: '入户核实，情况属实', councilResolutionId: resolution.id }, hall.clerk);
    const review = await hall.call('charity.aidReview', { id: app.id }, hall.treasurer);
    expect(review).toMatchObject({ fundBalanceFen: 50_000, assistanceTags: ['低保'], earlierThisYear: [], canDecide: true });
    const approved = await hall.call('charity.decideApplication', { id: app.id, approve: true, note: '同意' }, hall.treasurer);
    expect(approved).toMatchObject({ status: 'approved', decidedByName: '李出纳' });
    const paid = await hall.call('charity.payApplication', { id: app.id, method: '现金' }, hall.treasurer);
    expect(paid.status).toBe('paid');
    expect(rows(`SELECT account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq = ${paid.entrySeq}`)).toEqual([
      { account_code: '5101', fund_code: 'EDU', debit: 20_000, credit: 0 },
      { account_code: '1001', fund_code: 'EDU', debit: 0, credit: 20_000 },
    ]);
    const done = await hall.call('charity.acknowledgeApplication', { id: app.id, acknowledgement: '本人签字领取' }, hall.treasurer);
    expect(done.status).toBe('acknowledged');
    expect((rows(`SELECT kind FROM charity_aid_events ORDER BY seq`) as { kind: string }[]).map((r) => r.kind)).toEqual([
      'filed',
      'evidence',
      'reviewed',
      'approved',
      'paid',
      'acknowledged',
    ]);
  });

  it('refuses approving one’s own application (maker–checker), in the handler and in the table', async () => {
    const resident = await makeRecipient(hall, '钱急需');
    const app = await hall.call(
      'charity.fileApplication',
      { residentId: resident.id, kind: '救急', fundCode: 'EDU', amountFen: 1_000, reason: '突发火灾' },
      hall.treasurer,
    );
    await hall.call('charity.reviewApplication', { id: app.id, visitNote: '已核实' }, hall.treasurer);
    expect((await hall.call('charity.aidReview', { id: app.id }, hall.treasurer)).canDecide).toBe(false);
    expect((await hall.fail('charity.decideApplication', { id: app.id, approve: true }, hall.treasurer)).code).toBe('charity.self_approval');
    const raw = hall.core.services.sqlite;
    const maker = (rows(`SELECT created_by FROM charity_aid_applications WHERE id = '${app.id}'`) as { created_by: string }[])[0].created_by;
    expect(() => raw.prepare("UPDATE charity_aid_applications SET status = 'approved', decided_by = ? WHERE id = ?").run(maker, app.id)).toThrow(
      'charity.self_approval',
    );
    // A clerk cannot approve at all.
    expect((await hall.fail('charity.decideApplication', { id: app.id, approve: true }, hall.clerk)).code).toBe('auth.forbidden');
  });

  it('gives goods out of the store at the value they came in at, and refuses more than the store holds', async () => {
    await hall.call(
      'charity.recordDonation',
      {
        kind: 'goods',
        fundCode: 'GEN',
        receivedOn: '2026-11-18',
        items: [{ item: '大米', unit: '袋', quantity: 10, unitValueFen: 5_000, valuationBasis: '超市售价' }],
      },
      hall.treasurer,
    );
    const resident = await makeRecipient(hall, '孙独居');
    const fileGoods = async (quantity: number) => {
      const app = await hall.call(
        'charity.fileApplication',
        { residentId: resident.id, kind: '救穷', fundCode: 'GEN', amountFen: 0, items: [{ item: '大米', unit: '袋', quantity }], reason: '冬季生活困难' },
        hall.clerk,
      );
      await hall.call('charity.reviewApplication', { id: app.id, visitNote: '入户核实' }, hall.clerk);
      return app;
    };
    const rice = await fileGoods(4);
    await hall.call('charity.decideApplication', { id: rice.id, approve: true, note: '同意' }, hall.treasurer);
    const paid = await hall.call('charity.payApplication', { id: rice.id, method: '物资' }, hall.treasurer);
    expect(rows(`SELECT account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq = ${paid.entrySeq} ORDER BY debit DESC`)).toEqual([
      { account_code: '5101', fund_code: 'GEN', debit: 20_000, credit: 0 },
      { account_code: '1401', fund_code: 'GEN', debit: 0, credit: 20_000 },
    ]);
    expect(await hall.call('charity.stock', {}, hall.treasurer)).toEqual([{ item: '大米', unit: '袋', received: 10, givenOut: 4, inStock: 6 }]);
    // Seven more bags than the six held: refused at approval, nothing written.
    const more = await fileGoods(7);
    const refused = await hall.fail('charity.decideApplication', { id: more.id, approve: true }, hall.treasurer);
    expect(refused.code).toBe('charity.stock_short_item');
    expect(rows(`SELECT status FROM charity_aid_applications WHERE id = '${more.id}'`)).toEqual([{ status: 'reviewed' }]);
  });

  it('refuses overspending a restricted fund at approval and at payment', async () => {
    const { app } = await filed(60_000);
    await hall.call('charity.reviewApplication', { id: app.id, visitNote: '已核实' }, hall.clerk);
    const e = await hall.fail('charity.decideApplication', { id: app.id, approve: true }, hall.treasurer);
    expect(e).toMatchObject({ code: 'charity.fund_overspent', params: { balance: 50_000, amount: 60_000 } });
    // Two approvals that each fit but not together: the second payment is refused.
    const a = await filed(30_000, '孙一');
    const b = await filed(30_000, '孙二');
    const admin2 = await signedIn(hall, 'treasurer2', '周会计', ['treasurer']);
    for (const x of [a, b]) {
      await hall.call('charity.reviewApplication', { id: x.app.id, visitNote: '已核实' }, hall.clerk);
      await hall.call('charity.decideApplication', { id: x.app.id, approve: true }, admin2);
    }
    await hall.call('charity.payApplication', { id: a.app.id, method: '现金' }, hall.treasurer);
    expect((await hall.fail('charity.payApplication', { id: b.app.id, method: '现金' }, hall.treasurer)).code).toBe('charity.fund_overspent');
  });

  it('shows this year’s earlier aid to the same household beside the application', async () => {
    const { resident, app } = await filed(10_000, '吴家长', ['特困']);
    await hall.call('charity.reviewApplication', { id: app.id, visitNote: '已核实' }, hall.clerk);
    await hall.call('charity.decideApplication', { id: app.id, approve: true }, hall.treasurer);
    await hall.call('charity.payApplication', { id: app.id, method: '现金' }, hall.treasurer);
    const second = await hall.call(
      'charity.fileApplication',
      { residentId: resident.id, kind: '救穷', fundCode: 'EDU', amountFen: 5_000, reason: '冬季取暖费困难' },
      hall.clerk,
    );
    const review = await hall.call('charity.aidReview', { id: second.id }, hall.treasurer);
    expect(review.assistanceTags).toEqual(['特困']);
    expect(review.earlierThisYear).toEqual([expect.objectContaining({ number: app.number, amountFen: 10_000, status: 'paid' })]);
  });
});

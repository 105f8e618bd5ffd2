import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allReceived, eventActions, pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// A ticket after registration: supplement, transfer, complete, refuse, 好差评 and the follow-up; each from
// the states it may start from, and the migration's triggers behind them.

let f: TicketsHall;
beforeAll(async () => {
  f = await ticketsHall();
});
afterAll(() => f.hall.close());

const accepted = () => f.hall.call('hall.register', pensionApplication(f), f.clerk);
const notified = (missing = ['户口簿', '近期一寸免冠照片']) =>
  f.hall.call('hall.register', pensionApplication(f, { outcome: 'notify', received: allReceived(f.pension, missing) }), f.clerk);
const deficient = (missing = ['户口簿', '近期一寸免冠照片']) =>
  f.hall.call(
    'hall.register',
    pensionApplication(f, { outcome: 'accept_deficient', received: allReceived(f.pension, missing), supplementBy: '2026-11-26', pledgeSigned: true }),
    f.clerk,
  );

function sqlRun(text: string, ...params: unknown[]) {
  return () => f.hall.core.services.sqlite.prepare(text).run(...params);
}

describe('supplementing materials', () => {
  it('a notified ticket is accepted the day its last material arrives; its time limit runs from that day (行政许可法 第32条)', async () => {
    await setToday(f.hall, '2026-11-23');
    const t = await notified();
    await setToday(f.hall, '2026-11-25');
    // Part of what is missing: refused, naming what is still missing, and nothing recorded.
    const partial = await f.hall.fail('hall.supplement', { id: t.id, items: ['户口簿'] }, f.clerk);
    expect(partial).toMatchObject({ code: 'hall.materials_missing', params: { items: '近期一寸免冠照片' } });
    expect((await f.hall.call('hall.getTicket', { id: t.id }, f.clerk)).status).toBe('notified');
    expect((await f.hall.fail('hall.supplement', { id: t.id, items: ['居民身份证'] }, f.clerk)).code).toBe('hall.not_missing');

    const done = await f.hall.call('hall.supplement', { id: t.id, items: ['户口簿', '近期一寸免冠照片'], note: '本人送来' }, f.clerk);
    // Wednesday 25th + 5 working days: 26, 27, 30 Nov, 1, 2 Dec.
    expect(done).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-11-25',
      dueOn: '2026-12-02',
      missingItems: ['户口簿', '近期一寸免冠照片'],
      workingDaysLeft: 5,
    });
    expect(done.materials.every((m) => m.received || !m.required)).toBe(true);
    expect(eventActions(done)).toEqual(['registered', 'notified', 'supplemented', 'accepted']);
    expect(done.events[2].detail).toContain('本人送来');
    // Accepted now: a notified ticket's supplement is over.
    expect((await f.hall.fail('hall.supplement', { id: t.id, items: ['户口簿'] }, f.clerk)).code).toBe('hall.nothing_to_supplement');
  });

  it('a 容缺 ticket: items marked in as they come; supplemented the day the last arrives; only its deficient items', async () => {
    await setToday(f.hall, '2026-11-23');
    const t = await deficient();
    expect((await f.hall.fail('hall.supplement', { id: t.id, items: ['居民身份证'] }, f.clerk)).code).toBe('hall.not_deficient');
    await setToday(f.hall, '2026-11-24');
    const first = await f.hall.call('hall.supplement', { id: t.id, items: ['户口簿'] }, f.clerk);
    expect(first).toMatchObject({ status: 'accepted', supplementedOn: null, dueOn: '2026-11-30' });
    expect(first.events.at(-1)!.detail).toContain('仍待补正近期一寸免冠照片');
    // 办结 waits for the pledged materials.
    expect((await f.hall.fail('hall.complete', { id: t.id, result: '已参保' }, f.clerk)).code).toBe('hall.supplement_pending');
    await setToday(f.hall, '2026-11-25');
    const all = await f.hall.call('hall.supplement', { id: t.id, items: ['近期一寸免冠照片'] }, f.clerk);
    // The due date does not move: the time limit ran from acceptance.
    expect(all).toMatchObject({ supplementedOn: '2026-11-25', dueOn: '2026-11-30', acceptedOn: '2026-11-23' });
    expect(all.materials.find((m) => m.name === '户口簿')!.received).toBe(true);
    expect((await f.hall.fail('hall.supplement', { id: t.id, items: ['户口簿'] }, f.clerk)).code).toBe('hall.nothing_to_supplement');
    expect((await f.hall.call('hall.complete', { id: t.id, result: '已参保' }, f.clerk)).status).toBe('completed');
    // A plain accepted ticket waits for nothing.
    expect((await f.hall.fail('hall.supplement', { id: (await accepted()).id, items: ['户口簿'] }, f.clerk)).code).toBe('hall.nothing_to_supplement');
  });
});

describe('transfer, complete, refuse', () => {
  it('transfers (again, to another department), then completes with the result on the day', async () => {
    await setToday(f.hall, '2026-11-23');
    const t = await accepted();
    const once = await f.hall.call('hall.transfer', { id: t.id, department: '街道社保所', handlerName: '刘社保', note: '材料已移交' }, f.clerk);
    expect(once).toMatchObject({ status: 'transferred', transferredTo: '街道社保所', transferredOn: '2026-11-23', handlerName: '刘社保' });
    await setToday(f.hall, '2026-11-24');
    const twice = await f.hall.call('hall.transfer', { id: t.id, department: '区社保中心' }, f.clerk);
    expect(twice).toMatchObject({ transferredTo: '区社保中心', transferredOn: '2026-11-24', handlerName: '刘社保' });
    await setToday(f.hall, '2026-11-27');
    const done = await f.hall.call('hall.complete', { id: t.id, result: '参保登记完成，次月起缴费' }, f.clerk);
    expect(done).toMatchObject({ status: 'completed', completedOn: '2026-11-27', result: '参保登记完成，次月起缴费', workingDaysLeft: null, overdue: false });
    expect(eventActions(done)).toEqual(['registered', 'accepted', 'transferred', 'transferred', 'completed']);
    expect(done.events[2].detail).toBe('转办街道社保所，承办人刘社保（材料已移交）');
  });

  it('refuses a notified ticket (不予受理) and an accepted one, with the default remedies unless others are given', async () => {
    await setToday(f.hall, '2026-11-23');
    const n = await notified();
    const r1 = await f.hall.call('hall.refuse', { id: n.id, reason: '申请人已在外地参加职工养老保险，不属于本事项受理范围' }, f.clerk);
    expect(r1).toMatchObject({ status: 'refused', acceptedOn: null, dueOn: null, completedOn: null });
    expect(r1.remedies).toBe('如对本决定不服，可以自收到本告知之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。');
    expect(r1.events.at(-1)!.detail).toContain('不予受理');
    const a = await accepted();
    const r2 = await f.hall.call('hall.refuse', { id: a.id, reason: '经核实已参保', remedies: '如有异议可向区人社局反映。' }, f.clerk);
    expect(r2).toMatchObject({ status: 'refused', acceptedOn: '2026-11-23', remedies: '如有异议可向区人社局反映。' });
    expect(r2.events.at(-1)!.detail).toContain('不予办理');
  });

  it('anything from the wrong state is refused with hall.wrong_status', async () => {
    await setToday(f.hall, '2026-11-23');
    const n = await notified();
    expect((await f.hall.fail('hall.transfer', { id: n.id, department: '街道社保所' }, f.clerk)).code).toBe('hall.wrong_status');
    expect((await f.hall.fail('hall.complete', { id: n.id, result: '办结' }, f.clerk)).code).toBe('hall.wrong_status');
    const done = await f.hall.call('hall.complete', { id: (await accepted()).id, result: '办结' }, f.clerk);
    for (const [method, input] of [
      ['hall.transfer', { id: done.id, department: '街道社保所' }],
      ['hall.complete', { id: done.id, result: '再次办结' }],
      ['hall.refuse', { id: done.id, reason: '不予受理' }],
      ['hall.supplement', { id: done.id, items: ['户口簿'] }],
    ] as const) {
      const e = await f.hall.fail(method, input, f.clerk);
      expect(e.code, method).toBe('hall.wrong_status');
      expect(e.params).toEqual({ status: '已办结' });
    }
    const refused = await f.hall.call('hall.refuse', { id: (await accepted()).id, reason: '重复申请' }, f.clerk);
    expect((await f.hall.fail('hall.complete', { id: refused.id, result: '办结' }, f.clerk)).code).toBe('hall.wrong_status');
    expect((await f.hall.fail('hall.complete', { id: 'no-such', result: '办结' }, f.clerk)).code).toBe('hall.ticket_not_found');
  });

  it('the migration refuses changing a closed ticket or its registration even through raw SQL', async () => {
    const done = await f.hall.call('hall.complete', { id: (await accepted()).id, result: '办结' }, f.clerk);
    expect(sqlRun("UPDATE hall_tickets SET status = 'accepted', completed_on = NULL WHERE id = ?", done.id)).toThrow('hall.ticket_closed');
    expect(sqlRun("UPDATE hall_tickets SET result = '改过的结果' WHERE id = ?", done.id)).toThrow('hall.ticket_closed');
    const refused = await f.hall.call('hall.refuse', { id: (await accepted()).id, reason: '重复申请' }, f.clerk);
    expect(sqlRun("UPDATE hall_tickets SET refused_reason = '' WHERE id = ?", refused.id)).toThrow('hall.ticket_closed');
    expect(sqlRun("UPDATE hall_tickets SET applicant_name = '别人' WHERE id = ?", done.id)).toThrow('hall.ticket_fixed');
    expect(sqlRun('DELETE FROM hall_tickets WHERE id = ?', done.id)).toThrow('db.append_only');
    expect(sqlRun('DELETE FROM hall_ticket_events WHERE ticket_id = ?', done.id)).toThrow();
    expect(sqlRun("UPDATE hall_ticket_events SET detail = '' WHERE ticket_id = ?", done.id)).toThrow();
    expect((await f.hall.call('hall.getTicket', { id: done.id }, f.clerk)).status).toBe('completed');
  });

  it('each change leaves an audit record with the ticket before and after', async () => {
    const t = await accepted();
    await f.hall.call('hall.transfer', { id: t.id, department: '街道社保所' }, f.clerk);
    const rows = f.hall.core.services.sqlite.prepare('SELECT action, before_json, after_json FROM audit_log WHERE record_id = ? ORDER BY seq').all(t.id) as {
      action: string;
      before_json: string | null;
      after_json: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['hall.register', 'hall.transfer']);
    expect(JSON.parse(rows[1].before_json!).status).toBe('accepted');
    expect(JSON.parse(rows[1].after_json).status).toBe('transferred');
  });
});

describe('好差评 and the follow-up', () => {
  it('rates once, in any state; a good rating owes no follow-up', async () => {
    await setToday(f.hall, '2026-11-23');
    const n = await notified();
    const rated = await f.hall.call('hall.rate', { id: n.id, level: 4, efficiency: 5, attitude: 4, skill: null, comment: '说得很清楚' }, f.clerk);
    expect(rated.rating).toMatchObject({ level: 4, efficiency: 5, attitude: 4, skill: null, comment: '说得很清楚', bad: false, followUpDueOn: null });
    expect(rated).toMatchObject({ ratingLevel: 4, followUpPending: false });
    expect((await f.hall.fail('hall.rate', { id: n.id, level: 5 }, f.clerk)).code).toBe('hall.rated_once');
    expect((await f.hall.fail('hall.followUp', { id: n.id, contactedOn: '2026-11-23', verified: '—' }, f.clerk)).code).toBe('hall.no_follow_up_due');
    expect(sqlRun('UPDATE hall_tickets SET rating_level = 1 WHERE id = ?', n.id)).toThrow('hall.rated_once');
  });

  it('a 差评 (≤ 2) is owed a call within one working day; followed up once, not dated after today', async () => {
    // Friday: the next working day is Monday.
    await setToday(f.hall, '2026-11-27');
    const t = await f.hall.call('hall.complete', { id: (await accepted()).id, result: '办结' }, f.clerk);
    const bad = await f.hall.call('hall.rate', { id: t.id, level: 2, comment: '排队时间太长' }, f.clerk);
    expect(bad.rating).toMatchObject({ level: 2, bad: true, followUpDueOn: '2026-11-30' });
    expect(bad).toMatchObject({ followUpPending: true, status: 'completed' });
    expect(bad.events.at(-1)!.detail).toContain('2026-11-30');
    await setToday(f.hall, '2026-11-30');
    expect((await f.hall.fail('hall.followUp', { id: t.id, contactedOn: '2026-12-01', verified: '已核实' }, f.clerk)).code).toBe('hall.contacted_in_future');
    const followed = await f.hall.call(
      'hall.followUp',
      { id: t.id, contactedOn: '2026-11-30', verified: '当日窗口人手不足属实', rectification: '午间增开一个窗口', feedback: '申请人表示理解' },
      f.clerk,
    );
    expect(followed.followUp).toMatchObject({
      contactedOn: '2026-11-30',
      verified: '当日窗口人手不足属实',
      rectification: '午间增开一个窗口',
      byName: 'chuangkou',
    });
    expect(followed.followUpPending).toBe(false);
    expect(eventActions(followed).slice(-2)).toEqual(['rated', 'followed_up']);
    expect((await f.hall.fail('hall.followUp', { id: t.id, contactedOn: '2026-11-30', verified: '再次' }, f.clerk)).code).toBe('hall.followed_up_once');
    expect(sqlRun("UPDATE hall_tickets SET follow_up_at = '2026-12-01T00:00:00.000Z' WHERE id = ?", t.id)).toThrow('hall.rated_once');
  });

  it('a grid worker may not rate or follow up', async () => {
    await setToday(f.hall, '2026-11-30', f.gridWorker);
    const t = await accepted();
    expect((await f.hall.fail('hall.rate', { id: t.id, level: 5 }, f.gridWorker)).code).toBe('auth.forbidden');
    expect((await f.hall.fail('hall.complete', { id: t.id, result: '办结' }, f.gridWorker)).code).toBe('auth.forbidden');
  });
});

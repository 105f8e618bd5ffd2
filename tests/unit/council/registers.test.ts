import { afterEach, describe, expect, it } from 'vitest';
import { councilHall, openMeeting, type CouncilFixture } from './fixture';

let f: CouncilFixture;
afterEach(async () => {
  await f?.hall.close();
});

describe('council registers', () => {
  it('the 议事事项清单: issues with their 三事分流 category, newest first, linked to the resolution that decided them', async () => {
    f = await councilHall(3);
    const meeting = await openMeeting(f, 3);
    const m = await f.hall.call('council.addMotion', { meetingId: meeting.id, title: '同意加装电梯', method: 'hands' }, f.secretary);
    await f.hall.call('council.recordVote', { motionId: m.id, tally: { for: 3, against: 0, abstain: 0 } }, f.secretary);
    const [resolution] = await f.hall.call('council.listResolutions', { year: 2026 }, f.secretary);
    const a = await f.hall.call(
      'council.saveIssue',
      { title: '3栋居民要求加装电梯', raisedBy: '3栋居民', raisedOn: '2026-09-01', category: '小事' },
      f.secretary,
    );
    await f.hall.call(
      'council.saveIssue',
      { title: '路灯不亮', raisedOn: '2026-10-01', category: '大事', status: 'referred', decision: '已转街道城管科' },
      f.secretary,
    );
    const decided = await f.hall.call('council.saveIssue', { ...a, status: 'decided', decision: '居民代表会议同意', resolutionId: resolution.id }, f.secretary);
    expect(decided).toMatchObject({ status: 'decided', resolutionNumber: '居议〔2026〕1号' });
    // Taken onto an agenda, a raised issue moves on to 已列入议题.
    const raised = await f.hall.call('council.saveIssue', { title: '楼道灯坏', raisedOn: '2026-08-01', category: '小事' }, f.secretary);
    const next = await f.hall.call('council.saveMeeting', { bodyId: f.body.id, title: '下次会议', heldOn: '2026-12-20' }, f.secretary);
    await f.hall.call(
      'council.saveAgendaItem',
      { meetingId: next.id, title: raised.title, category: '小事', source: 'register', sourceRef: raised.id },
      f.secretary,
    );
    const after = (await f.hall.call('council.listIssues', { limit: 10 }, f.secretary)).rows.find((i) => i.id === raised.id);
    expect(after?.status).toBe('scheduled');
    const page1 = await f.hall.call('council.listIssues', { limit: 1 }, f.secretary);
    expect(page1.rows.map((r) => r.title)).toEqual(['路灯不亮']);
    const page2 = await f.hall.call('council.listIssues', { limit: 1, cursor: page1.nextCursor }, f.secretary);
    expect(page2.rows.map((r) => r.title)).toEqual(['3栋居民要求加装电梯']);
  });

  it('居民公约, the yearly plan and the 居民议事日 calendar by year; a 议事日 needs its date in that year', async () => {
    f = await councilHall(1);
    await f.hall.call(
      'council.saveRegisterEntry',
      { kind: 'convention', year: 2026, title: '幸福社区居民公约（2026年修订）', text: '爱护环境，文明养犬。' },
      f.secretary,
    );
    await f.hall.call(
      'council.saveRegisterEntry',
      { kind: 'deliberation_day', year: 2026, onDate: '2026-12-15', title: '12月居民议事日：停车管理' },
      f.secretary,
    );
    await f.hall.call(
      'council.saveRegisterEntry',
      { kind: 'deliberation_day', year: 2026, onDate: '2026-11-15', title: '11月居民议事日：垃圾分类' },
      f.secretary,
    );
    const days = await f.hall.call('council.listRegister', { kind: 'deliberation_day', year: 2026 }, f.secretary);
    expect(days.map((d) => d.onDate)).toEqual(['2026-11-15', '2026-12-15']);
    expect((await f.hall.call('council.listRegister', { kind: 'convention', year: 2026 }, f.secretary))[0].text).toBe('爱护环境，文明养犬。');
    expect((await f.hall.fail('council.saveRegisterEntry', { kind: 'deliberation_day', year: 2026, title: '无日期' }, f.secretary)).code).toBe(
      'council.register_date_needed',
    );
    expect((await f.hall.fail('council.saveRegisterEntry', { kind: 'plan', year: 2026, onDate: '2027-01-05', title: '跨年' }, f.secretary)).code).toBe(
      'council.register_year',
    );
  });
});

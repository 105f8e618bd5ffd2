import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../support/core';
import { councilHall, openMeeting, type CouncilFixture } from './fixture';

let f: CouncilFixture;
afterEach(async () => {
  await f?.hall.close();
});

const countRows = (table: string) => (f.hall.core.services.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('meetings: roll and quorum', () => {
  it('freezes 应到/实到 at opening: 6 of 9 representatives make a quorum (≥ 2/3), observers do not count', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 6);
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.meeting.state).toBe('open');
    expect(view.quorum).toEqual({ base: 9, needed: 6, present: 6, quorate: true, frozen: true });
    expect(view.roll.filter((r) => r.status === 'observer').map((r) => [r.name, r.votes])).toEqual([['钱监督', false]]);
    expect(view.minutes).toMatchObject([{ version: 1, state: 'draft' }]);
  });

  it('refuses a roll changed after opening, and the table refuses it too', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 6);
    const err = await f.hall.fail(
      'council.markAttendance',
      { meetingId: meeting.id, entries: [{ memberId: f.members[0].id, name: '张建国', status: 'absent', reason: '' }] },
      f.secretary,
    );
    expect(err.code).toBe('council.roll_frozen');
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.roll.filter((r) => r.status === 'present')).toHaveLength(6);
    expect(() => f.hall.core.services.sqlite.prepare("UPDATE council_roll SET status = 'present' WHERE meeting_id = ?").run(meeting.id)).toThrow(
      /council.roll_frozen/,
    );
    expect(() => f.hall.core.services.sqlite.prepare('DELETE FROM council_roll WHERE meeting_id = ?').run(meeting.id)).toThrow(/council.roll_frozen/);
  });

  it('a 居民会议 on request needs at least 1/5, and only a 居民会议 is convened that way', async () => {
    f = await councilHall(3, 'resident_assembly');
    const base = { bodyId: f.body.id, title: '临时居民会议', heldOn: '2026-12-01' };
    const few = await f.hall.fail('council.saveMeeting', { ...base, request: { count: 19, base: 100 } }, f.secretary);
    expect(few.code).toBe('council.request_too_few');
    const ok = await f.hall.call('council.saveMeeting', { ...base, request: { count: 20, base: 100, note: '20户联名' } }, f.secretary);
    expect(ok.request).toEqual({ count: 20, base: 100, note: '20户联名' });
  });

  it('a body may follow a local rule: at least 3/4 present', async () => {
    f = await councilHall(1);
    const body = await f.hall.call(
      'council.saveBody',
      { kind: 'consultation', name: '协商议事会', quorum: { num: 3, den: 4, strict: false }, defaultThreshold: 'two_thirds_present' },
      f.secretary,
    );
    expect(body).toMatchObject({ quorum: { num: 3, den: 4, strict: false }, defaultThreshold: 'two_thirds_present' });
    const members = [];
    for (const name of ['甲', '乙', '丙', '丁'])
      members.push(await f.hall.call('council.saveMember', { bodyId: body.id, name, termStart: '2026-01-01' }, f.secretary));
    const meeting = await f.hall.call('council.saveMeeting', { bodyId: body.id, title: '协商会', heldOn: '2026-11-20' }, f.secretary);
    const entries = members.map((m, i) => ({ memberId: m.id, name: m.name, status: i < 2 ? ('present' as const) : ('absent' as const) }));
    const view = await f.hall.call('council.markAttendance', { meetingId: meeting.id, entries }, f.secretary);
    expect(view.quorum).toEqual({ base: 4, needed: 3, present: 2, quorate: false, frozen: false });
    expect((await f.hall.fail('council.saveBody', { kind: 'committee', name: '错', quorum: { num: 3, den: 2, strict: true } }, f.secretary)).code).toBe(
      'council.quorum_fraction',
    );
  });

  it('members count towards 应到 only within their term; a link must be to a resident of the registry', async () => {
    f = await councilHall(4);
    const ended = await f.hall.call('council.saveMember', { ...f.members[3], bodyId: f.body.id, termEnd: '2026-06-30' }, f.secretary);
    expect(ended.termEnd).toBe('2026-06-30');
    const meeting = await openMeeting(f, 3, { open: false });
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.quorum.base).toBe(3);
    expect(view.roll.find((r) => r.memberId === ended.id)?.votes).toBe(false);
    const bad = await f.hall.fail(
      'council.saveMember',
      { bodyId: f.body.id, name: '外人', residentId: 'no-such-resident', termStart: '2026-01-01' },
      f.secretary,
    );
    expect(bad.code).toBe('council.resident_not_found');
    expect(
      (await f.hall.fail('council.saveMember', { bodyId: f.body.id, name: '倒序', termStart: '2026-05-01', termEnd: '2026-01-01' }, f.secretary)).code,
    ).toBe('council.term_order');
  });

  it('a supervision committee member has a voice but no vote', async () => {
    f = await councilHall(1);
    const sup = await f.hall.call('council.saveBody', { kind: 'supervision', name: '居务监督委员会', assemblyForm: null }, f.secretary);
    const member = await f.hall.call('council.saveMember', { bodyId: sup.id, name: '钱监督', termStart: '2026-01-01' }, f.secretary);
    expect(member.votes).toBe(false);
    const err = await f.hall.fail('council.saveMember', { bodyId: sup.id, name: '孙监督', votes: true, termStart: '2026-01-01' }, f.secretary);
    expect(err.code).toBe('council.supervision_no_vote');
  });
});

describe('motions and votes', () => {
  it('records a passing show of hands with a numbered resolution, and a tie that fails', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 8);
    const m1 = await f.hall.call('council.addMotion', { meetingId: meeting.id, title: '同意3栋加装电梯方案', method: 'hands' }, f.secretary);
    expect(m1.threshold).toBe('present_majority');
    const v1 = await f.hall.call('council.recordVote', { motionId: m1.id, tally: { for: 6, against: 1, abstain: 1 } }, f.secretary);
    expect(v1).toMatchObject({ state: 'decided', passed: true, eligible: 8 });
    const m2 = await f.hall.call(
      'council.addMotion',
      { meetingId: meeting.id, title: '增设非机动车棚', method: 'hands', threshold: 'cast_majority' },
      f.secretary,
    );
    const v2 = await f.hall.call('council.recordVote', { motionId: m2.id, tally: { for: 4, against: 4, abstain: 0 } }, f.secretary);
    expect(v2.passed).toBe(false);
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.resolutions.map((r) => [r.number, r.text])).toEqual([['居议〔2026〕1号', '同意3栋加装电梯方案']]);
    const again = await f.hall.fail('council.recordVote', { motionId: m1.id, tally: { for: 8, against: 0, abstain: 0 } }, f.secretary);
    expect(again.code).toBe('council.motion_decided');
  });

  it('refuses a binding vote without quorum but keeps the discussion', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 5);
    const m = await f.hall.call(
      'council.addMotion',
      { meetingId: meeting.id, title: '讨论停车收费', discussion: '意见分歧较大', method: 'hands' },
      f.secretary,
    );
    const err = await f.hall.fail('council.recordVote', { motionId: m.id, tally: { for: 5, against: 0, abstain: 0 } }, f.secretary);
    expect(err.code).toBe('council.no_quorum');
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.motions[0]).toMatchObject({ state: 'discussion', discussion: '意见分歧较大', tally: null });
    expect(countRows('council_resolutions')).toBe(0);
  });

  it('refuses more votes than voters present (less the recused)', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 7);
    const m = await f.hall.call(
      'council.addMotion',
      { meetingId: meeting.id, title: '张某低保评议', method: 'hands', recusals: [{ memberId: f.members[1].id, reason: '申请人亲属' }] },
      f.secretary,
    );
    const err = await f.hall.fail('council.recordVote', { motionId: m.id, tally: { for: 5, against: 1, abstain: 1 } }, f.secretary);
    expect(err).toMatchObject({ code: 'council.too_many_votes', params: { cast: 7, eligible: 6 } });
    const ok = await f.hall.call('council.recordVote', { motionId: m.id, tally: { for: 5, against: 1, abstain: 0 } }, f.secretary);
    expect(ok.eligible).toBe(6);
  });

  it('roll call: refuses a non-voting member, a recused member and an absent one', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 7);
    const observer = f.members.find((m) => !m.votes)!;
    const m = await f.hall.call(
      'council.addMotion',
      { meetingId: meeting.id, title: '唱名表决', method: 'roll_call', recusals: [{ memberId: f.members[2].id, reason: '利害关系' }] },
      f.secretary,
    );
    const vote = (memberId: string) => ({
      motionId: m.id,
      rollCall: [
        { memberId: f.members[0].id, choice: 'for' as const },
        { memberId, choice: 'for' as const },
      ],
    });
    expect((await f.hall.fail('council.recordVote', vote(observer.id), f.secretary)).code).toBe('council.member_cannot_vote');
    expect((await f.hall.fail('council.recordVote', vote(f.members[2].id), f.secretary)).code).toBe('council.member_recused');
    expect((await f.hall.fail('council.recordVote', vote(f.members[8].id), f.secretary)).code).toBe('council.voter_not_present');
    expect(countRows('council_roll_call_votes')).toBe(0);
    const voters = [0, 1, 3, 4, 5, 6].map((i) => ({ memberId: f.members[i].id, choice: i === 6 ? ('against' as const) : ('for' as const) }));
    const done = await f.hall.call('council.recordVote', { motionId: m.id, rollCall: voters }, f.secretary);
    expect(done).toMatchObject({ passed: true, eligible: 6, tally: { for: 5, against: 1, abstain: 0 } });
    expect(done.rollCall).toHaveLength(6);
  });

  it('paper ballots: entered by one user, decided only when a second user counts the same', async () => {
    f = await councilHall(9);
    const meeting = await openMeeting(f, 9);
    const checker = await addUser(f.hall, 'jiancha', ['secretary']);
    const m = await f.hall.call(
      'council.addMotion',
      { meetingId: meeting.id, title: '无记名投票', method: 'secret', threshold: 'two_thirds_present' },
      f.secretary,
    );
    const entered = await f.hall.call('council.recordVote', { motionId: m.id, tally: { for: 6, against: 2, abstain: 1 } }, f.secretary);
    expect(entered).toMatchObject({ state: 'entered', passed: null });
    expect((await f.hall.fail('council.closeMeeting', { id: meeting.id }, f.secretary)).code).toBe('council.tally_unchecked');
    expect((await f.hall.fail('council.checkTally', { motionId: m.id, tally: { for: 6, against: 2, abstain: 1 } }, f.secretary)).code).toBe(
      'council.check_same_user',
    );
    expect((await f.hall.fail('council.checkTally', { motionId: m.id, tally: { for: 7, against: 1, abstain: 1 } }, checker)).code).toBe(
      'council.check_mismatch',
    );
    const checked = await f.hall.call('council.checkTally', { motionId: m.id, tally: { for: 6, against: 2, abstain: 1 } }, checker);
    expect(checked).toMatchObject({ state: 'decided', passed: true });
    expect(checked.checkedBy).not.toBe(checked.enteredBy);
  });

  it('numbers resolutions per year without gaps', async () => {
    f = await councilHall(3);
    const meeting = await openMeeting(f, 3);
    for (const title of ['一', '二', '三']) {
      const m = await f.hall.call('council.addMotion', { meetingId: meeting.id, title: `决议${title}`, method: 'hands' }, f.secretary);
      await f.hall.call('council.recordVote', { motionId: m.id, tally: { for: 3, against: 0, abstain: 0 } }, f.secretary);
    }
    const view = await f.hall.call('council.getMeeting', { id: meeting.id }, f.secretary);
    expect(view.resolutions.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(() => f.hall.core.services.sqlite.prepare("UPDATE council_resolutions SET text = 'x'").run()).toThrow(/council.resolution_final/);
  });
});

describe('minutes', () => {
  it('signed by chair and recorder, then locked; an amendment is a new version with its reason', async () => {
    f = await councilHall(3);
    const meeting = await openMeeting(f, 3);
    await f.hall.call('council.saveMinutes', { meetingId: meeting.id, text: '会议讨论了加装电梯事宜。' }, f.secretary);
    expect((await f.hall.fail('council.signMinutes', { meetingId: meeting.id, signers: [{ role: 'chair', name: '张建国' }] }, f.secretary)).code).toBe(
      'council.meeting_not_closed',
    );
    await f.hall.call('council.closeMeeting', { id: meeting.id }, f.secretary);
    const missing = await f.hall.fail('council.signMinutes', { meetingId: meeting.id, signers: [{ role: 'chair', name: '张建国' }] }, f.secretary);
    expect(missing).toMatchObject({ code: 'council.signatures_missing', params: { names: '李秀英' } });
    const signers = [
      { role: 'chair' as const, name: '张建国' },
      { role: 'recorder' as const, name: '李秀英' },
    ];
    const signed = await f.hall.call('council.signMinutes', { meetingId: meeting.id, signers }, f.secretary);
    expect(signed.minutes[0]).toMatchObject({ state: 'signed', text: '会议讨论了加装电梯事宜。' });

    const edit = await f.hall.fail('council.saveMinutes', { meetingId: meeting.id, text: '改过的记录' }, f.secretary);
    expect(edit.code).toBe('council.minutes_signed');
    const sqlite = f.hall.core.services.sqlite;
    expect(() => sqlite.prepare("UPDATE council_minutes SET text = 'x' WHERE meeting_id = ?").run(meeting.id)).toThrow(/council.minutes_signed/);
    expect(() => sqlite.prepare('DELETE FROM council_minutes_signatures').run()).toThrow(/council.minutes_signed/);

    const amended = await f.hall.call(
      'council.amendMinutes',
      { meetingId: meeting.id, text: '会议讨论了加装电梯事宜，并确定时间表。', reason: '补记时间表' },
      f.secretary,
    );
    expect(amended.minutes.map((v) => [v.version, v.state, v.amendReason])).toEqual([
      [1, 'signed', ''],
      [2, 'draft', '补记时间表'],
    ]);
    expect(amended.minutes[0].text).toBe('会议讨论了加装电梯事宜。');
  });

  it('a 民主评议 record needs every participant to sign', async () => {
    f = await councilHall(3, 'dibao_panel');
    const meeting = await openMeeting(f, 3);
    await f.hall.call('council.closeMeeting', { id: meeting.id }, f.secretary);
    const signers = [
      { role: 'chair' as const, name: '张建国' },
      { role: 'recorder' as const, name: '李秀英' },
    ];
    const err = await f.hall.fail('council.signMinutes', { meetingId: meeting.id, signers }, f.secretary);
    expect(err).toMatchObject({ code: 'council.signatures_missing', params: { names: '王志强' } });
    const ok = await f.hall.call('council.signMinutes', { meetingId: meeting.id, signers: [...signers, { role: 'participant', name: '王志强' }] }, f.secretary);
    expect(ok.minutes[0].signatures).toHaveLength(3);
  });
});

describe('action items', () => {
  it('follow-up list across meetings, soonest due first; done items leave it and can be published', async () => {
    f = await councilHall(3);
    const meeting = await openMeeting(f, 3);
    const a = await f.hall.call(
      'council.saveActionItem',
      { meetingId: meeting.id, title: '联系电梯厂家报价', ownerName: '王志强', dueOn: '2026-12-10' },
      f.secretary,
    );
    await f.hall.call('council.saveActionItem', { meetingId: meeting.id, title: '公示筹资方案', ownerName: '李秀英', dueOn: '2026-12-01' }, f.secretary);
    let list = await f.hall.call('council.followUp', { limit: 1 }, f.secretary);
    expect(list.rows.map((r) => r.title)).toEqual(['公示筹资方案']);
    list = await f.hall.call('council.followUp', { cursor: list.nextCursor, limit: 1 }, f.secretary);
    expect(list.rows.map((r) => r.title)).toEqual(['联系电梯厂家报价']);
    expect((await f.hall.fail('council.publishActionResult', { id: a.id }, f.secretary)).code).toBe('council.action_not_done');
    const done = await f.hall.call('council.setActionStatus', { id: a.id, status: 'done', result: '已取得三家报价' }, f.secretary);
    expect(done.doneOn).toBe('2026-11-22');
    const published = await f.hall.call('council.publishActionResult', { id: a.id }, f.secretary);
    expect(published.publishedOn).toBe('2026-11-22');
    list = await f.hall.call('council.followUp', {}, f.secretary);
    expect(list.rows.map((r) => r.title)).toEqual(['公示筹资方案']);
  });

  it('only a secretary (council.write) may change the council; an auditor reads', async () => {
    f = await councilHall(1);
    const auditor = await addUser(f.hall, 'shenji', ['auditor']);
    expect((await f.hall.call('council.listBodies', {}, auditor)).length).toBe(1);
    expect((await f.hall.fail('council.saveBody', { kind: 'committee', name: '居委会' }, auditor)).code).toBe('auth.forbidden');
  });
});

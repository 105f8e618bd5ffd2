import { addUser, openTestHall, type TestHall } from '../support/core';
import type { Body, Member, RollStatus } from '../../../src/shared/contract/council';

export interface CouncilFixture {
  hall: TestHall;
  secretary: string;
  body: Body;
  members: Member[];
}

/** A hall with a secretary and a 居民代表会议 of `size` representatives (plus a non-voting 列席 member). */
export async function councilHall(size = 9, kind: Body['kind'] = 'representatives'): Promise<CouncilFixture> {
  const hall = await openTestHall();
  const secretary = await addUser(hall, 'mishu', ['secretary']);
  const body = await hall.call(
    'council.saveBody',
    { kind, name: '幸福社区居民代表会议', assemblyForm: kind === 'resident_assembly' ? 'all_adults' : null },
    secretary,
  );
  const names = ['张建国', '李秀英', '王志强', '刘桂兰', '陈明', '杨丽', '赵伟', '黄敏', '周杰', '吴芳', '徐磊', '孙洁'];
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    members.push(
      await hall.call(
        'council.saveMember',
        { bodyId: body.id, name: names[i] ?? `代表${i + 1}`, role: i === 0 ? '主任' : '代表', termStart: '2026-01-01' },
        secretary,
      ),
    );
  }
  members.push(await hall.call('council.saveMember', { bodyId: body.id, name: '钱监督', role: '监督委员', votes: false, termStart: '2026-01-01' }, secretary));
  return { hall, secretary, body, members };
}

/** A meeting with one agenda item, its roll marked with the first `present` members present, and opened. */
export async function openMeeting(f: CouncilFixture, present: number, opts: { open?: boolean } = {}) {
  const { hall, secretary, body, members } = f;
  const meeting = await hall.call(
    'council.saveMeeting',
    {
      bodyId: body.id,
      title: '2026年第四季度居民代表会议',
      heldOn: '2026-11-20',
      startTime: '14:30',
      place: '社区议事厅',
      chairName: '张建国',
      recorderName: '李秀英',
    },
    secretary,
  );
  await hall.call('council.saveAgendaItem', { meetingId: meeting.id, title: '小区加装电梯资金筹集', category: '小事', source: 'register' }, secretary);
  await hall.call('council.notifyMeeting', { id: meeting.id }, secretary);
  const voting = members.filter((m) => m.votes);
  const entries: { memberId: string; name: string; status: RollStatus; reason: string }[] = voting.map((m, i) => ({
    memberId: m.id,
    name: m.name,
    status: i < present ? ('present' as const) : ('leave' as const),
    reason: i < present ? '' : '出差',
  }));
  entries.push({ memberId: members.find((m) => !m.votes)!.id, name: '钱监督', status: 'observer' as const, reason: '' });
  await hall.call('council.markAttendance', { meetingId: meeting.id, entries }, secretary);
  if (opts.open !== false) await hall.call('council.openMeeting', { id: meeting.id }, secretary);
  return meeting;
}

/**
 * A held meeting as the minutes tests print it: 8 of 9 present, a motion passed (one recused), a tie that fails,
 * an action item, minutes drafted, closed and signed by the chair and the recorder.
 */
export async function holdMeeting(f: CouncilFixture) {
  const { hall, secretary } = f;
  const meeting = await openMeeting(f, 8);
  const m1 = await hall.call(
    'council.addMotion',
    { meetingId: meeting.id, title: '同意3栋加装电梯方案', method: 'hands', recusals: [{ memberId: f.members[1].id, reason: '3栋住户' }] },
    secretary,
  );
  await hall.call('council.recordVote', { motionId: m1.id, tally: { for: 5, against: 1, abstain: 1 } }, secretary);
  const m2 = await hall.call('council.addMotion', { meetingId: meeting.id, title: '增设非机动车棚', method: 'hands', threshold: 'cast_majority' }, secretary);
  await hall.call('council.recordVote', { motionId: m2.id, tally: { for: 4, against: 4, abstain: 0 } }, secretary);
  const view = await hall.call('council.getMeeting', { id: meeting.id }, secretary);
  await hall.call(
    'council.saveActionItem',
    { meetingId: meeting.id, resolutionId: view.resolutions[0].id, title: '联系电梯厂家报价', ownerName: '王志强', dueOn: '2026-12-10' },
    secretary,
  );
  await hall.call('council.saveMinutes', { meetingId: meeting.id, text: '张建国介绍了加装电梯方案。\n代表们就费用分摊进行了讨论。' }, secretary);
  await hall.call('council.closeMeeting', { id: meeting.id }, secretary);
  await hall.call(
    'council.signMinutes',
    {
      meetingId: meeting.id,
      signers: [
        { role: 'chair', name: '张建国' },
        { role: 'recorder', name: '李秀英' },
      ],
    },
    secretary,
  );
  return meeting;
}

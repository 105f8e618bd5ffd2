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

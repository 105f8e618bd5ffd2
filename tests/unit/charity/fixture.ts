import type { Input } from '../../../src/shared/contract';
import { openTestHall, type TestHall } from '../support/core';
import { idFor } from '../residents/fixture';

let people = 0;

export interface CharityHall extends TestHall {
  treasurer: string;
  clerk: string;
}

/** A hall with a treasurer (李出纳) and a clerk (王窗口), a restricted fund EDU and the general fund GEN. */
export async function openCharityHall(opts: Parameters<typeof openTestHall>[0] = {}): Promise<CharityHall> {
  const hall = await openTestHall(opts);
  const treasurer = await signedIn(hall, 'treasurer1', '李出纳', ['treasurer']);
  const clerk = await signedIn(hall, 'clerk1', '王窗口', ['clerk']);
  await hall.call('charity.saveFund', { code: 'EDU', name: '助学定向基金', kind: 'restricted', purpose: '困难家庭学生助学' }, treasurer);
  return Object.assign(hall, { treasurer, clerk });
}

export async function signedIn(hall: TestHall, username: string, displayName: string, roles: Input<'users.create'>['roles']): Promise<string> {
  const password = 'user-pass-2026';
  await hall.call('users.create', { username, displayName, password, roles });
  return (await hall.call('auth.login', { username, password }, null)).token;
}

export function cash(amountFen: number, over: Partial<Input<'charity.recordDonation'>> = {}): Input<'charity.recordDonation'> {
  return { kind: 'cash', method: '现金', amountFen, fundCode: 'GEN', receivedOn: '2026-11-20', ...over };
}

/** A resident in a household, for aid applications. */
export async function makeRecipient(hall: TestHall, name = '赵困难', tags: string[] = []) {
  const household = await hall.call('residents.saveHousehold', { number: `H-${name}`, houseId: null });
  const tagIds: string[] = [];
  for (const t of tags) {
    const existing = (await hall.call('residents.listTags', {})).find((x) => x.name === t);
    tagIds.push(existing?.id ?? (await hall.call('residents.saveTag', { name: t, colour: 'red' })).id);
  }
  people++;
  return hall.call('residents.create', {
    name,
    status: '户籍',
    idNumber: idFor('1980-01-01', people * 2 + 1),
    docType: '居民身份证',
    householdId: household.id,
    relationToHead: '户主',
    tagIds,
  });
}

/**
 * A council resolution to cite in an aid review, made as the council makes one (the administrator's
 * session): a body of three, a meeting with all present, a motion passed by show of hands.
 */
export async function councilResolution(hall: TestHall, title = '同意为困难家庭发放冬季取暖补助') {
  const body = await hall.call('council.saveBody', { kind: 'representatives', name: '幸福社区居民代表会议', assemblyForm: null });
  const members = [];
  for (const name of ['张建国', '李秀英', '王志强'])
    members.push(await hall.call('council.saveMember', { bodyId: body.id, name, role: '代表', termStart: '2026-01-01' }));
  const meeting = await hall.call('council.saveMeeting', {
    bodyId: body.id,
    title: '2026年第四季度居民代表会议',
    heldOn: '2026-11-20',
    startTime: '14:30',
    place: '社区议事厅',
    chairName: '张建国',
    recorderName: '李秀英',
  });
  await hall.call('council.saveAgendaItem', { meetingId: meeting.id, title: '冬季取暖补助', category: '小事', source: 'register' });
  await hall.call('council.notifyMeeting', { id: meeting.id });
  await hall.call('council.markAttendance', {
    meetingId: meeting.id,
    entries: members.map((m) => ({ memberId: m.id, name: m.name, status: 'present' as const, reason: '' })),
  });
  await hall.call('council.openMeeting', { id: meeting.id });
  const motion = await hall.call('council.addMotion', { meetingId: meeting.id, title, method: 'hands' });
  await hall.call('council.recordVote', { motionId: motion.id, tally: { for: 3, against: 0, abstain: 0 } });
  const view = await hall.call('council.getMeeting', { id: meeting.id });
  return view.resolutions[0];
}

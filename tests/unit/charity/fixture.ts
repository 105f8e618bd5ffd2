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

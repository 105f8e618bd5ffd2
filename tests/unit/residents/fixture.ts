import { idCheckChar } from '../../../src/shared/values/id-number';
import type { Input } from '../../../src/shared/contract';
import type { TestHall } from '../support/core';

export { makePlaces, explainer } from './places-fixture';

/** A valid 18-digit number for a birth date (YYYY-MM-DD) and a sequence (odd = male). */
export function idFor(birthDate: string, seq: number, region = '110105'): string {
  const body = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export function phoneFor(n: number): string {
  return `1380000${String(n).padStart(4, '0')}`;
}

export function residentInput(over: Partial<Input<'residents.create'>> = {}): Input<'residents.create'> {
  // Not placed unless a test says where: deliberately, with a reason, as the form asks (暂不登记到户).
  return { name: '张三', status: '户籍', idNumber: '', docType: '居民身份证', unplacedReason: '测试：暂不登记到户', ...over };
}

/** A household in a house, created through the contract. */
export async function makeHousehold(hall: TestHall, number: string, houseId: string | null) {
  return hall.call('residents.saveHousehold', { number, houseId });
}

export async function tagId(hall: TestHall, name: string): Promise<string> {
  const t = (await hall.call('residents.listTags', {})).find((x) => x.name === name);
  if (!t) throw new Error(`no tag ${name}`);
  return t.id;
}

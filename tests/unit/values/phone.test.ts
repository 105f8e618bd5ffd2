import { describe, it, expect } from 'vitest';
import { parsePhone, isValidPhone } from '../../../src/shared/values/phone';

const mobile = (number: string) => ({ ok: true, value: { number, kind: 'mobile' } });
const landline = (number: string) => ({ ok: true, value: { number, kind: 'landline' } });
const fail = { ok: false, code: 'phone.format' };

describe('parsePhone: mobiles (^1[3-9]\\d{9}$)', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['  19212345678 ', '19212345678'],
    ['１３８１２３４１２３４', '13812341234'],
  ])('%s', (raw, number) => {
    expect(parsePhone(raw)).toEqual(mobile(number));
  });

  it('refuses bad mobiles', () => {
    for (const s of ['12812341234', '1381234123', '138123412345', '', 'abc', '138123412a4', '+8712812341234']) {
      expect(parsePhone(s)).toEqual(fail);
    }
  });
});

describe('parsePhone: landlines (0\\d{2,3}-?\\d{7,8})', () => {
  it.each([
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021 87654321', '021-87654321'],
    ['(010)12345678', '010-12345678'],
    ['（0755）1234567', '0755-1234567'],
    ['0755-12345678', '0755-12345678'],
    ['075512345678', '0755-12345678'],
    ['04723456789', '0472-3456789'],
    ['0472 345 6789', '0472-3456789'],
    ['+86 10 12345678', '010-12345678'],
    ['+86-472-3456789', '0472-3456789'],
  ])('%s', (raw, number) => {
    expect(parsePhone(raw)).toEqual(landline(number));
  });

  it('refuses malformed landlines, extensions and service numbers', () => {
    for (const s of ['010-123456', '010-123456789', '0101234', '4008001234', '95588', '010-12345678-123', '10-12345678', '010-02345678']) {
      expect(parsePhone(s)).toEqual(fail);
    }
  });

  it('isValidPhone', () => {
    expect(isValidPhone('13812341234')).toBe(true);
    expect(isValidPhone('1381234')).toBe(false);
  });
});

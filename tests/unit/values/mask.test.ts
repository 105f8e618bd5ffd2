import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskPhone, maskName } from '../../../src/shared/values/mask';

describe('maskIdNumber (first 3 + last 4)', () => {
  it('masks 18-digit numbers like DOMAIN.md §1.2', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
    expect(maskIdNumber('440524188001010014')).toBe('440***********0014');
  });
  it('keeps the length of other numbers and fully masks very short input', () => {
    expect(maskIdNumber('130503670401001')).toBe('130********1001');
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('mobiles: first 3 + last 4', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138 1234 1234')).toBe('138****1234');
  });
  it('landlines keep the area code and the last 4', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('04723456789')).toBe('0472-***6789');
  });
  it('unparseable input still hides the middle', () => {
    expect(maskPhone('95588123')).toBe('955*8123');
    expect(maskPhone('95588')).toBe('*****');
  });
});

describe('maskName (public notices)', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张*明'],
    ['欧阳明', '欧*明'],
    ['欧阳小明', '欧**明'],
    [' 王 芳 ', '王*'],
    ['John Smith', 'J***'],
    ['li', 'l***'],
    ['张', '*'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

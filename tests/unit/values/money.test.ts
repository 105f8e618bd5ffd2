import { describe, it, expect } from 'vitest';
import { parseYuanToFen, formatFen, assertFen, assertSignedFen, isFen, MAX_INPUT_FEN } from '../../../src/shared/values/money';

describe('parseYuanToFen', () => {
  it.each([
    ['1234', 123400],
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['¥1234.56', 123456],
    ['￥1,234.56', 123456],
    ['１２３４．５６', 123456],
    ['1，234．56', 123456],
    [' 12.30 ', 1230],
    ['1234.56元', 123456],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['.5', 50],
    ['12.', 1200],
    ['1.500', 150],
    ['0.07', 7],
    ['1,000,000', 100000000],
    ['99999999999.99', 9_999_999_999_999],
    ['0099999999999.99', 9_999_999_999_999],
    // classic float traps: must be exact
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['1005.1', 100510],
  ])('%s → %d fen', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, fen });
  });

  it('refuses negative amounts', () => {
    for (const s of ['-1', '-0.01', '¥-5', '-¥5', '－12', '-1,234.56']) {
      expect(parseYuanToFen(s)).toEqual({ ok: false, code: 'money.negative' });
    }
  });

  it('refuses fractions of a fen', () => {
    for (const s of ['0.001', '1.234', '1.2301']) {
      expect(parseYuanToFen(s)).toEqual({ ok: false, code: 'money.fractional_fen' });
    }
  });

  it('refuses non-numeric and empty input', () => {
    for (const s of ['', '  ', 'abc', '12a', '1.2.3', '.', '¥', '1,23', '12,34.5', '1e5', '1 234x', '--1', 'NaN', 'Infinity', '0x10']) {
      expect(parseYuanToFen(s)).toEqual({ ok: false, code: 'money.format' });
    }
  });

  it('refuses more than 9,999,999,999,999 fen', () => {
    expect(parseYuanToFen('100000000000')).toEqual({ ok: false, code: 'money.too_large' });
    expect(parseYuanToFen('100,000,000,000.00')).toEqual({ ok: false, code: 'money.too_large' });
    expect(MAX_INPUT_FEN).toBe(9_999_999_999_999);
  });
});

describe('formatFen', () => {
  it('defaults to symbol and grouping', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(50)).toBe('¥0.50');
    expect(formatFen(100000000)).toBe('¥1,000,000.00');
    expect(formatFen(9_999_999_999_999)).toBe('¥99,999,999,999.99');
  });
  it('options', () => {
    expect(formatFen(123456, { symbol: false })).toBe('1,234.56');
    expect(formatFen(123456, { grouping: false })).toBe('¥1234.56');
    expect(formatFen(123456, { symbol: false, grouping: false })).toBe('1234.56');
  });
  it('negative balances', () => {
    expect(formatFen(-123456)).toBe('-¥1,234.56');
    expect(formatFen(-5, { symbol: false })).toBe('-0.05');
  });
  it('throws on non-integers', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
  it('round-trips with parseYuanToFen', () => {
    for (const fen of [0, 1, 10, 99, 100, 123456, 9_999_999_999_999]) {
      expect(parseYuanToFen(formatFen(fen))).toEqual({ ok: true, fen });
    }
  });
});

describe('assertFen / assertSignedFen / isFen', () => {
  it('assertFen accepts safe non-negative integers only', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
    for (const bad of [-1, 1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined]) {
      expect(() => assertFen(bad)).toThrow(RangeError);
    }
  });
  it('assertSignedFen allows negatives', () => {
    expect(() => assertSignedFen(-100)).not.toThrow();
    expect(() => assertSignedFen(-0.5)).toThrow(RangeError);
  });
  it('isFen', () => {
    expect(isFen(100)).toBe(true);
    expect(isFen(-1)).toBe(false);
    expect(isFen(0.1)).toBe(false);
  });
});

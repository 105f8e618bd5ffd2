import { describe, it, expect } from 'vitest';
import { fenToChineseUppercase, dateToChineseUppercase } from '../../../src/shared/values/money-words';

describe('fenToChineseUppercase: DOMAIN.md §2 examples (canonical forms)', () => {
  it.each([
    // official examples (支付结算办法 附件一)
    [140950, '壹仟肆佰零玖元伍角'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    // canonical-algorithm outputs
    [100500, '壹仟零伍元整'],
    [1500, '壹拾伍元整'],
    [10000000100, '壹亿零壹元整'],
    [100005, '壹仟元零伍分'],
    [5, '伍分'],
    [10050000, '壹拾万零伍佰元整'],
    [10000000, '壹拾万元整'],
    [0, '零元整'],
  ])('%d fen → %s', (fen, words) => {
    expect(fenToChineseUppercase(fen)).toBe(words);
    expect(fenToChineseUppercase(fen, { prefix: true })).toBe('人民币' + words);
  });

  it('人民币 prefix (DOMAIN.md forms)', () => {
    expect(fenToChineseUppercase(140950, { prefix: true })).toBe('人民币壹仟肆佰零玖元伍角');
    expect(fenToChineseUppercase(600714, true)).toBe('人民币陆仟零柒元壹角肆分');
    expect(fenToChineseUppercase(1640902, true)).toBe('人民币壹万陆仟肆佰零玖元零贰分');
    expect(fenToChineseUppercase(32504, true)).toBe('人民币叁佰贰拾伍元零肆分');
    expect(fenToChineseUppercase(0, true)).toBe('人民币零元整');
    expect(fenToChineseUppercase(0, false)).toBe('零元整');
  });

  it('only uses the allowed characters', () => {
    const allowed = /^(人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/;
    for (const fen of [0, 1, 9, 10, 99, 100, 1001, 100010, 987654321, 120000000000, 9_999_999_999_999]) {
      expect(fenToChineseUppercase(fen, true)).toMatch(allowed);
    }
  });

  it('more cases', () => {
    expect(fenToChineseUppercase(50)).toBe('伍角');
    expect(fenToChineseUppercase(55)).toBe('伍角伍分');
    expect(fenToChineseUppercase(100)).toBe('壹元整');
    expect(fenToChineseUppercase(105)).toBe('壹元零伍分');
    expect(fenToChineseUppercase(1000)).toBe('壹拾元整');
    expect(fenToChineseUppercase(1050)).toBe('壹拾元零伍角');
    expect(fenToChineseUppercase(1055)).toBe('壹拾元零伍角伍分');
    expect(fenToChineseUppercase(1005)).toBe('壹拾元零伍分');
    expect(fenToChineseUppercase(10100)).toBe('壹佰零壹元整');
    expect(fenToChineseUppercase(10010)).toBe('壹佰元零壹角');
    expect(fenToChineseUppercase(1000000)).toBe('壹万元整');
    expect(fenToChineseUppercase(1001000)).toBe('壹万零壹拾元整');
    expect(fenToChineseUppercase(1010000)).toBe('壹万零壹佰元整');
    expect(fenToChineseUppercase(1100000)).toBe('壹万壹仟元整');
    expect(fenToChineseUppercase(1234567890)).toBe('壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角');
    expect(fenToChineseUppercase(10000000000)).toBe('壹亿元整');
    expect(fenToChineseUppercase(10000100000)).toBe('壹亿零壹仟元整');
    expect(fenToChineseUppercase(10100000000)).toBe('壹亿零壹佰万元整');
    expect(fenToChineseUppercase(9_999_999_999_999)).toBe('玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    // beyond parseYuanToFen's limit but still safe integers: 万亿
    expect(fenToChineseUppercase(1_0000_0000_0000_00)).toBe('壹万亿元整');
    expect(fenToChineseUppercase(1_0000_0000_0001_00)).toBe('壹万亿零壹元整');
    expect(fenToChineseUppercase(12_3456_0000_0000_00)).toBe('壹拾贰万叁仟肆佰伍拾陆亿元整');
    expect(fenToChineseUppercase(1_0001_0000_0000_00)).toBe('壹万零壹亿元整');
  });

  it('throws on negative or non-integer fen', () => {
    expect(() => fenToChineseUppercase(-1)).toThrow(RangeError);
    expect(() => fenToChineseUppercase(1.5)).toThrow(RangeError);
  });
});

describe('dateToChineseUppercase', () => {
  it('DOMAIN.md §2 examples', () => {
    expect(dateToChineseUppercase('2026-02-12')).toBe('贰零贰陆年零贰月壹拾贰日');
    expect(dateToChineseUppercase('2026-10-20')).toBe('贰零贰陆年零壹拾月零贰拾日');
  });
  it('leading 零 for months 1, 2, 10 and days 1–10, 20, 30; 壹 for days 11–19', () => {
    expect(dateToChineseUppercase('2026-01-15')).toBe('贰零贰陆年零壹月壹拾伍日');
    expect(dateToChineseUppercase('2026-03-01')).toBe('贰零贰陆年叁月零壹日');
    expect(dateToChineseUppercase('2026-11-10')).toBe('贰零贰陆年壹拾壹月零壹拾日');
    expect(dateToChineseUppercase('2026-12-30')).toBe('贰零贰陆年壹拾贰月零叁拾日');
    expect(dateToChineseUppercase('2026-12-31')).toBe('贰零贰陆年壹拾贰月叁拾壹日');
    expect(dateToChineseUppercase('2026-09-21')).toBe('贰零贰陆年玖月贰拾壹日');
    expect(dateToChineseUppercase('2000-02-29')).toBe('贰零零零年零贰月贰拾玖日');
  });
  it('throws on invalid dates', () => {
    for (const d of ['2026-02-30', '2026-13-01', '2026-2-12', '', '2025-02-29']) {
      expect(() => dateToChineseUppercase(d)).toThrow(RangeError);
    }
  });
});

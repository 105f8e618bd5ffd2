import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { nameKeys } from '../../../src/main/core/features/residents/name-keys';

/** pinyin-pro asked directly, as nameKeys did before it kept keys per name. */
function direct(name: string): { pinyin: string; initials: string } {
  const clean = name.replace(/[\s·•.]/g, '');
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' } as const;
  return {
    pinyin: pinyin(clean, opts).join('').toLowerCase(),
    initials: pinyin(clean, { ...opts, pattern: 'first' })
      .join('')
      .toLowerCase(),
  };
}

describe('nameKeys (kept per name)', () => {
  it('reads polyphonic surnames as surnames, the first time and when kept', () => {
    for (let pass = 0; pass < 2; pass++) {
      expect(nameKeys('单雄信')).toEqual({ pinyin: 'shanxiongxin', initials: 'sxx' });
      expect(nameKeys('曾国藩')).toEqual({ pinyin: 'zengguofan', initials: 'zgf' });
      expect(nameKeys('解缙')).toEqual({ pinyin: 'xiejin', initials: 'xj' });
      expect(nameKeys('区秀英')).toEqual({ pinyin: 'ouxiuying', initials: 'oxy' });
    }
  });

  it('keys the whole name: the same character elsewhere in a name is read as the name reads it', () => {
    // 单 as a surname is shan; kept under 单雄信, it must not change how 单 reads inside another name.
    nameKeys('单雄信');
    for (const name of ['王单', '曾小曾', '张曾', '单单', '区区']) expect(nameKeys(name)).toEqual(direct(name));
  });

  it('gives what pinyin-pro gives for names with separators, Latin letters and blanks', () => {
    for (const name of ['阿卜杜·热合曼', '李 娜', 'Anna 王', '吕布', '', ' · ']) {
      expect(nameKeys(name)).toEqual(direct(name));
      expect(nameKeys(name)).toEqual(direct(name));
    }
  });

  it('hands out copies: a caller changing its keys does not change the next answer', () => {
    const keys = nameKeys('曾国藩');
    keys.pinyin = 'changed';
    expect(nameKeys('曾国藩').pinyin).toBe('zengguofan');
  });

  it('stays right past the number of names it keeps', () => {
    for (let i = 0; i < 50_010; i++) nameKeys(`张${String.fromCharCode(0x4e00 + (i % 20000))}${i}`);
    expect(nameKeys('单雄信')).toEqual({ pinyin: 'shanxiongxin', initials: 'sxx' });
  });
});

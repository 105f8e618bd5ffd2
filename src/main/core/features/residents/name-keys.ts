import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a name: full pinyin and initials, lower-case, no tones or spaces. Surnames with several
 * readings are read as surnames (单 shan, 曾 zeng, 解 xie, 区 ou), so `sxx` finds 单雄信.
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const clean = name.replace(/[\s·•.]/g, '');
  if (!clean) return { pinyin: '', initials: '' };
  const full = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  const first = pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  return { pinyin: full.join('').toLowerCase(), initials: first.join('').toLowerCase() };
}

/** Does a search text look like pinyin or initials (Latin letters only)? */
export function isLatinQuery(q: string): boolean {
  return /^[a-zA-Z]+$/.test(q);
}

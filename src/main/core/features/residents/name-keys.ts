import { pinyin } from 'pinyin-pro';

/**
 * Names repeat (a 100,000-row import holds a few thousand distinct ones at most, surnames and given names
 * being drawn from short lists), and pinyin-pro costs some 10 µs a name: the keys are kept per name. The
 * whole name is the key, because the surname mode reads the first characters by what follows them. Bounded,
 * so that a district's long tail of names cannot hold memory: it starts again when full.
 */
const KEPT_NAMES = 50_000;
const kept = new Map<string, { pinyin: string; initials: string }>();

/**
 * Search keys for a name: full pinyin and initials, lower-case, no tones or spaces. Surnames with several
 * readings are read as surnames (单 shan, 曾 zeng, 解 xie, 区 ou), so `sxx` finds 单雄信.
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const known = kept.get(name);
  if (known) return { ...known };
  const keys = readName(name);
  if (kept.size >= KEPT_NAMES) kept.clear();
  kept.set(name, keys);
  return { ...keys };
}

function readName(name: string): { pinyin: string; initials: string } {
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

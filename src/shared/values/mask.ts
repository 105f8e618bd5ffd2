/**
 * Display masking (DOMAIN.md §1.2). Staff screens: ID first 3 + last 4, phone first 3 + last 4.
 * Public notices: names only, masked; never ID numbers or phones.
 */
import { parsePhone } from './phone';

function keepEnds(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** `11010519491231002X` → `110***********002X`. Spaces are stripped first; too-short input is fully masked. */
export function maskIdNumber(n: string): string {
  return keepEnds((n ?? '').replace(/\s+/g, '').toUpperCase(), 3, 4);
}

/**
 * Mobile `13812341234` → `138****1234`. Landline `010-12345678` → `010-****5678` (area code and last 4 kept).
 * Unparseable input keeps first 3 + last 4 of what was given (fully masked when 7 characters or fewer).
 */
export function maskPhone(n: string): string {
  const parsed = parsePhone(n ?? '');
  if (parsed.ok) {
    const { number, kind } = parsed.value;
    if (kind === 'mobile') return keepEnds(number, 3, 4);
    const [area, local] = number.split('-');
    return `${area}-${keepEnds(local, 0, 4)}`;
  }
  return keepEnds((n ?? '').replace(/\s+/g, ''), 3, 4);
}

/**
 * Names on public notices: `张三` → `张*`, `张小明` → `张*明`, `欧阳小明` → `欧**明` (first + one `*` per
 * middle character + last). Latin-letter names → first letter + `***` (`John Smith` → `J***`).
 * A one-character name becomes `*`.
 */
export function maskName(name: string): string {
  const s = (name ?? '').trim().replace(/\s+/g, ' ');
  if (s === '') return '';
  if (/^[A-Za-z][A-Za-z .'-]*$/.test(s)) return s[0] + '***';
  const chars = Array.from(s.replace(/\s+/g, ''));
  if (chars.length === 1) return '*';
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

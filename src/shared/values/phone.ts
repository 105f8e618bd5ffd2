/**
 * Mainland phone numbers (DOMAIN.md §1.3): mobiles by the loose pattern ^1[3-9]\d{9}$, fixed lines
 * as 0\d{2,3}-?\d{7,8}, normalised to "0AA-LLLLLLLL".
 */
import { stripSpaces, toHalfWidth } from './normalize';

export type PhoneKind = 'mobile' | 'landline';
export interface PhoneInfo {
  /** Mobile: 11 digits. Landline: "area-local", e.g. "010-12345678", "0755-1234567". */
  number: string;
  kind: PhoneKind;
}
export type PhoneResult = { ok: true; value: PhoneInfo } | { ok: false; code: 'phone.format' };

const MOBILE = /^1[3-9]\d{9}$/;

/** 3-character area codes are 010 and 02X; every other area code has 4 characters. */
function areaCodeLength(digits: string): 3 | 4 {
  return /^(010|02\d)/.test(digits) ? 3 : 4;
}

function landline(area: string, local: string): PhoneResult {
  if (!/^0\d{2,3}$/.test(area) || !/^[1-9]\d{6,7}$/.test(local)) return { ok: false, code: 'phone.format' };
  return { ok: true, value: { number: `${area}-${local}`, kind: 'landline' } };
}

/**
 * Parses a phone number. Strips spaces, dashes and brackets; accepts a leading +86 / 0086 / 86 on mobiles
 * and (with the trunk 0 dropped) on landlines. Extensions and service numbers (400…, 95…) are refused.
 */
export function parsePhone(raw: string): PhoneResult {
  const fail: PhoneResult = { ok: false, code: 'phone.format' };
  if (typeof raw !== 'string') return fail;
  const text = toHalfWidth(raw)
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[【】]/g, (c) => (c === '【' ? '(' : ')'));
  const compact = stripSpaces(text).replace(/[-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return fail;

  // Mobile, with or without the country code.
  const national = compact.replace(/^(\+86|0086|86)(?=\d{11}$)/, '');
  if (MOBILE.test(national)) return { ok: true, value: { number: national, kind: 'mobile' } };

  // Landline written with a country code: +86 10 12345678 → 010-12345678.
  const intl = /^(?:\+86|0086)(\d{9,11})$/.exec(compact);
  if (intl && !intl[1].startsWith('0')) {
    const digits = '0' + intl[1];
    const n = areaCodeLength(digits);
    return landline(digits.slice(0, n), digits.slice(n));
  }

  // Explicit split "(010)12345678", "010-12345678", "0755 1234567".
  const explicit = /^\(?(0\d{2,3})\)?[\s-]*(\d{7,8})$/.exec(text.replace(/\s+/g, ' '));
  if (explicit && /[\s()-]/.test(text)) return landline(explicit[1], explicit[2]);

  // Digits only: decide the area-code length from the prefix.
  if (/^0\d{9,11}$/.test(compact)) {
    const n = areaCodeLength(compact);
    return landline(compact.slice(0, n), compact.slice(n));
  }
  return fail;
}

export function isValidPhone(raw: string): boolean {
  return parsePhone(raw).ok;
}

/**
 * Mainland 公民身份号码 (GB 11643-1999), also used by HK/Macao/Taiwan residence permits
 * (address codes 81/82/83). See DOMAIN.md §1.1.
 */
import { stripSpaces, toHalfWidth } from './normalize';

export type IdNumberKind = 'mainland' | 'hk' | 'macao' | 'taiwan';
export type Gender = 'male' | 'female';

export interface IdNumberInfo {
  /** 18 characters, check character upper-case `X`. */
  number: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  /** First 6 digits (county-level address code). */
  regionCode: string;
  /** First 2 digits, e.g. "11". */
  provinceCode: string;
  /** Set when the input was a legacy 15-digit number; holds that number. */
  convertedFrom15?: string;
  kind: IdNumberKind;
}

export type IdNumberErrorCode = 'id.empty' | 'id.format' | 'id.scientific' | 'id.province' | 'id.birth_date' | 'id.future_birth' | 'id.checksum';

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; code: IdNumberErrorCode };

export interface ParseIdNumberOptions {
  /** Reference date "YYYY-MM-DD" for the not-in-the-future check; defaults to the local current date. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes accepted (DOMAIN.md §1.1 validation advice). */
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [81, 83],
];

/** Oldest birth year accepted; older dates are treated as typos. */
const MIN_BIRTH_YEAR = 1800;

/** ISO 7064 MOD 11-2 check character for a 17-digit body. Throws on anything but 17 ASCII digits. */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) {
    throw new RangeError('idCheckChar: expected 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Legacy 15-digit number → 18 digits: insert "19" before YY, append the check character. Throws on anything but 15 digits. */
export function convert15to18(n15: string): string {
  if (!/^\d{15}$/.test(n15)) {
    throw new RangeError('convert15to18: expected 15 digits');
  }
  const body = n15.slice(0, 6) + '19' + n15.slice(6);
  return body + idCheckChar(body);
}

export function isValidProvinceCode(code: string): boolean {
  if (!/^\d{2}$/.test(code)) return false;
  const n = Number(code);
  return PROVINCE_RANGES.some(([lo, hi]) => n >= lo && n <= hi);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Excel turns long digit strings into numbers: "1.10105E+17", "4.40524e17". */
const SCIENTIFIC = /^\d+(\.\d*)?[eE]\+?\d+$/;

function kindOf(provinceCode: string): IdNumberKind {
  switch (provinceCode) {
    case '81':
      return 'hk';
    case '82':
      return 'macao';
    case '83':
      return 'taiwan';
    default:
      return 'mainland';
  }
}

/**
 * Parses and validates an ID number. Trims and strips spaces, accepts lower-case `x` and full-width
 * characters, converts legacy 15-digit numbers. Checks are applied in this order:
 * format → province → birth date → not in future → checksum.
 */
export function parseIdNumber(raw: string, options: ParseIdNumberOptions = {}): IdNumberResult {
  const s = stripSpaces(toHalfWidth(typeof raw === 'string' ? raw : '')).toUpperCase();
  if (s === '') return { ok: false, code: 'id.empty' };
  if (SCIENTIFIC.test(s)) return { ok: false, code: 'id.scientific' };

  let number: string;
  let convertedFrom15: string | undefined;
  if (/^\d{15}$/.test(s)) {
    convertedFrom15 = s;
    number = convert15to18(s);
  } else if (/^\d{17}[\dX]$/.test(s)) {
    number = s;
  } else {
    return { ok: false, code: 'id.format' };
  }

  const provinceCode = number.slice(0, 2);
  if (!isValidProvinceCode(provinceCode)) return { ok: false, code: 'id.province' };

  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  if (year < MIN_BIRTH_YEAR || !isRealDate(year, month, day)) {
    return { ok: false, code: 'id.birth_date' };
  }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const today = options.today ?? localToday();
  // Both are zero-padded YYYY-MM-DD, so string order is date order.
  if (birthDate > today) return { ok: false, code: 'id.future_birth' };

  // The right check character is not told: a typo anywhere in the number fails the check, and a clerk told
  // the "right" last digit changes it and registers a wrong number that now passes.
  if (number[17] !== idCheckChar(number.slice(0, 17))) return { ok: false, code: 'id.checksum' };

  const value: IdNumberInfo = {
    number,
    birthDate,
    gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: number.slice(0, 6),
    provinceCode,
    kind: kindOf(provinceCode),
  };
  if (convertedFrom15 !== undefined) value.convertedFrom15 = convertedFrom15;
  return { ok: true, value };
}

/** Convenience: true when `parseIdNumber` accepts the input. */
export function isValidIdNumber(raw: string, options?: ParseIdNumberOptions): boolean {
  return parseIdNumber(raw, options).ok;
}

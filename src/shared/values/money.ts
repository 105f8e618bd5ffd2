/**
 * Money is an integer number of fen (分). Parsing works on the string digits; no floating point.
 */
import { stripSpaces, toHalfWidth } from './normalize';

/** Integer fen. */
export type Fen = number;

/** Largest amount accepted from user input: 99,999,999,999.99 yuan. */
export const MAX_INPUT_FEN = 9_999_999_999_999;

export type MoneyErrorCode = 'money.format' | 'money.negative' | 'money.fractional_fen' | 'money.too_large';
export type MoneyParseResult = { ok: true; fen: Fen } | { ok: false; code: MoneyErrorCode };

/**
 * Parses a yuan amount typed by a person or read from a spreadsheet into fen.
 * Accepts `1234`, `1234.5`, `1,234.56`, `¥1234.56`, `￥1234.56`, `1234.56元`, `.5`, `12.`, full-width digits,
 * and extra decimals that are all zero (`1.500`). Refuses empty/non-numeric input (`money.format`), any minus
 * sign (`money.negative`), non-zero digits beyond the fen (`money.fractional_fen`, e.g. `0.001`) and more
 * than 9,999,999,999,999 fen (`money.too_large`).
 */
export function parseYuanToFen(input: string): MoneyParseResult {
  const format: MoneyParseResult = { ok: false, code: 'money.format' };
  if (typeof input !== 'string') return format;
  let s = stripSpaces(toHalfWidth(input)).replace(/[\u2212\u2012-\u2014]/g, '-');
  if (s === '') return format;

  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/^(¥|￥|RMB|CNY)/i, '');
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/元$/, '');

  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return format;
  const intPart = m[1].replace(/,/g, '');
  const fracPart = m[2] ?? '';
  if (intPart === '' && fracPart === '') return format;
  if (negative) return { ok: false, code: 'money.negative' };
  if (/[1-9]/.test(fracPart.slice(2))) return { ok: false, code: 'money.fractional_fen' };

  const yuanDigits = intPart.replace(/^0+/, '');
  // 11 integer digits at most: 99,999,999,999 yuan + 99 fen = MAX_INPUT_FEN.
  if (yuanDigits.length > 11) return { ok: false, code: 'money.too_large' };
  const fen = Number(yuanDigits || '0') * 100 + Number((fracPart + '00').slice(0, 2));
  return { ok: true, fen };
}

/** Throws unless `n` is a safe, non-negative integer. */
export function assertFen(n: unknown): asserts n is Fen {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Not a valid amount in fen: ${String(n)}`);
  }
}

/** Throws unless `n` is a safe integer (negative allowed, for balances and adjustments). */
export function assertSignedFen(n: unknown): asserts n is Fen {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`Not a valid signed amount in fen: ${String(n)}`);
  }
}

export function isFen(n: unknown): n is Fen {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export interface FormatFenOptions {
  /** Prefix `¥` (default true). */
  symbol?: boolean;
  /** Thousands separators (default true). */
  grouping?: boolean;
}

/** `123456` → `¥1,234.56`; always two decimals. Negative balances → `-¥1,234.56`. Throws on non-integers. */
export function formatFen(fen: Fen, options: FormatFenOptions = {}): string {
  assertSignedFen(fen);
  const { symbol = true, grouping = true } = options;
  const negative = fen < 0;
  const digits = String(Math.abs(fen)).padStart(3, '0');
  let yuan = digits.slice(0, -2);
  const cents = digits.slice(-2);
  if (grouping) yuan = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${negative ? '-' : ''}${symbol ? '¥' : ''}${yuan}.${cents}`;
}

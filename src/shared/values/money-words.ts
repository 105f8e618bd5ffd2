/**
 * Amounts and dates in Chinese uppercase for receipts (DOMAIN.md §2, 《支付结算办法》附件一),
 * following the "Recommended canonical algorithm" there.
 */
import { assertFen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP = ['', '拾', '佰', '仟'] as const;

/** A 4-digit group (1..9999) without leading 零; one 零 per inner run of zeros, trailing zeros dropped. */
function groupWords(group: string): string {
  let out = '';
  let zero = false;
  const len = group.length;
  for (let i = 0; i < len; i++) {
    const d = group.charCodeAt(i) - 48;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + IN_GROUP[len - 1 - i];
  }
  return out;
}

/** Integer yuan (as a digit string without leading zeros, non-zero) in words, without 元. */
function integerWords(yuan: string): string {
  const groups: string[] = [];
  for (let end = yuan.length; end > 0; end -= 4) groups.unshift(yuan.slice(Math.max(0, end - 4), end));
  // groups[0] is the most significant; index from the right gives the unit.
  const n = groups.length;
  let out = '';
  let zeroGap = false;
  for (let i = 0; i < n; i++) {
    const fromRight = n - 1 - i;
    const value = Number(groups[i]);
    if (value === 0) {
      if (out !== '') zeroGap = true;
      continue;
    }
    // 零 between groups when a zero group intervenes or the lower group is below 1000.
    if (out !== '' && (zeroGap || value < 1000)) out += '零';
    zeroGap = false;
    out += groupWords(String(value));
    if (fromRight === 1) out += '万';
    else if (fromRight === 2) out += '亿';
    else if (fromRight === 3) out += Number(groups[i + 1]) === 0 ? '万亿' : '万';
  }
  return out;
}

export interface ChineseUppercaseOptions {
  /** Prefix 人民币 (default false). */
  prefix?: boolean;
}

/**
 * Fen → uppercase amount, e.g. 140950 → 壹仟肆佰零玖元伍角; 0 → 零元整 (人民币零元整 with the prefix).
 * 整 follows 元 only; never after 角 or 分. Throws on negative or non-integer fen.
 * The second argument may be `true` as a shorthand for `{ prefix: true }`.
 */
export function fenToChineseUppercase(fen: number, options: ChineseUppercaseOptions | boolean = {}): string {
  assertFen(fen);
  const prefix = typeof options === 'boolean' ? options : options.prefix === true;
  const digits = String(fen).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/^0+/, '');
  const jiao = digits.charCodeAt(digits.length - 2) - 48;
  const fenDigit = digits.charCodeAt(digits.length - 1) - 48;

  let out = '';
  if (yuan !== '') out += integerWords(yuan) + '元';
  if (jiao === 0 && fenDigit === 0) {
    out = yuan === '' ? '零元整' : out + '整';
  } else {
    if (yuan !== '') {
      const yuanDigitZero = yuan.endsWith('0');
      if ((yuanDigitZero && jiao > 0) || (jiao === 0 && fenDigit > 0)) out += '零';
    }
    if (jiao > 0) out += DIGITS[jiao] + '角';
    if (fenDigit > 0) out += DIGITS[fenDigit] + '分';
  }
  return (prefix ? '人民币' : '') + out;
}

/** 1..9 → 壹..玖, 10 → 壹拾, 11..19 → 壹拾壹.., 20 → 贰拾, 21 → 贰拾壹 … */
function smallNumberWords(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 0 ? DIGITS[tens] + '拾' : '') + (ones > 0 ? DIGITS[ones] : '');
}

/**
 * Receipt date in uppercase: '2026-02-12' → 贰零贰陆年零贰月壹拾贰日; '2026-10-20' → 贰零贰陆年零壹拾月零贰拾日.
 * Months 1, 2, 10 and days 1–10, 20, 30 take a leading 零; days 11–19 are written 壹拾X.
 * Throws RangeError on anything that is not a real YYYY-MM-DD date.
 */
export function dateToChineseUppercase(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof date === 'string' ? date.trim() : '');
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]) {
    throw new RangeError(`Not a real date: ${date}`);
  }
  const yearWords = Array.from(m[1], (c) => DIGITS[Number(c)]).join('');
  const monthWords = (month <= 2 || month === 10 ? '零' : '') + smallNumberWords(month);
  const dayWords = (day <= 10 || day === 20 || day === 30 ? '零' : '') + smallNumberWords(day);
  return `${yearWords}年${monthWords}月${dayWords}日`;
}

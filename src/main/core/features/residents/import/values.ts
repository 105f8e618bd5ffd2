import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { docTypes, residentStatuses, type DocType, type ResidentStatus } from '../../../../../shared/contract/residents';
import { stripSpaces, toHalfWidth } from '../../../../../shared/values/normalize';
import { isRealDate } from '../../../time/calendar';
import { cellText, isDateCell, numberText, type CellValue } from '../../../spreadsheet/sheet';

dayjs.extend(utc);

/**
 * Cell values → the resident's field values. Each returns the value, null for an empty cell, or the
 * problem code with what the cell said, so the error report can quote it.
 */
export type Converted<T> = { ok: true; value: T | null } | { ok: false; code: string; params: Record<string, string | number> };

const ok = <T>(value: T | null): Converted<T> => ({ ok: true, value });
const bad = (code: string, value: string, allowed?: string): Converted<never> => ({ ok: false, code, params: allowed ? { value, allowed } : { value } });

export function textValue(v: CellValue): string | null {
  const t = cellText(v).trim();
  return t === '' ? null : t;
}

/**
 * An ID number as text. A number cell with 16 or more digits has lost its last digits to floating point
 * (Excel keeps 15): the number cannot be recovered and the row is refused as id.scientific, naming what
 * the cell shows. A shorter number (an old 15-digit number) is exact and used. Text forms Excel users
 * type to keep the digits ('110…, ="110…") are unwrapped.
 */
export function idNumberValue(v: CellValue): Converted<string> {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || Math.abs(v) >= 1e15) return bad('id.scientific', numberText(v));
    return ok(String(v));
  }
  let t = textValue(v);
  if (t === null) return ok(null);
  t = stripSpaces(toHalfWidth(t));
  const wrapped = /^="(.*)"$/.exec(t);
  if (wrapped) t = wrapped[1];
  return ok(t.replace(/^'/, ''));
}

/** Phones: a number cell is exact (11 digits); text is passed on as written for the phone parser. */
export function phoneValue(v: CellValue): string | null {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : numberText(v);
  const t = textValue(v);
  return t === null ? null : t.replace(/^'/, '');
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function ymd(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealDate(s) ? s : null;
}

/**
 * Dates as people and programs write them: a date cell; an Excel serial number; 20260105 as a number or
 * text; 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日 (a time after the date is ignored).
 */
export function dateValue(v: CellValue): Converted<string> {
  if (v === null || v === undefined) return ok(null);
  if (isDateCell(v)) return ok(v.date);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) {
      const d = ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      return d ? ok(d) : bad('import.bad_date', String(v));
    }
    // Serial days since 1899-12-30 (Excel's 1900 system, past its phantom 1900-02-29).
    if (v >= 61 && v < 2958466) return ok(dayjs.utc(EXCEL_EPOCH).add(Math.floor(v), 'day').format('YYYY-MM-DD'));
    return bad('import.bad_date', numberText(v));
  }
  const raw = textValue(v);
  if (raw === null) return ok(null);
  const t = stripSpaces(toHalfWidth(raw));
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? ok(d) : bad('import.bad_date', raw);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? ok(d) : bad('import.bad_date', raw);
  }
  return bad('import.bad_date', raw);
}

/** What an ID card's expiry cell says: the date it expires, or 长期 (a long-term card, which never does). */
export type CardExpiry = { on: string; longTerm: false } | { on: null; longTerm: true };

const LONG_TERM = /^(长期|长期有效)$/;

/**
 * 身份证有效期 is often written as a range ("2016.01.05-2036.01.05", "2016.01.05-长期"), or as 长期 /
 * 长期有效: the end date, or long-term. An empty cell says nothing (null).
 */
export function expiryValue(v: CellValue): Converted<CardExpiry> {
  const raw = textValue(v);
  if (raw !== null && typeof v === 'string') {
    const t = stripSpaces(toHalfWidth(raw));
    if (LONG_TERM.test(t)) return ok({ on: null, longTerm: true });
    const range = /^(.+?)(?:-|至|~|—)(长期|长期有效|\d{4}[./年-]?\d{1,2}[./月-]?\d{1,2}日?)$/.exec(t);
    if (range && /\d{4}/.test(range[1]) && !/^\d{4}-\d{1,2}$/.test(range[1])) {
      if (LONG_TERM.test(range[2])) return ok({ on: null, longTerm: true });
      const end = dateValue(range[2]);
      return end.ok ? ok(end.value === null ? null : { on: end.value, longTerm: false }) : bad('import.bad_date', raw);
    }
  }
  const date = dateValue(v);
  return date.ok ? ok(date.value === null ? null : { on: date.value, longTerm: false }) : date;
}

const genders: Record<string, 'male' | 'female'> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  '2': 'female',
};

export function genderValue(v: CellValue): Converted<'male' | 'female'> {
  const t = textValue(v);
  if (t === null) return ok(null);
  const g = genders[stripSpaces(t).toLowerCase()];
  return g ? ok(g) : bad('import.bad_value', t, '男、女');
}

const statusWords: Record<string, ResidentStatus> = {
  户籍: '户籍',
  户籍人口: '户籍',
  户籍居民: '户籍',
  本地户籍: '户籍',
  常住户籍: '户籍',
  本地: '户籍',
  本地人口: '户籍',
  本市户籍: '户籍',
  本社区户籍: '户籍',
  居住证: '居住证',
  持居住证: '居住证',
  居住证人员: '居住证',
  已办居住证: '居住证',
  流动人口: '流动人口',
  流动: '流动人口',
  外来人口: '流动人口',
  暂住人口: '流动人口',
  暂住: '流动人口',
  外地: '流动人口',
  外地人口: '流动人口',
  外地户籍: '流动人口',
  外来: '流动人口',
};

export function statusValue(v: CellValue): Converted<ResidentStatus> {
  const t = textValue(v);
  if (t === null) return ok(null);
  const s = statusWords[stripSpaces(t)] ?? (residentStatuses as readonly string[]).find((x) => x === t);
  return s ? ok(s as ResidentStatus) : bad('import.bad_value', t, residentStatuses.join('、'));
}

const docWords: Record<string, DocType> = {
  身份证: '居民身份证',
  居民身份证: '居民身份证',
  二代身份证: '居民身份证',
  港澳台居民居住证: '港澳台居民居住证',
  港澳居民居住证: '港澳台居民居住证',
  台湾居民居住证: '港澳台居民居住证',
  外国人永久居留证: '外国人永久居留证',
  外国人永久居留身份证: '外国人永久居留证',
  永久居留身份证: '外国人永久居留证',
  护照: '护照',
  其他: '其他',
  其它: '其他',
};

export function docTypeValue(v: CellValue): Converted<DocType> {
  const t = textValue(v);
  if (t === null) return ok(null);
  const d = docWords[stripSpaces(t)] ?? (docTypes as readonly string[]).find((x) => x === t);
  return d ? ok(d as DocType) : bad('import.bad_value', t, docTypes.join('、'));
}

/** 标签: names separated by commas, 、, semicolons or spaces. */
export function tagNames(v: CellValue): string[] {
  const t = textValue(v);
  if (t === null) return [];
  return [
    ...new Set(
      t
        .split(/[,，、;；/|\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

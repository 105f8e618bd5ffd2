import { describe, it, expect } from 'vitest';
import { parseIdNumber, idCheckChar, convert15to18, isValidIdNumber } from '../../../src/shared/values/id-number';

const TODAY = { today: '2026-03-01' };
const withCheck = (body17: string) => body17 + idCheckChar(body17);

describe('idCheckChar (ISO 7064 MOD 11-2)', () => {
  it('computes the DOMAIN.md §1.1 vectors', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(idCheckChar('53010219200508011')).toBe('X');
    expect(idCheckChar('34052419800101001')).toBe('X');
  });
  it('rejects bodies that are not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('convert15to18', () => {
  it('inserts 19 and appends the check digit (DOMAIN.md example)', () => {
    expect(convert15to18('130503670401001')).toBe('130503196704010016');
  });
  it('rejects anything but 15 digits', () => {
    expect(() => convert15to18('13050367040100')).toThrow(RangeError);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105', '11'],
    ['440524188001010014', '1880-01-01', 'male', '440524', '44'],
    ['53010219200508011X', '1920-05-08', 'male', '530102', '53'],
    ['34052419800101001X', '1980-01-01', 'male', '340524', '34'],
  ])('%s', (raw, birthDate, gender, regionCode, provinceCode) => {
    const r = parseIdNumber(raw, TODAY);
    expect(r).toEqual({
      ok: true,
      value: { number: raw, birthDate, gender, regionCode, provinceCode, kind: 'mainland' },
    });
  });

  it('accepts lower-case x and stores upper-case X', () => {
    const r = parseIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.value.number).toBe('11010519491231002X');
  });

  it('trims and strips spaces (including full-width ones) and full-width digits', () => {
    const a = parseIdNumber('  110105 19491231 002X\t', TODAY);
    expect(a.ok && a.value.number).toBe('11010519491231002X');
    const b = parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY);
    expect(b.ok && b.value.number).toBe('11010519491231002X');
    const c = parseIdNumber('110105\u300019491231002X', TODAY);
    expect(c.ok).toBe(true);
  });

  it('converts legacy 15-digit numbers', () => {
    const r = parseIdNumber('130503670401001', TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        number: '130503196704010016',
        birthDate: '1967-04-01',
        gender: 'male',
        regionCode: '130503',
        provinceCode: '13',
        convertedFrom15: '130503670401001',
        kind: 'mainland',
      },
    });
  });

  it('gender: position 17 odd = male, even = female', () => {
    const f = parseIdNumber(withCheck('11010519900101002'), TODAY);
    const m = parseIdNumber(withCheck('11010519900101003'), TODAY);
    expect(f.ok && f.value.gender).toBe('female');
    expect(m.ok && m.value.gender).toBe('male');
  });

  it('HK / Macao / Taiwan residence permits (81/82/83)', () => {
    const hk = parseIdNumber(withCheck('81000019900101001'), TODAY);
    const mo = parseIdNumber(withCheck('82000019900101001'), TODAY);
    const tw = parseIdNumber(withCheck('83000019900101001'), TODAY);
    expect(hk.ok && hk.value.kind).toBe('hk');
    expect(mo.ok && mo.value.kind).toBe('macao');
    expect(tw.ok && tw.value.kind).toBe('taiwan');
    expect(hk.ok && hk.value.provinceCode).toBe('81');
  });

  it("accepts every allowed province prefix and a code not in today's GB/T 2260 list", () => {
    const allowed = [11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 81, 83];
    for (const p of allowed) expect(isValidIdNumber(withCheck(`${p}999919900101001`), TODAY)).toBe(true);
  });

  it('accepts Feb 29 in a leap year and a birth date equal to today', () => {
    expect(isValidIdNumber(withCheck('11010520000229001'), TODAY)).toBe(true);
    expect(isValidIdNumber(withCheck('11010520260301001'), TODAY)).toBe(true);
  });

  it('uses the current date when no today is given', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(parseIdNumber(withCheck('11010529990101001'))).toEqual({ ok: false, code: 'id.future_birth' });
  });
});

describe('parseIdNumber: refusals', () => {
  it('empty', () => {
    expect(parseIdNumber('', TODAY)).toEqual({ ok: false, code: 'id.empty' });
    expect(parseIdNumber('   ', TODAY)).toEqual({ ok: false, code: 'id.empty' });
  });

  it('Excel scientific notation', () => {
    for (const s of ['1.10105E+17', '4.40524e+17', '1.10105E17', ' 5.30102E+17 ']) {
      expect(parseIdNumber(s, TODAY)).toEqual({ ok: false, code: 'id.scientific' });
    }
  });

  it('format: wrong length, letters, X not last', () => {
    for (const s of ['11010519491231002', '11010519491231002XX', '1101051949123100X2', 'abc', '110105-19491231-002X', '11010519491231002Y']) {
      expect(parseIdNumber(s, TODAY)).toEqual({ ok: false, code: 'id.format' });
    }
  });

  it('bad province prefix', () => {
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '80', '84', '91', '99']) {
      expect(parseIdNumber(withCheck(`${p}010519900101001`), TODAY)).toEqual({ ok: false, code: 'id.province' });
    }
  });

  it('impossible birth dates: Feb 30, Feb 29 in a non-leap year, month 13, day 00, before 1800', () => {
    for (const d of ['19900230', '19000229', '19901301', '19900100', '19900431', '17991231']) {
      expect(parseIdNumber(withCheck(`110105${d}001`), TODAY)).toEqual({ ok: false, code: 'id.birth_date' });
    }
  });

  it('birth date in the future', () => {
    expect(parseIdNumber(withCheck('11010520260302001'), TODAY)).toEqual({ ok: false, code: 'id.future_birth' });
  });

  it('bad checksum names the expected check character', () => {
    // Which check character would pass is not told (a clerk would change the last digit to fit a typo elsewhere).
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, code: 'id.checksum' });
    expect(parseIdNumber('440524188001010015', TODAY)).toEqual({ ok: false, code: 'id.checksum' });
    expect(parseIdNumber('130503196704010017', TODAY)).toEqual({ ok: false, code: 'id.checksum' });
  });

  it('15-digit numbers with a bad province or date are refused', () => {
    expect(parseIdNumber('990503670401001', TODAY)).toEqual({ ok: false, code: 'id.province' });
    expect(parseIdNumber('130503670230001', TODAY)).toEqual({ ok: false, code: 'id.birth_date' });
  });
});

import { describe, expect, it } from 'vitest';
import { compareText, decodeCursor, encodeCursor } from '../../../src/main/core/db/keyset';

describe('keyset helpers', () => {
  it('compares text in SQLite BINARY (UTF-8 byte) order', () => {
    const words = ['张三', '张', '𪚥明', '﨑明', 'abc', 'ab', '', '単', '\uffff', '\u{10000}', '王'];
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareText)).toEqual(bytes);
  });

  it('compares from a given unit on exactly as the slices from there would compare', () => {
    const texts = ['1950-11-05', '1960-11-05', '1960-11-31', '1960-11-3', '1960-11', '', '1960-11-𪚥', '1960-11-\uffff', '1960-11-0'];
    const sign = (n: number) => Math.sign(n);
    for (const a of texts)
      for (const b of texts)
        for (const from of [0, 5, 8, 9, 12]) expect(sign(compareText(a, b, from)), `${a} ${b} ${from}`).toBe(sign(compareText(a.slice(from), b.slice(from))));
  });

  it('round-trips a cursor and refuses one for another order', () => {
    const c = encodeCursor('name:asc', { k: '张三', i: 'id-1' });
    expect(decodeCursor(c, 'name:asc')).toEqual({ k: '张三', i: 'id-1' });
    expect(() => decodeCursor(c, 'birthDate:asc')).toThrow();
    expect(decodeCursor(null, 'x')).toBeNull();
  });

  it("refuses a bad cursor as a field error, with the area's code when it names one", () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as { fields?: Record<string, string> }).fields?.cursor;
      }
      return null;
    };
    expect(fieldOf(() => decodeCursor('garbage', 'name:asc'))).toBe('contract.bad_cursor');
    expect(fieldOf(() => decodeCursor('garbage', 'name:asc', false, 'residents.bad_cursor'))).toBe('residents.bad_cursor');
  });
});

import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/main/core/util/ids';

describe('newId', () => {
  it('makes RFC 9562 version 7 ids, unique and in the order they were made, across many pool refills', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The time part is now's (to the millisecond, read from the first 48 bits).
    const ms = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5_000);
    // The random tails (last 12 hex digits) do not repeat: the pool is not reused.
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });
});

import { describe, expect, it } from 'vitest';
import { isAffected, noteCall, readingAreas } from '../../../src/renderer/src/api/read-areas';

/** Stands in for `api.call`: notes the method the way the client does, then answers later. */
function call(method: Parameters<typeof noteCall>[0]) {
  noteCall(method);
  return new Promise((resolve) => setTimeout(() => resolve(method), 1));
}

describe('which areas a screen load reads', () => {
  it('notes the calls a load makes before its first await, one or several', async () => {
    const one = readingAreas(() => call('residents.get'));
    expect([...one.areas]).toEqual(['residents']);
    expect(await one.result).toBe('residents.get');

    const several = readingAreas(() => Promise.all([call('backups.status'), call('community.profile'), call('residents.count')]));
    expect([...several.areas].sort()).toEqual(['backups', 'community', 'residents']);
    await several.result;
  });

  it('does not see a call made after an await, nor calls made outside any load', async () => {
    const late = readingAreas(async () => {
      await call('residents.get');
      return call('users.list');
    });
    call('audit.list');
    await late.result;
    expect([...late.areas]).toEqual(['residents']);
  });

  it('a write to an area touches loads of that area; the audit trail hears of every write', () => {
    expect(isAffected(new Set(['residents']), 'residents')).toBe(true);
    expect(isAffected(new Set(['residents']), 'users')).toBe(false);
    expect(isAffected(new Set(), 'residents')).toBe(false);
    expect(isAffected(new Set(['audit']), 'users')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createFieldCipher } from '../../../src/main/core/crypto/field-cipher';
import { keyFileFor, loadOrCreateKey } from '../../../src/main/core/crypto/key-file';
import { tempDir } from '../support/core';

describe('field encryption', () => {
  const cipher = createFieldCipher(randomBytes(64));

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain('11010519491231002X');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(cipher.decrypt(b)).toBe('11010519491231002X');
  });

  it('refuses a value that was tampered with or made with another key', () => {
    const stored = cipher.encrypt('13812345678');
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createFieldCipher(randomBytes(64)).decrypt(stored)).toThrow();
  });

  it('look-up hashes are stable for one key and differ between keys', () => {
    expect(cipher.lookupHash('gb:11010519491231002X')).toBe(cipher.lookupHash('gb:11010519491231002X'));
    expect(cipher.lookupHash('gb:11010519491231002X')).not.toBe(createFieldCipher(randomBytes(64)).lookupHash('gb:11010519491231002X'));
  });

  it('the key file is made once, owner-only, and never replaced', () => {
    const dir = tempDir();
    const file = keyFileFor(path.join(dir, 'linli.sqlite'));
    const first = loadOrCreateKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(file).equals(first)).toBe(true);
    fs.writeFileSync(file, 'short');
    expect(() => loadOrCreateKey(file)).toThrow(/damaged/);
    expect(() => createFieldCipher(randomBytes(10))).toThrow();
  });
});

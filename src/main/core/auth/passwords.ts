import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt runs on libuv's thread pool, so hashing never blocks the main process.
const N = 1 << 15;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r: rr, p: pp, maxmem: 256 * n * rr }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let nobody: Promise<string> | null = null;

/**
 * A sign-in under a name that does not exist does the same scrypt work as one under a real name, against a
 * hash of a random password made once, so that the time taken does not tell which names exist.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  nobody ??= hashPassword(randomBytes(32).toString('base64'));
  await verifyPassword(password, await nobody);
  return false;
}

import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';

/**
 * Field-level encryption for sensitive values (ID numbers, phones): AES-256-GCM with a fresh IV per value,
 * and a keyed hash (HMAC-SHA256 with a second key) for exact look-up and uniqueness without decrypting.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic: the same value always gives the same hash, so it can be indexed and compared. */
  lookupHash(plain: string): string;
}

export const KEY_BYTES = 64; // 32 for AES-256-GCM, 32 for the HMAC

/**
 * Fresh IVs taken from a pool of random bytes filled 4 KiB at a time: a 100,000-row import encrypts 200,000
 * values, and one call to the system's random source per value cost more than the encryption. Each IV is
 * used once; the pool is never reused.
 */
const IV_BYTES = 12;
const POOL_BYTES = IV_BYTES * 341;
let pool = Buffer.alloc(0);
let poolAt = 0;
function freshIv(): Buffer {
  if (poolAt + IV_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const iv = pool.subarray(poolAt, poolAt + IV_BYTES);
  poolAt += IV_BYTES;
  return iv;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== KEY_BYTES) throw new Error(`The field key must be ${KEY_BYTES} bytes`);
  // Key objects made once: passing raw bytes makes Node import the key again on every call (~7× slower),
  // which a 100,000-row import or a district-scale seed pays per value.
  const encKey = createSecretKey(key.subarray(0, 32));
  const macKey = createSecretKey(key.subarray(32, 64));
  return {
    encrypt(plain) {
      const iv = freshIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, ct] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('Not an encrypted Linli field');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

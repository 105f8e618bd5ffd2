import type http from 'node:http';

/** Bytes read past the limit, and thrown away, so that the client can read the 413 instead of a reset. */
const DRAIN_LIMIT = 512 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads a request body up to `limit` bytes. A larger one is read to its end and dropped (up to a bound,
 * then the connection is cut), so that the reply "too large" reaches the client: answering while it
 * still sends, then closing, makes most clients see a reset instead.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

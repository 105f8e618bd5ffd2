import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryContent } from '../../../src/main/core/features/charity/chain';
import { verifyPublicLedger, type PublicLedger } from '../../../src/main/core/features/charity/public-ledger';

/** The README's worked example, recomputed as a third party would (plain SHA-256), and by Linli's own code. */
const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const line = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(readme)![1].trim();

describe('README: the charity ledger hashing rule', () => {
  it('the worked example hashes as the README says, by the rule alone', () => {
    const sha = (s: string) => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex');
    const h1 = sha('0'.repeat(64) + '\n' + line('content 1'));
    expect(h1).toBe(line('hash 1'));
    expect(sha(h1 + '\n' + line('content 2'))).toBe(line('hash 2'));
  });

  it('Linli encodes the same entries to the same content and verifies them as a public ledger', () => {
    const parsed = [JSON.parse(line('content 1')), JSON.parse(line('content 2'))] as unknown[][];
    const entries = parsed.map((c, i) => ({
      seq: c[0] as number,
      id: c[1] as string,
      date: c[2] as string,
      kind: c[3] as string,
      memo: c[4] as string,
      reversesSeq: c[5] as number | null,
      reason: c[6] as string | null,
      postedAt: c[7] as string,
      actor: c[8] as string,
      lines: c[9] as [string, string, number, number][],
      prevHash: i === 0 ? '0'.repeat(64) : line('hash 1'),
      hash: line(`hash ${i + 1}`),
    }));
    const e = entries[0];
    expect(
      JSON.stringify(
        entryContent(
          {
            seq: e.seq,
            id: e.id,
            entry_date: e.date,
            kind: 'donation',
            memo: e.memo,
            reverses_seq: null,
            reason: null,
            posted_at: e.postedAt,
            actor_name: e.actor,
          },
          e.lines,
        ),
      ),
    ).toBe(line('content 1'));
    const ledger: PublicLedger = { format: 'linli-charity-ledger', version: 1, community: '', exportedAt: '', funds: [], accounts: [], entries };
    expect(verifyPublicLedger(ledger)).toMatchObject({ ok: true, count: 2, head: line('hash 2') });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type SqliteDatabase from 'better-sqlite3';
import { openTestHall, type TestHall } from '../support/core';

/** Migration 0011's constraints hold for writes that do not go through the app (a repair script, an import). */

let hall: TestHall;
let db: SqliteDatabase.Database;
const at = '2026-11-22T02:00:00Z';

beforeAll(async () => {
  hall = await openTestHall();
  db = hall.core.services.sqlite;
  db.prepare(`INSERT INTO council_bodies VALUES ('b1', 'representatives', '代表会议', NULL, 2, 3, 0, 'present_majority', 0, ?, NULL, ?, NULL)`).run(at, at);
  db.prepare(
    `INSERT INTO council_members (id, body_id, name, votes, term_start, created_at, updated_at) VALUES ('m1', 'b1', '张三', 1, '2026-01-01', ?, ?)`,
  ).run(at, at);
});
afterAll(async () => {
  await hall.close();
});

const meeting = (id: string, extra: Record<string, unknown> = {}) => {
  const row = { id, body_id: 'b1', title: '会议', held_on: '2026-11-20', state: 'draft', created_at: at, updated_at: at, ...extra };
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO council_meetings (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
};

describe('migration 0011: the council tables', () => {
  it('a 居民会议 needs its form and only it has one; a quorum is a fraction of at most one', () => {
    expect(() =>
      db
        .prepare(`INSERT INTO council_bodies VALUES ('b2', 'resident_assembly', '居民会议', NULL, 1, 2, 1, 'present_majority', 0, ?, NULL, ?, NULL)`)
        .run(at, at),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO council_bodies VALUES ('b3', 'committee', '居委会', 'all_adults', 1, 2, 1, 'present_majority', 0, ?, NULL, ?, NULL)`).run(at, at),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO council_bodies VALUES ('b4', 'committee', '居委会', NULL, 3, 2, 1, 'present_majority', 0, ?, NULL, ?, NULL)`).run(at, at),
    ).toThrow(/CHECK/);
  });

  it('a request below 1/5 and an open meeting without its frozen quorum are refused', () => {
    expect(() => meeting('x1', { request_count: 19, request_base: 100 })).toThrow(/CHECK/);
    expect(() => meeting('x2', { state: 'open' })).toThrow(/CHECK/);
    meeting('ok', { request_count: 20, request_base: 100 });
  });

  it('an observer never votes, and a voter is a member', () => {
    expect(() => db.prepare(`INSERT INTO council_roll VALUES ('ok', 1, 'm1', '张三', '', 'observer', '', 1)`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO council_roll VALUES ('ok', 2, NULL, '李四', '', 'present', '', 1)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO council_roll VALUES ('ok', 3, 'm1', '张三', '', 'present', '', 1)`).run();
  });

  it('a tally never exceeds the eligible, and a check is by someone else', () => {
    db.prepare(`UPDATE council_meetings SET state = 'open', opened_at = ?, quorate = 1 WHERE id = 'ok'`).run(at);
    const motion = (id: string, seq: number, extra: string) =>
      db.prepare(
        `INSERT INTO council_motions (id, meeting_id, seq, title, method, threshold, state, created_at, updated_at, ${extra.split('|')[0]}) VALUES (?, 'ok', ?, '动议', 'secret', 'cast_majority', ?, ?, ?, ${extra.split('|')[1]})`,
      );
    expect(() => motion('mo1', 1, 'eligible, votes_for, votes_against, votes_abstain|1, 2, 0, 0').run('mo1', 1, 'entered', at, at)).toThrow(/CHECK/);
    expect(() =>
      motion('mo2', 2, "eligible, votes_for, votes_against, votes_abstain, entered_by, checked_by|1, 1, 0, 0, 'u1', 'u1'").run('mo2', 2, 'entered', at, at),
    ).toThrow(/CHECK/);
    // The roll of an open meeting is frozen.
    expect(() => db.prepare(`INSERT INTO council_roll VALUES ('ok', 4, NULL, '王五', '', 'observer', '', 0)`).run()).toThrow(/council.roll_frozen/);
  });
});

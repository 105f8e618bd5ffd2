import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queryShape, selectRows } from '../../../src/main/core/db/query-shape';
import { writeTransaction } from '../../../src/main/core/db/write-transaction';
import { hallDay } from '../../../src/main/core/time/hall-day';
import { localToday } from '../../../src/main/core/time/zone';
import { addUser, openTestHall } from '../support/core';

/**
 * What the list and search calls keep between calls (db/query-shape.ts, auth/sessions.ts, time/zone.ts) is
 * how to ask, never an answer: every call reads the file again, so nothing stale and nobody else's rows.
 */

const tagNames = queryShape<{ name: string }, { name: string; colour: string }>(['name'], (db, v) =>
  db.selectFrom('tags').select(['name', 'colour']).where('name', '=', v.name),
);

async function addTag(hall: Awaited<ReturnType<typeof openTestHall>>, name: string) {
  return hall.call('residents.saveTag', { name, colour: 'blue', sort: 1 });
}

describe('queries compiled once, read on the connection (db/query-shape.ts)', () => {
  it("runs each call's values, and sees a change another connection committed on the very next call", async () => {
    const hall = await openTestHall();
    const db = hall.core.services.db;
    await addTag(hall, '测试甲');
    await addTag(hall, '测试乙');
    expect(await tagNames.execute(db, { name: '测试甲' })).toEqual([{ name: '测试甲', colour: 'blue' }]);
    expect(await tagNames.execute(db, { name: '测试乙' })).toEqual([{ name: '测试乙', colour: 'blue' }]);
    expect(await tagNames.execute(db, { name: '测试丙' })).toEqual([]);
    expect(tagNames.sql(db)).toBe('select "name", "colour" from "tags" where "name" = ?');

    const other = new SqliteDatabase(hall.dbPath);
    other.prepare("UPDATE tags SET colour = 'red' WHERE name = '测试甲'").run();
    other.close();
    expect(await tagNames.execute(db, { name: '测试甲' })).toEqual([{ name: '测试甲', colour: 'red' }]);
    await hall.close();
  });

  it('refuses a shape whose value never reaches the SQL, rather than run a placeholder', async () => {
    const hall = await openTestHall();
    const broken = queryShape<{ name: string }, { name: string }>(['name'], (db) => db.selectFrom('tags').select('name').where('name', '=', 'fixed'));
    await expect(broken.execute(hall.core.services.db, { name: 'x' })).rejects.toThrow(/does not reach/);
    await hall.close();
  });

  it("a read made while another call's write is open waits for it, and never sees its uncommitted rows", async () => {
    const hall = await openTestHall();
    const { db, sqlite } = hall.core.services;
    const count = () => selectRows(db, sql<{ n: number }>`SELECT count(*) AS n FROM tags WHERE name = ${'待定'}`).then((r) => r[0].n);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    const write = writeTransaction(db, sqlite, async (trx) => {
      const at = new Date().toISOString();
      await trx
        .insertInto('tags')
        .values({ id: 't-pending', name: '待定', colour: 'grey', sort: 9, created_at: at, created_by: null, updated_at: at, updated_by: null })
        .execute();
      // The write's own reads (its transaction's db) see its row.
      expect((await selectRows(trx, sql<{ n: number }>`SELECT count(*) AS n FROM tags WHERE name = ${'待定'}`))[0].n).toBe(1);
      inserted();
      await held;
      throw new Error('rolled back');
    });
    await insertedOnce;
    let answered: number | null = null;
    const read = count().then((n) => (answered = n));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBeNull();
    release();
    await expect(write).rejects.toThrow('rolled back');
    await read;
    expect(answered).toBe(0);
    expect(await count()).toBe(0);
    await hall.close();
  });
});

describe('the session, read from the file on every call (auth/sessions.ts)', () => {
  it('a user disabled in the file is refused on the next call; another user’s session is not touched', async () => {
    const hall = await openTestHall();
    const clerk = await addUser(hall, 'clerk1', ['clerk']);
    const other = await addUser(hall, 'clerk2', ['clerk']);
    for (let i = 0; i < 3; i++) {
      expect((await hall.call('auth.session', {}, clerk)).user.username).toBe('clerk1');
      expect((await hall.call('auth.session', {}, other)).user.username).toBe('clerk2');
      expect((await hall.call('residents.list', { limit: 5 }, clerk)).rows).toEqual([]);
    }
    const file = new SqliteDatabase(hall.dbPath);
    file.prepare("UPDATE users SET disabled = 1 WHERE username = 'clerk1'").run();
    expect((await hall.fail('residents.list', { limit: 5 }, clerk)).code).toBe('auth.no_session');
    expect((await hall.fail('residents.search', { q: '张' }, clerk)).code).toBe('auth.no_session');
    expect((await hall.call('auth.session', {}, other)).user.username).toBe('clerk2');
    // Roles changed in the file count from the next call, in both directions.
    file.prepare(`UPDATE users SET roles_json = '["auditor"]' WHERE username = 'clerk2'`).run();
    const tag = { name: '测试甲', colour: 'blue', sort: 1 };
    expect((await hall.fail('residents.saveTag', tag, other)).code).toBe('auth.forbidden');
    file.prepare(`UPDATE users SET roles_json = '["clerk"]' WHERE username = 'clerk2'`).run();
    expect((await hall.call('residents.saveTag', tag, other)).name).toBe('测试甲');
    // A session ended in the file (signed out elsewhere) is refused at once, though the process still knows it.
    file
      .prepare(
        "UPDATE sessions SET ended_at = '2026-11-22T02:00:00Z', ended_reason = 'logout' WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'clerk2')",
      )
      .run();
    expect((await hall.fail('residents.list', { limit: 5 }, other)).code).toBe('auth.no_session');
    file.close();
    await hall.close();
  });
});

describe("the hall's day (time/hall-day.ts, time/zone.ts)", () => {
  it('a time zone changed at another desk counts on the next call', async () => {
    const hall = await openTestHall();
    // 2026-11-22 18:30 UTC: already the 23rd in Shanghai, still the 22nd in New York.
    hall.clock.t = Date.parse('2026-11-22T18:30:00Z');
    const ctx = hall.core.services;
    expect(await hallDay(ctx)).toEqual({ today: '2026-11-23', timeZone: 'Asia/Shanghai' });
    const file = new SqliteDatabase(hall.dbPath);
    file
      .prepare(
        "INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES ('timeZone', '\"America/New_York\"', '2026-11-22T18:30:00Z', NULL) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json",
      )
      .run();
    file.close();
    expect(await hallDay(ctx)).toEqual({ today: '2026-11-22', timeZone: 'America/New_York' });
    await hall.close();
  });

  it('the kept day turns at midnight, even within the same second for another zone', () => {
    const before = new Date('2026-11-22T15:59:59.999Z');
    const after = new Date('2026-11-22T16:00:00.000Z');
    expect(localToday(before, 'Asia/Shanghai')).toBe('2026-11-22');
    expect(localToday(after, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localToday(new Date('2026-11-22T16:00:00.500Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localToday(after, 'Europe/London')).toBe('2026-11-22');
    expect(localToday(before, 'Asia/Shanghai')).toBe('2026-11-22');
  });
});

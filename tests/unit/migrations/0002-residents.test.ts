import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, insertResident, planOf, type MigratingFile } from './support';

describe('migration 0002: the resident registry', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0001_foundation');
    f.sqlite
      .prepare(
        "INSERT INTO users (id, username, display_name, password_hash, roles_json, created_at, updated_at) VALUES ('u1', 'admin', '王', 'h', '[]', 'now', 'now')",
      )
      .run();
    await f.migrateTo('0002_residents');
  });
  afterAll(() => f.close());
  const run =
    (sql: string, ...params: unknown[]) =>
    () =>
      f.sqlite.prepare(sql).run(...params);
  const count = (sql: string) => (f.sqlite.prepare(sql).get() as { n: number }).n;

  it('keeps the accounts, and brings the defaults: ten tags, the "3456" visit policy, the coded lists', () => {
    expect(count('SELECT count(*) AS n FROM users')).toBe(1);
    expect(count('SELECT count(*) AS n FROM tags')).toBe(10);
    expect(f.sqlite.prepare("SELECT interval_days FROM visit_policy WHERE kind = 'status' AND match = '流动人口'").pluck().get()).toBe(7);
    expect(f.sqlite.prepare("SELECT interval_days FROM visit_policy WHERE kind = 'default'").pluck().get()).toBe(182);
    expect(f.sqlite.prepare("SELECT label FROM code_lists WHERE list = 'relation_to_head' ORDER BY sort LIMIT 1").pluck().get()).toBe('户主');
  });

  it('residents: known document types, statuses and genders only; archived, never deleted', () => {
    insertResident(f.sqlite, { id: 'r1', name: '张三', birth: '1950-03-04' });
    expect(() => insertResident(f.sqlite, { id: 'r2', name: '李四', more: { doc_type: '驾驶证' } })).toThrow(/CHECK/);
    expect(() => insertResident(f.sqlite, { id: 'r3', name: '李四', status: '常住' })).toThrow(/CHECK/);
    expect(() => insertResident(f.sqlite, { id: 'r4', name: '李四', more: { gender: 'm' } })).toThrow(/CHECK/);
    expect(run("DELETE FROM residents WHERE id = 'r1'")).toThrow(/never deleted/);
    expect(() => insertResident(f.sqlite, { id: 'r5', name: '王五', more: { household_id: 'no-such-household' } })).toThrow(/FOREIGN KEY/);
  });

  it("visits and a resident's history are append-only; houses of a known use", () => {
    run("INSERT INTO households (id, number, created_at, updated_at) VALUES ('h1', 'H-1', 'now', 'now')")();
    run(
      "INSERT INTO visits (id, household_id, visited_on, visitor_name, outcome, checklist_json, created_at) VALUES ('v1', 'h1', '2026-01-02', '李', 'met', '{}', 'now')",
    )();
    expect(
      run(
        "INSERT INTO visits (id, household_id, visited_on, visitor_name, outcome, checklist_json, created_at) VALUES ('v2', 'h1', '2026-01-02', '李', 'maybe', '{}', 'now')",
      ),
    ).toThrow(/CHECK/);
    expect(run("UPDATE visits SET notes = 'x'")).toThrow(/append-only/);
    expect(run('DELETE FROM visits')).toThrow(/append-only/);
    run("INSERT INTO resident_events (id, resident_id, at, kind, detail_json) VALUES ('e1', 'r1', 'now', 'created', '{}')")();
    expect(run("UPDATE resident_events SET kind = 'updated'")).toThrow(/append-only/);
    expect(run('DELETE FROM resident_events')).toThrow(/append-only/);
    expect(run("INSERT INTO resident_events (id, resident_id, at, kind, detail_json) VALUES ('e2', 'r1', 'now', 'deleted', '{}')")).toThrow(/CHECK/);
  });

  it('every look-up it was for is an index search', () => {
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE name >= ? AND name < ? ORDER BY name, birth_date LIMIT 20', '张', '张\u{10FFFF}')).toMatch(
      /USING INDEX residents_name_birth/,
    );
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE id_tail_rev >= ? AND id_tail_rev < ?', '1234', '1234\u{10FFFF}')).toMatch(
      /USING INDEX residents_id_tail/,
    );
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE phone_last4 = ?', '1234')).toMatch(/USING INDEX residents_phone_last4/);
    expect(planOf(f.sqlite, 'SELECT * FROM residents WHERE household_id = ?', 'h1')).toMatch(/USING INDEX residents_household/);
    expect(planOf(f.sqlite, 'SELECT * FROM houses WHERE address_key = ?', 'k')).toMatch(/USING INDEX houses_address_key/);
    expect(planOf(f.sqlite, 'SELECT * FROM visits WHERE household_id = ? ORDER BY visited_on DESC', 'h1')).toMatch(/USING INDEX visits_household/);
    expect(planOf(f.sqlite, 'SELECT * FROM households WHERE number = ?', 'H-1')).toMatch(/USING INDEX sqlite_autoindex_households/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, planOf, type MigratingFile } from './support';

describe('migration 0001: foundation', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0001_foundation');
  });
  afterAll(() => f.close());
  const run =
    (sql: string, ...params: unknown[]) =>
    () =>
      f.sqlite.prepare(sql).run(...params);
  const audit = (seq: number, area: string, actor: string | null) =>
    run(
      "INSERT INTO audit_log (seq, id, at, actor_id, workstation, action, area, prev_hash, hash) VALUES (?, ?, '2026-01-01', ?, 'desk', 'x.y', ?, 'p', 'h')",
      seq,
      `a${seq}`,
      actor,
      area,
    )();

  it('accounts: user names unique whatever their case, roles as JSON, never deleted', () => {
    const add = (id: string, username: string, roles = '["admin"]') =>
      run(
        "INSERT INTO users (id, username, display_name, password_hash, roles_json, created_at, updated_at) VALUES (?, ?, '王', 'h', ?, 'now', 'now')",
        id,
        username,
        roles,
      );
    add('u1', 'Admin')();
    expect(add('u2', 'admin')).toThrow(/UNIQUE/);
    expect(add('u3', 'clerk', 'not json')).toThrow(/CHECK/);
    expect(run("UPDATE users SET disabled = 2 WHERE id = 'u1'")).toThrow(/CHECK/);
    expect(run("DELETE FROM users WHERE id = 'u1'")).toThrow(/never deleted/);
    // STRICT: a value of the wrong type is refused, not stored as it came.
    expect(run("UPDATE users SET disabled = 'yes' WHERE id = 'u1'")).toThrow(/cannot store TEXT/);
  });

  it('the audit trail is append-only and read through its indexes', () => {
    audit(1, 'community', 'u1');
    audit(2, 'users', null);
    expect(run("UPDATE audit_log SET summary = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(run('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    expect(planOf(f.sqlite, 'SELECT * FROM audit_log WHERE area = ? AND seq < ? ORDER BY seq DESC LIMIT 50', 'users', 10)).toMatch(
      /USING INDEX audit_log_area \(area=\? AND seq<\?\)/,
    );
    expect(planOf(f.sqlite, 'SELECT * FROM audit_log WHERE actor_id = ? ORDER BY seq DESC LIMIT 50', 'u1')).toMatch(
      /USING INDEX audit_log_actor \(actor_id=\?\)/,
    );
    expect(planOf(f.sqlite, 'SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq DESC', 'r1')).toMatch(/USING INDEX audit_log_record/);
    expect(planOf(f.sqlite, 'SELECT * FROM audit_log WHERE at >= ? AND at < ?', 'a', 'b')).toMatch(/USING INDEX audit_log_at/);
    expect(planOf(f.sqlite, 'SELECT * FROM audit_log WHERE area = ? ORDER BY seq DESC LIMIT 50', 'users')).not.toMatch(/TEMP B-TREE/);
  });

  it('settings hold JSON; backups are of known kinds with a size', () => {
    expect(run("INSERT INTO settings (key, value_json, updated_at) VALUES ('k', '{', 'now')")).toThrow(/CHECK/);
    const backup = (kind: string, bytes: number) =>
      run("INSERT INTO backups (id, at, kind, path, bytes, ok, counts_json) VALUES (?, 'now', ?, '/b', ?, 1, '{}')", `${kind}${bytes}`, kind, bytes);
    backup('daily', 10)();
    expect(backup('weekly', 10)).toThrow(/CHECK/);
    expect(backup('manual', -1)).toThrow(/CHECK/);
  });
});

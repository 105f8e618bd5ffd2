import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/main/core/audit/repository';
import { addUser, openTestHall } from '../support/core';

describe('audit trail', () => {
  it('records every write with who, what, before and after', async () => {
    const hall = await openTestHall();
    await addUser(hall, 'clerk1', ['clerk']);
    const profile = await hall.call('community.profile', {});
    await hall.call('community.updateProfile', { ...profile, servicePhone: '0472-1111111' });
    const page = await hall.call('audit.list', { limit: 50 });
    const actions = page.entries.map((e) => e.action);
    expect(actions).toEqual(['community.updateProfile', 'auth.login', 'users.create', 'users.create', 'community.setup']);
    const change = page.entries[0];
    expect(change).toMatchObject({ actorName: '王管理', area: 'community' });
    expect((change.before as { servicePhone: string }).servicePhone).toBe('0472-1234567');
    expect((change.after as { servicePhone: string }).servicePhone).toBe('0472-1111111');
    // The clerk's own sign-in names the clerk.
    expect(page.entries[1]).toMatchObject({ action: 'auth.login', actorName: 'clerk1' });
    await hall.close();
  });

  it("a record's action and area default to the method's name and area; a handler may name others", async () => {
    const hall = await openTestHall();
    const tag = await hall.call('residents.saveTag', { name: '独居', colour: 'grape', sort: 5 });
    await hall.call('reports.run', { name: 'audit', format: 'csv', params: { from: '2026-11-01', to: '2026-11-30' } });
    const [exported, saved] = (await hall.call('audit.list', { limit: 2 })).entries;
    expect(saved).toMatchObject({ action: 'residents.saveTag', area: 'residents', recordType: 'tag', recordId: tag.id });
    expect(exported).toMatchObject({ action: 'reports.export', area: 'reports', recordId: 'audit' });
    await hall.close();
  });

  it('a write rolls back together with its audit record', async () => {
    const hall = await openTestHall();
    const before = (await hall.call('audit.list', { limit: 1 })).total;
    const me = (await hall.call('users.list', { includeDisabled: true }))[0];
    await hall.fail('users.setDisabled', { userId: me.id, disabled: true });
    expect((await hall.call('audit.list', { limit: 1 })).total).toBe(before);
    await hall.close();
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    const hall = await openTestHall();
    const raw = hall.core.services.sqlite;
    expect(() => raw.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await hall.close();
  });

  it('the hash chain verifies, and a tampered record is found by number', async () => {
    const hall = await openTestHall();
    await addUser(hall, 'clerk1', ['clerk']);
    expect(await hall.call('audit.verify', {})).toEqual([
      expect.objectContaining({ chain: 'audit', ok: true, count: 4, firstBroken: null }),
      expect.objectContaining({ chain: 'charity', ok: true, count: 0, firstBroken: null }),
    ]);
    const raw = hall.core.services.sqlite;
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor_name = '别人' WHERE seq = 2").run();
    const verdict = verifyAuditChain(raw);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toEqual({ seq: 2, reason: 'hash_mismatch' });
    await hall.close();
  });

  it('pages by sequence number and filters by user, area and date', async () => {
    const hall = await openTestHall();
    for (let i = 0; i < 12; i++) await hall.call('auth.lock', {}).then(() => hall.call('auth.unlock', { password: 'admin-pass-2026' }));
    const first = await hall.call('audit.list', { limit: 10 });
    expect(first.total).toBe(26);
    expect(first.entries).toHaveLength(10);
    const second = await hall.call('audit.list', { limit: 10, beforeSeq: first.nextBeforeSeq! });
    expect(second.entries[0].seq).toBe(first.entries[9].seq - 1);
    const third = await hall.call('audit.list', { limit: 10, beforeSeq: second.nextBeforeSeq! });
    expect(third.entries).toHaveLength(6);
    expect(third.nextBeforeSeq).toBeNull();
    expect((await hall.call('audit.list', { limit: 50, area: 'community' })).total).toBe(1);
    const admin = (await hall.call('users.list', { includeDisabled: true }))[0];
    expect((await hall.call('audit.list', { limit: 50, userId: admin.id })).total).toBe(26);
    // The test clock is 2026-11-22T02:00Z, which is 10:00 that day in Shanghai.
    expect((await hall.call('audit.list', { limit: 50, from: '2026-11-22', to: '2026-11-22' })).total).toBe(26);
    expect((await hall.call('audit.list', { limit: 50, from: '2026-11-23', to: '2026-11-30' })).total).toBe(0);
    expect(await hall.call('audit.areas', {})).toEqual(['auth', 'community', 'users']);
    await hall.close();
  });

  it('its list queries use the indexes', async () => {
    const hall = await openTestHall();
    const plan = (sql: string, ...args: unknown[]) =>
      (hall.core.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM audit_log WHERE actor_id = ? AND seq < ? ORDER BY seq DESC LIMIT 50', 'x', 100)).toContain('USING INDEX audit_log_actor');
    expect(plan('SELECT * FROM audit_log WHERE area = ? ORDER BY seq DESC LIMIT 50', 'auth')).toContain('USING INDEX audit_log_area');
    expect(plan('SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq DESC LIMIT 50', 'x')).toContain('USING INDEX audit_log_record');
    expect(plan('SELECT * FROM audit_log WHERE area = ? ORDER BY seq DESC LIMIT 50', 'auth')).not.toContain('TEMP B-TREE');
    await hall.close();
  });
});

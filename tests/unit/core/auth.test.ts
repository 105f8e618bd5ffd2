import { describe, expect, it } from 'vitest';
import { addUser, adminPassword, openTestHall } from '../support/core';

describe('first run and sign-in', () => {
  it('a fresh file needs setup; setup creates the profile and the administrator, once', async () => {
    const hall = await openTestHall({ setUp: false });
    expect(await hall.call('auth.status', {}, null)).toMatchObject({ needsSetup: true, communityName: null });
    const s = await hall.call(
      'auth.setup',
      {
        community: { communityName: '和平社区', unitName: '和平社区居民委员会' },
        admin: { username: 'boss', displayName: '李主任', password: 'long-enough-1' },
      },
      null,
    );
    expect(s.user).toMatchObject({ username: 'boss', roles: ['admin'] });
    expect(await hall.call('auth.status', {}, null)).toMatchObject({ needsSetup: false, communityName: '和平社区' });
    const again = await hall.fail(
      'auth.setup',
      { community: { communityName: '别的社区', unitName: '别的' }, admin: { username: 'x2', displayName: 'x', password: 'long-enough-1' } },
      null,
    );
    expect(again.code).toBe('auth.already_set_up');
    await hall.close();
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const hall = await openTestHall();
    const row = hall.core.services.sqlite.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(adminPassword);
    await hall.close();
  });

  it('refuses a wrong password and records the failure', async () => {
    const hall = await openTestHall();
    const err = await hall.fail('auth.login', { username: 'admin', password: 'wrong-password' }, null);
    expect(err.code).toBe('auth.bad_credentials');
    const rows = hall.core.services.sqlite.prepare("SELECT action, summary FROM audit_log WHERE action = 'auth.login_failed'").all();
    expect(rows).toEqual([{ action: 'auth.login_failed', summary: 'admin' }]);
    await hall.close();
  });

  it('after 5 failures the next attempt must wait 30 s, even with the right password', async () => {
    const hall = await openTestHall();
    for (let i = 0; i < 5; i++) expect((await hall.fail('auth.login', { username: 'admin', password: 'nope' }, null)).code).toBe('auth.bad_credentials');
    const throttled = await hall.fail('auth.login', { username: 'admin', password: adminPassword }, null);
    expect(throttled).toMatchObject({ code: 'auth.throttled', params: { seconds: 30 } });
    hall.clock.advance(29_000);
    expect((await hall.fail('auth.login', { username: 'admin', password: adminPassword }, null)).params).toEqual({ seconds: 1 });
    hall.clock.advance(1_000);
    const ok = await hall.call('auth.login', { username: 'ADMIN', password: adminPassword }, null);
    expect(ok.user.username).toBe('admin');
    await hall.close();
  });

  it('locks an idle session, keeps it, and unlocks with the password', async () => {
    const hall = await openTestHall();
    expect((await hall.call('auth.session', {})).idleLockMinutes).toBe(10);
    hall.clock.advance(10 * 60_000 + 1);
    expect((await hall.fail('users.list', {})).code).toBe('auth.locked');
    expect((await hall.fail('auth.unlock', { password: 'wrong' })).code).toBe('auth.bad_credentials');
    await hall.call('auth.unlock', { password: adminPassword });
    expect(await hall.call('users.list', { includeDisabled: true })).toHaveLength(1);
    await hall.call('auth.lock', {});
    expect((await hall.fail('community.profile', {})).code).toBe('auth.locked');
    await hall.call('auth.logout', {});
    expect((await hall.fail('community.profile', {})).code).toBe('auth.no_session');
    await hall.close();
  });

  it('a session is checked without the database, so cancel gets through while a long job holds it', async () => {
    const hall = await openTestHall();
    await hall.call('auth.session', {});
    const answered = await hall.core.services.db.connection().execute(async () => {
      // The connection is held here, as an import holds it; a cancel must still be answered.
      const r = await Promise.race([
        hall.core.call({ method: 'reports.cancel', input: { jobId: 'x' }, sessionToken: hall.adminToken }),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 2_000)),
      ]);
      return r;
    });
    expect(answered).toEqual({ ok: true, value: null });
    await hall.close();
  });

  it('the idle time follows the settings', async () => {
    const hall = await openTestHall();
    await hall.call('community.updateSettings', { idleLockMinutes: 2, timeZone: 'Asia/Shanghai', backupKeep: { daily: 7, weekly: 4, monthly: 12 } });
    hall.clock.advance(2 * 60_000 + 1);
    expect((await hall.fail('community.profile', {})).code).toBe('auth.locked');
    await hall.close();
  });

  it('changes the own password: the old one stops working', async () => {
    const hall = await openTestHall();
    expect((await hall.fail('auth.changePassword', { currentPassword: 'wrong', newPassword: 'brand-new-pass' })).fields).toEqual({
      currentPassword: 'auth.bad_credentials',
    });
    await hall.call('auth.changePassword', { currentPassword: adminPassword, newPassword: 'brand-new-pass' });
    expect((await hall.fail('auth.login', { username: 'admin', password: adminPassword }, null)).code).toBe('auth.bad_credentials');
    await hall.call('auth.login', { username: 'admin', password: 'brand-new-pass' }, null);
    await hall.close();
  });
});

describe('accounts and roles', () => {
  it('the administrator creates, re-roles, disables and resets; nothing is deleted', async () => {
    const hall = await openTestHall();
    const clerk = await addUser(hall, 'clerk1', ['clerk']);
    expect((await hall.fail('users.create', { username: 'clerk1', displayName: 'x', password: 'Desk-pass-7391', roles: ['clerk'] })).code).toBe(
      'users.username_taken',
    );
    const list = await hall.call('users.list', { includeDisabled: true });
    const id = list.find((u) => u.username === 'clerk1')!.id;

    expect((await hall.fail('users.list', {}, clerk)).code).toBe('auth.forbidden');
    await hall.call('users.setRoles', { userId: id, roles: ['clerk', 'auditor'] });
    // The new role applies to the session the clerk already has.
    expect((await hall.call('audit.list', { limit: 5 }, clerk)).entries.length).toBeGreaterThan(0);

    await hall.call('users.setDisabled', { userId: id, disabled: true });
    expect((await hall.fail('community.profile', {}, clerk)).code).toBe('auth.no_session');
    expect((await hall.fail('auth.login', { username: 'clerk1', password: 'user-pass-2026' }, null)).code).toBe('auth.account_disabled');
    await hall.call('users.setDisabled', { userId: id, disabled: false });
    await hall.call('users.resetPassword', { userId: id, newPassword: 'reset-pass-99' });
    await hall.call('auth.login', { username: 'clerk1', password: 'reset-pass-99' }, null);

    const raw = hall.core.services.sqlite;
    expect(() => raw.prepare('DELETE FROM users WHERE id = ?').run(id)).toThrow(/never deleted/);
    await hall.close();
  });

  it('the last active administrator cannot be disabled or lose the role', async () => {
    const hall = await openTestHall();
    const me = (await hall.call('users.list', { includeDisabled: true }))[0];
    expect((await hall.fail('users.setDisabled', { userId: me.id, disabled: true })).code).toBe('users.last_admin');
    expect((await hall.fail('users.setRoles', { userId: me.id, roles: ['clerk'] })).code).toBe('users.last_admin');
    await hall.close();
  });

  it('an auditor reads the audit trail and changes nothing', async () => {
    const hall = await openTestHall();
    const auditor = await addUser(hall, 'auditor1', ['auditor']);
    expect((await hall.call('audit.list', { limit: 10 }, auditor)).total).toBeGreaterThan(0);
    for (const [method, input] of [
      ['users.create', { username: 'zz', displayName: 'z', password: 'Desk-pass-7391', roles: ['clerk'] }],
      ['community.updateSettings', { idleLockMinutes: 5, timeZone: 'Asia/Shanghai', backupKeep: { daily: 7, weekly: 4, monthly: 12 } }],
      ['backups.restore', { path: '/tmp/x.sqlite' }],
    ] as const) {
      expect((await hall.fail(method, input, auditor)).code).toBe('auth.forbidden');
    }
    await hall.close();
  });
});

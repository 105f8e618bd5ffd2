import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindIpc, CALL_CHANNEL } from '../../../src/main/electron/ipc-binding';
import { isAppUrl } from '../../../src/main/electron/security';
import { APP_PAGE, coreWithUsers, FakeIpcMain, type CoreFixture } from './fixtures';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; fields?: Record<string, string>; params?: Record<string, unknown> } };

describe('bindIpc (the contract over IPC, against a real SQLite file)', () => {
  let fx: CoreFixture;
  const ipc = new FakeIpcMain();
  let unbind: () => void;
  const call = (payload: unknown, url: string | null = APP_PAGE) => ipc.invoke(CALL_CHANNEL, url, payload) as Promise<Reply>;

  beforeAll(async () => {
    fx = await coreWithUsers();
    unbind = bindIpc(ipc, fx.core, isAppUrl);
  });
  afterAll(async () => {
    unbind?.();
    await fx?.close();
  });

  it('registers exactly one handler, on the call channel', () => {
    expect([...ipc.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('answers a good call with its value', async () => {
    const r = await call({ method: 'auth.session', input: {}, sessionToken: fx.adminToken });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { user: { username: string } }).user.username).toBe('admin');
  });

  it('refuses an unknown method', async () => {
    const r = await call({ method: 'db.exec', input: { sql: 'DROP TABLE users' }, sessionToken: fx.adminToken });
    expect(r).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
  });

  it('refuses a payload that is not a call at all', async () => {
    for (const payload of [undefined, null, 'users.list', 42, { input: {} }]) {
      const r = await ipc.invoke(CALL_CHANNEL, APP_PAGE, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
    }
  });

  it('refuses malformed input with field errors', async () => {
    const r = await call({ method: 'users.create', input: { username: 'x', displayName: '', password: 'short', roles: [] }, sessionToken: fx.adminToken });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('contract.invalid_input');
    expect(Object.keys(r.error.fields ?? {})).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'roles']));
    expect(r.error.fields?.password).toBe('auth.password_short');
    expect(r.error.fields?.roles).toBe('users.role_required');
  });

  it('refuses a call without a session, or with a made-up one', async () => {
    expect(await call({ method: 'users.list', input: {} })).toMatchObject({ ok: false, error: { code: 'auth.no_session' } });
    expect(await call({ method: 'users.list', input: {}, sessionToken: 'not-a-real-token' })).toMatchObject({ ok: false, error: { code: 'auth.no_session' } });
    expect(await call({ method: 'users.list', input: {}, sessionToken: 12345 })).toMatchObject({ ok: false, error: { code: 'auth.no_session' } });
  });

  it('refuses a clerk listing users (users.manage)', async () => {
    const r = await call({ method: 'users.list', input: {}, sessionToken: fx.clerkToken });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.forbidden', params: { permission: 'users.manage' } } });
    expect((await call({ method: 'users.list', input: {}, sessionToken: fx.adminToken })).ok).toBe(true);
  });

  it('refuses calls from any frame that is not the app, even with an admin session', async () => {
    for (const url of ['file:///tmp/evil.html', 'http://127.0.0.1:5173/', 'https://example.org/', 'app://evil/index.html', 'about:blank', '', null]) {
      const r = await call({ method: 'users.list', input: {}, sessionToken: fx.adminToken }, url);
      expect(r, String(url)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    }
  });

  it('unbinds', () => {
    const other = new FakeIpcMain();
    const off = bindIpc(other, fx.core, isAppUrl);
    off();
    expect(other.handlers.size).toBe(0);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../src/main/core/app';
import type { Input, MethodName, Output } from '../../../src/shared/contract';
import type { ErrorPayload } from '../../../src/shared/errors';
import type { PdfRenderer } from '../../../src/main/core/reports/model';
import type { WorkerEntries, WorkerEntry } from '../../../src/main/core/context';

/**
 * A worker thread's TypeScript source, run as it is (the bundle has the built file): the resolve hook
 * lets its extensionless imports find .ts files, and Node strips the types.
 */
export function sourceWorker(source: string): WorkerEntry {
  const root = path.resolve(import.meta.dirname, '../../..');
  const hook = path.join(root, 'tests/fixtures/node/register-ts.mjs');
  return { path: path.join(root, source), execArgv: ['--import', hook, '--experimental-transform-types', '--disable-warning=ExperimentalWarning'] };
}

export function tempDir(prefix = 'linli-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock the test moves by hand: idle locks and throttles without waiting. */
export class TestClock {
  constructor(public t = Date.parse('2026-11-22T02:00:00Z')) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

/** Tests that do not print never reach Chromium; this makes that explicit if one tries. */
export const noPdf: PdfRenderer = {
  renderPdf: async () => {
    throw new Error('this test does not render PDFs');
  },
  close: async () => {},
};

export const adminPassword = 'admin-pass-2026';

export interface TestHall {
  core: Core;
  dir: string;
  dbPath: string;
  clock: TestClock;
  adminToken: string;
  /** Calls a method and returns its value, or throws with the error payload. */
  call<M extends MethodName>(method: M, input: Input<M>, token?: string | null): Promise<Output<M>>;
  /** Calls a method that must fail; returns the error payload. */
  fail<M extends MethodName>(method: M, input: unknown, token?: string | null): Promise<ErrorPayload>;
  close(): Promise<void>;
}

/** A real Linli file in a temp folder, set up with a community and an administrator. */
export async function openTestHall(opts: { pdf?: PdfRenderer; setUp?: boolean; workers?: WorkerEntries } = {}): Promise<TestHall> {
  const dir = tempDir();
  const dbPath = path.join(dir, 'linli.sqlite');
  const clock = new TestClock();
  const core = await createCore({ databasePath: dbPath, workstation: 'desk-1', pdf: opts.pdf ?? noPdf, now: clock.now, workers: opts.workers });
  const hall: TestHall = {
    core,
    dir,
    dbPath,
    clock,
    adminToken: '',
    async call(method, input, token = hall.adminToken) {
      const r = await core.call({ method, input, sessionToken: token });
      if (!r.ok) throw Object.assign(new Error(`${method} failed: ${r.error.code} ${r.error.message}`), { payload: r.error });
      return r.value as never;
    },
    async fail(method, input, token = hall.adminToken) {
      const r = await core.call({ method, input, sessionToken: token });
      if (r.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(r.value)}`);
      return r.error;
    },
    close: () => core.close(),
  };
  if (opts.setUp !== false) {
    const s = await hall.call(
      'auth.setup',
      {
        community: {
          communityName: '幸福社区居民委员会',
          streetOffice: '青山路街道',
          unitName: '幸福社区居民委员会',
          address: '青山区幸福路1号',
          servicePhone: '0472-1234567',
          complaintPhone: '0472-7654321',
          sealImage: null,
        },
        admin: { username: 'admin', displayName: '王管理', password: adminPassword },
      },
      null,
    );
    hall.adminToken = s.token;
  }
  return hall;
}

export async function addUser(hall: TestHall, username: string, roles: Input<'users.create'>['roles'], password = 'user-pass-2026') {
  await hall.call('users.create', { username, displayName: username, password, roles });
  const s = await hall.call('auth.login', { username, password }, null);
  return s.token;
}

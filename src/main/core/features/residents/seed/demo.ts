import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { Core } from '../../../app';
import type { SessionInfo } from '../../../../../shared/contract/auth';
import { AppError } from '../../../../../shared/errors';
import { seedResidents, type SeedResult } from './seed';
import { seedCharity } from '../../charity/seed';

export const DEMO_USERNAME = 'admin';
export const DEMO_RESIDENTS = 3000;

export interface DemoResult {
  username: string;
  password: string;
  credentialsFile: string;
  seed: SeedResult;
}

/** Where the demo's sign-in is written: beside the database, readable only by its owner. */
export function demoCredentialsFile(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'demo-credentials.txt');
}

/** 14 characters from an alphabet without look-alikes (no 0/O, 1/l/I), in groups for reading aloud. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${pick(4)}-${pick(4)}-${pick(4)}`;
}

/**
 * Turns a brand-new database into a demo: a community profile, an administrator with a generated
 * password (written to demo-credentials.txt, mode 0600), and a seeded neighbourhood. Refuses a file
 * that is already set up: demo data never goes into real records.
 */
export async function createDemo(core: Core, opts: { residents?: number; seed?: string } = {}): Promise<DemoResult> {
  const status = await core.call({ method: 'auth.status', input: {}, sessionToken: null });
  if (!status.ok) throw new AppError(status.error.code, status.error.message);
  if (!(status.value as { needsSetup: boolean }).needsSetup) throw new AppError('residents.demo_not_new', 'Demo data only goes into a new, empty database');

  const password = generatePassword();
  const setup = await core.call({
    method: 'auth.setup',
    input: {
      community: {
        communityName: '幸福社区（演示）',
        streetOffice: '青山路街道办事处',
        unitName: '幸福社区居民委员会',
        address: '内蒙古自治区包头市青山区幸福路1号',
        servicePhone: '0472-5123456',
        complaintPhone: '0472-5123400',
      },
      admin: { username: DEMO_USERNAME, displayName: '演示管理员', password },
    },
    sessionToken: null,
  });
  if (!setup.ok) throw new AppError(setup.error.code, setup.error.message, { params: setup.error.params, fields: setup.error.fields });
  const session = setup.value as SessionInfo;
  await core.call({ method: 'auth.logout', input: {}, sessionToken: session.token });

  const credentialsFile = demoCredentialsFile(core.services.paths.database);
  fs.writeFileSync(
    credentialsFile,
    [
      '邻里（Linli）演示数据 / demo data',
      `数据文件 / database: ${core.services.paths.database}`,
      `用户名 / user name: ${DEMO_USERNAME}`,
      `密码 / password: ${password}`,
      '首次登录后请在“修改密码”中换成自己的密码。/ Change the password after signing in.',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  fs.chmodSync(credentialsFile, 0o600);

  const seed = await seedResidents(core.services, {
    residents: opts.residents ?? DEMO_RESIDENTS,
    seed: opts.seed ?? 'demo',
    actor: { id: session.user.id, name: session.user.displayName },
  });
  await seedCharity(core.services, { seed: opts.seed ?? 'demo' });
  return { username: DEMO_USERNAME, password, credentialsFile, seed };
}

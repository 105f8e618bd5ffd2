import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../../src/main/core/app';
import { linli, tempDir } from '../cli/run-cli';
import { addUser, adminPassword, noPdf, openTestHall } from '../support/core';

describe('the field key travels apart from the backups', () => {
  it('an administrator exports it to another folder, owner-only, audited; never beside the data, never over a file', async () => {
    const hall = await openTestHall();
    const stick = path.join(tempDir(), 'key-stick');
    const { path: written } = await hall.call('backups.exportKey', { folder: stick });
    expect(written).toBe(path.join(stick, 'linli.key'));
    expect(fs.readFileSync(written, 'utf8')).toBe(fs.readFileSync(path.join(hall.dir, 'linli.key'), 'utf8'));
    expect((fs.statSync(written).mode & 0o777).toString(8)).toBe('600');
    const audit = await hall.call('audit.list', { limit: 3, action: 'backups.exportKey' });
    expect(audit.entries[0]).toMatchObject({ action: 'backups.exportKey', summary: written });

    expect((await hall.fail('backups.exportKey', { folder: stick })).code).toBe('backups.key_exists');
    expect((await hall.fail('backups.exportKey', { folder: hall.core.services.paths.backupFolder })).code).toBe('backups.key_beside_data');
    const usb = path.join(tempDir(), 'usb');
    await hall.call('backups.run', { folder: usb });
    expect((await hall.fail('backups.exportKey', { folder: usb })).code).toBe('backups.key_beside_data');

    const clerk = await addUser(hall, 'clerk1', ['clerk']);
    expect((await hall.fail('backups.exportKey', { folder: path.join(tempDir(), 'x') }, clerk)).code).toBe('auth.forbidden');
    await hall.close();
  });

  it('`linli backup --out` says the key is not in the backup; `--export-key` exports it', async () => {
    const hall = await openTestHall();
    await hall.close();
    const usb = path.join(tempDir(), 'usb');
    const backup = await linli(['backup', '--db', hall.dbPath, '--user', 'admin', '--out', usb], `${adminPassword}\n`);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('不含密钥文件 linli.key');
    const key = await linli(['backup', '--db', hall.dbPath, '--user', 'admin', '--export-key', path.join(tempDir(), 'keys')], `${adminPassword}\n`);
    expect(key.code, key.stderr).toBe(0);
    expect(key.stdout).toContain('字段密钥已导出');
  });

  it('a restore on a machine without the key says what is missing, and nothing is shown or saved with a wrong key', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', {});
    await hall.close();

    // Another computer: the backup arrives, the key does not.
    const other = tempDir();
    const db = path.join(other, 'linli.sqlite');
    const run = await linli(['restore', '--db', db, '--from', rec.path, '--user', 'admin'], `${adminPassword}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('另一台电脑上的密钥');

    const core = await createCore({ databasePath: db, pdf: noPdf });
    const login = await core.call({ method: 'auth.login', input: { username: 'admin', password: adminPassword }, sessionToken: null });
    const token = (login as { ok: true; value: { token: string } }).value.token;
    const status = await core.call({ method: 'backups.status', input: {}, sessionToken: token });
    expect(status).toMatchObject({ ok: true, value: { fieldKey: { matches: false, file: path.join(other, 'linli.key') } } });
    expect(() => core.services.secrets.encrypt('110101199003070011')).toThrow(expect.objectContaining({ code: 'crypto.key_missing' }));
    await core.close();

    // With the key put in place, all is well.
    fs.copyFileSync(path.join(hall.dir, 'linli.key'), path.join(other, 'linli.key'));
    const fixed = await createCore({ databasePath: db, pdf: noPdf });
    expect(fixed.services.fieldKey.state.mismatch).toBe(false);
    await fixed.close();
  });
});

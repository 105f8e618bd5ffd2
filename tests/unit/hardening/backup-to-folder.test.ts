import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { addUser, openTestHall } from '../support/core';

describe('a backup to a chosen folder', () => {
  it('is an administrator’s act: a clerk, treasurer or secretary may back up only to the usual folder', async () => {
    const hall = await openTestHall();
    const usb = path.join(hall.dir, 'usb');
    for (const role of ['clerk', 'treasurer', 'secretary'] as const) {
      const token = await addUser(hall, `${role}1`, [role]);
      const refused = await hall.fail('backups.run', { folder: usb }, token);
      expect(refused).toMatchObject({ code: 'auth.forbidden', params: { permission: 'backups.to_folder' } });
      expect((await hall.call('backups.run', {}, token)).ok).toBe(true);
    }
    expect(fs.existsSync(usb)).toBe(false);
    await hall.close();
  });

  it('is audited with the folder and the path of the copy', async () => {
    const hall = await openTestHall();
    const usb = path.join(hall.dir, 'usb', '..', 'usb2');
    const record = await hall.call('backups.run', { folder: usb });
    expect(record.ok).toBe(true);
    expect(path.dirname(record.path)).toBe(path.resolve(usb));
    const audit = await hall.call('audit.list', { limit: 5 });
    const made = audit.entries.find((e) => e.action === 'backups.made')!;
    expect(JSON.stringify(made)).toContain(path.resolve(usb));
    await hall.close();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { areas } from '../../../src/shared/contract';
import type { PushEvent } from '../../../src/shared/contract/events';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { idFor, residentInput } from '../residents/fixture';
import { csv, preview, runJob } from '../../fixtures/residents/support';

let hall: TestHall;
let heard: PushEvent[];
let stop: () => void;

beforeEach(async () => {
  hall = await openTestHall();
  heard = [];
  stop = hall.core.services.events.subscribe((e) => e.name === 'data.changed' && heard.push(e));
});
afterEach(async () => {
  stop();
  await hall.close();
});

const changes = () => heard.map((e) => e.payload);

describe('data.changed after writes', () => {
  it('a write sends one event for its area, to every session, once the row can be read from another connection', async () => {
    // Another window or workstation reads the file through its own connection: it must already see the row.
    const reader = new SqliteDatabase(hall.dbPath, { readonly: true });
    const seenByReader: unknown[] = [];
    const watch = hall.core.services.events.subscribe((e) => {
      if (e.name === 'data.changed') seenByReader.push(reader.prepare("SELECT name FROM grids WHERE code = 'W01'").get());
    });
    await hall.call('residents.saveGrid', { code: 'W01', name: '第一网格' });
    watch();
    reader.close();

    expect(heard).toEqual([{ name: 'data.changed', payload: { area: 'residents' }, sessionToken: undefined }]);
    expect(seenByReader).toEqual([{ name: '第一网格' }]);
  });

  it('each area hears of its own writes', async () => {
    await hall.call('users.create', { username: 'clerk1', displayName: '李窗口', password: 'clerk-pass-2026', roles: ['clerk'] });
    await hall.call('community.updateSettings', { idleLockMinutes: 15, timeZone: 'Asia/Shanghai', backupKeep: { daily: 7, weekly: 4, monthly: 12 } });
    expect(changes()).toEqual([{ area: 'users' }, { area: 'community' }]);
  });

  it('reads send nothing', async () => {
    await hall.call('residents.list', {});
    await hall.call('users.list', { includeDisabled: true });
    await hall.call('audit.list', { limit: 5 });
    expect(heard).toEqual([]);
  });

  it('a failed write sends nothing: refused input, a rule broken inside the transaction, a missing permission', async () => {
    const r = await hall.call('residents.create', residentInput({ name: '陈已故', idNumber: idFor('1950-01-01', 21) }));
    await hall.call('residents.recordDeath', { id: r.id, on: '2026-11-01' });
    heard.length = 0;

    expect((await hall.fail('residents.create', { name: '' })).code).toBe('contract.invalid_input');
    // Rolled back: the rule is checked inside the write's transaction.
    expect((await hall.fail('residents.recordDeath', { id: r.id, on: '2026-11-02' })).code).toBe('residents.already_archived');
    const auditor = await addUser(hall, 'auditor1', ['auditor']);
    heard.length = 0;
    expect((await hall.fail('residents.saveGrid', { code: 'W02', name: '第二网格' }, auditor)).code).toBe('auth.forbidden');

    expect(heard).toEqual([]);
  });

  it('an import sends one event when its job has committed, not when the call that started it returns', async () => {
    const p = await preview(
      hall,
      '居民.csv',
      csv([
        ['姓名', '身份证号', '人员类型'],
        ['郑十', idFor('1960-02-02', 31), '户籍'],
        ['王十一', '110105196002020000', '户籍'],
      ]),
    );
    expect(p.counts).toMatchObject({ add: 1, reject: 1 });
    // All or nothing with a refused row: the call fails before any job starts.
    expect((await hall.fail('residents.importCommit', { importId: p.importId, mode: 'all_or_nothing' })).code).toBe('import.has_rejects');
    expect(heard).toEqual([]);

    let heardAtReturn = -1;
    const end = await runJob(hall, async () => {
      const started = await hall.call('residents.importCommit', { importId: p.importId, mode: 'valid_rows' });
      heardAtReturn = heard.length;
      return started;
    });
    expect(heardAtReturn).toBe(0);
    expect(end.done?.summary).toMatchObject({ added: 1, rejected: 1 });
    expect(changes()).toEqual([{ area: 'residents' }]);
  });

  it('a backup sends one event for the backups area, after its record is written', async () => {
    const rec = await hall.call('backups.run', {});
    expect(rec.ok).toBe(true);
    expect(changes()).toEqual([{ area: 'backups' }]);
  });

  it('a restore tells every area, since another file is open afterwards', async () => {
    const rec = await hall.call('backups.run', {});
    heard.length = 0;
    await hall.call('backups.restore', { path: rec.path });
    // The copy saved before the restore is itself a backup; then every area, each once.
    expect(changes()).toEqual([{ area: 'backups' }, ...areas.map((area) => ({ area }))]);
  });

  it('a listener that throws does not fail a committed write, nor keep the others from hearing', async () => {
    const broken = hall.core.services.events.subscribe(() => {
      throw new Error('window closed mid-send');
    });
    const late: unknown[] = [];
    const after = hall.core.services.events.subscribe((e) => late.push(e.payload));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const grid = await hall.call('residents.saveGrid', { code: 'W03', name: '第三网格' });
      expect(grid.name).toBe('第三网格');
      expect(late).toEqual([{ area: 'residents' }]);
      expect(logged).toHaveBeenCalledWith('[linli] could not deliver data.changed:', expect.any(Error));
    } finally {
      logged.mockRestore();
      broken();
      after();
    }
  });
});

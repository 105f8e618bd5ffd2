import { describe, expect, it } from 'vitest';
import type { PushEvent, EventMap } from '../../../src/shared/contract/events';
import { eventFor } from '../../../src/main/core/event-filter';
import { addUser, openTestHall } from '../support/core';

describe('a backup while it runs', () => {
  it('is announced, shown by backups.status for as long as it runs, and gone once it finished', async () => {
    const hall = await openTestHall();
    try {
      const heard: PushEvent[] = [];
      const during: unknown[] = [];
      const off = hall.core.services.events.subscribe((e) => {
        if (e.name !== 'backup.started' && e.name !== 'backup.finished') return;
        heard.push(e);
        // Asked while it runs (as a screen opened meanwhile would), and again as soon as it is heard finished.
        void hall.call('backups.status', {}).then((s) => during.push({ after: e.name, running: s.running }));
      });
      const record = await hall.call('backups.run', {});
      await new Promise((r) => setTimeout(r, 100));
      off();
      expect(record.ok).toBe(true);
      expect(heard.map((e) => e.name)).toEqual(['backup.started', 'backup.finished']);
      const started = heard[0].payload as EventMap['backup.started'];
      expect(started.kind).toBe('manual');
      expect(Date.parse(started.startedAt)).toBeLessThanOrEqual(Date.parse(record.at) + 1);
      expect(during).toEqual([
        { after: 'backup.started', running: started },
        { after: 'backup.finished', running: null },
      ]);
      expect((await hall.call('backups.status', {})).running).toBeNull();
    } finally {
      await hall.close();
    }
  });

  it('is heard by every signed-in session (backups.status is anyone’s), as backup.finished is', async () => {
    const hall = await openTestHall();
    try {
      const clerk = await addUser(hall, 'clerk1', ['clerk']);
      const event: PushEvent<'backup.started'> = { name: 'backup.started', payload: { kind: 'startup', startedAt: new Date().toISOString() } };
      const permissions = hall.core.sessionPermissions(clerk)!;
      expect(eventFor(event, clerk, permissions)).toBe(true);
      expect(eventFor({ ...event, sessionToken: 'another' }, clerk, permissions)).toBe(false);
    } finally {
      await hall.close();
    }
  });

  it('two at once: the longest running one is shown until both are done', async () => {
    const hall = await openTestHall();
    try {
      const runs = [hall.call('backups.run', {}), hall.call('backups.run', {})];
      const first = await Promise.race(runs);
      expect(first.ok).toBe(true);
      await Promise.all(runs);
      expect((await hall.call('backups.status', {})).running).toBeNull();
    } finally {
      await hall.close();
    }
  });
});

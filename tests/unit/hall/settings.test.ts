import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src/shared/contract';
import { allReceived, pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// 窗口规则: the hall's reply, follow-up and due-soon limits, on Monday 2026-11-23 (no holiday until 2027-01-01,
// so working days are the weekdays). Each test builds on the one before: the rules start at their defaults.

let f: TicketsHall;
beforeAll(async () => {
  f = await ticketsHall();
}, 120_000);
afterAll(() => f.hall.close());

const complaint: Input<'hall.register'> = { kind: 'complaint', outcome: 'accept', applicantName: '赵大姐', summary: '楼道灯坏了一个月没人修' };

function settingsAudits() {
  return f.hall.core.services.sqlite
    .prepare("SELECT action, area, record_type, actor_name, before_json, after_json FROM audit_log WHERE record_type = 'hall_settings' ORDER BY seq")
    .all() as { action: string; area: string; record_type: string; actor_name: string; before_json: string; after_json: string }[];
}

async function poorRating(): Promise<string | null> {
  const t = await f.hall.call('hall.register', pensionApplication(f), f.clerk);
  const rated = await f.hall.call('hall.rate', { id: t.id, level: 1, comment: '等了一上午' }, f.clerk);
  return rated.rating!.followUpDueOn;
}

describe('the hall settings (窗口规则)', () => {
  it('are 5, 1 and 2 working days until a hall saves its own, and the counter counts with them', async () => {
    expect(await f.hall.call('hall.settings', {}, f.gridWorker)).toEqual({ replyWorkingDays: 5, followUpWorkingDays: 1, dueSoonWorkingDays: 2 });
    const t = await f.hall.call('hall.register', complaint, f.clerk);
    expect(t.dueOn).toBe('2026-11-30');
    expect(await poorRating()).toBe('2026-11-24');
  });

  it('a saved reply limit changes a complaint’s due date; a named service keeps its own limit', async () => {
    await f.hall.call('hall.saveSettings', { replyWorkingDays: 10, followUpWorkingDays: 1, dueSoonWorkingDays: 2 });
    const t = await f.hall.call('hall.register', complaint, f.clerk);
    expect(t.dueOn).toBe('2026-12-07');
    const later = await f.hall.call('hall.register', { kind: 'enquiry', outcome: 'accept', applicantName: '钱师傅', summary: '低保怎么申请' }, f.clerk);
    expect(later.dueOn).toBe('2026-12-07');
    const about = await f.hall.call('hall.register', { ...complaint, serviceId: f.pension.id }, f.clerk);
    expect(about.dueOn).toBe('2026-11-30');
  });

  it('a saved follow-up limit changes a 差评’s follow-up day, counted from the next working day', async () => {
    await f.hall.call('hall.saveSettings', { replyWorkingDays: 10, followUpWorkingDays: 3, dueSoonWorkingDays: 2 });
    expect(await poorRating()).toBe('2026-11-26');
    await setToday(f.hall, '2026-11-27'); // a Friday: three working days on is Wednesday
    expect(await poorRating()).toBe('2026-12-02');
    await setToday(f.hall, '2026-11-23', f.gridWorker);
  });

  it('a saved due-soon window changes the board’s due-soon list and count', async () => {
    const today = await f.hall.call('hall.register', pensionApplication(f, { serviceId: f.elderCard.id, received: allReceived(f.elderCard) }), f.clerk);
    expect(today.dueOn).toBe('2026-11-23');
    const dueSoon = async () => {
      const board = await f.hall.call('hall.supervision', {}, f.gridWorker);
      expect(board.counts.dueSoon).toBe(board.dueSoon.length);
      // The board says which window it counted with, so the screen's words follow the rule.
      expect(board.dueSoonWorkingDays).toBe((await f.hall.call('hall.settings', {})).dueSoonWorkingDays);
      return [...new Set(board.dueSoon.map((r) => r.dueOn))];
    };
    // Two working days: today, Tuesday and Wednesday; the tickets due 11-26 (3 working days) are not yet soon.
    expect(await dueSoon()).toEqual(['2026-11-23']);
    await f.hall.call('hall.saveSettings', { replyWorkingDays: 10, followUpWorkingDays: 3, dueSoonWorkingDays: 5 });
    expect(await dueSoon()).toEqual(['2026-11-23', '2026-11-30']);
    await f.hall.call('hall.saveSettings', { replyWorkingDays: 10, followUpWorkingDays: 3, dueSoonWorkingDays: 0 });
    expect(await dueSoon()).toEqual(['2026-11-23']);
  });

  it('refuses values out of range or not whole, and keeps what was saved', async () => {
    const saved = await f.hall.call('hall.settings', {});
    const refused = [
      { ...saved, replyWorkingDays: 0 },
      { ...saved, replyWorkingDays: 61 },
      { ...saved, replyWorkingDays: 2.5 },
      { ...saved, followUpWorkingDays: 0 },
      { ...saved, followUpWorkingDays: 31 },
      { ...saved, dueSoonWorkingDays: -1 },
      { ...saved, dueSoonWorkingDays: 11 },
    ];
    for (const input of refused) expect((await f.hall.fail('hall.saveSettings', input)).code).toBe('contract.invalid_input');
    expect(await f.hall.call('hall.settings', {})).toEqual(saved);
    // The limits themselves are accepted.
    await f.hall.call('hall.saveSettings', { replyWorkingDays: 60, followUpWorkingDays: 30, dueSoonWorkingDays: 10 });
    await f.hall.call('hall.saveSettings', saved);
  });

  it('a grid worker or a clerk reads them but cannot save them', async () => {
    const before = await f.hall.call('hall.settings', {}, f.gridWorker);
    const audits = settingsAudits().length;
    for (const who of [f.gridWorker, f.clerk])
      expect((await f.hall.fail('hall.saveSettings', { ...before, replyWorkingDays: 7 }, who)).code).toBe('auth.forbidden');
    expect(await f.hall.call('hall.settings', {}, f.clerk)).toEqual(before);
    expect(settingsAudits()).toHaveLength(audits);
  });

  it('audits each save with the rules before and after', async () => {
    const audits = settingsAudits();
    expect(audits[0]).toMatchObject({ action: 'hall.saveSettings', area: 'hall', actor_name: '王管理' });
    expect(JSON.parse(audits[0].before_json)).toEqual({ replyWorkingDays: 5, followUpWorkingDays: 1, dueSoonWorkingDays: 2 });
    expect(JSON.parse(audits[0].after_json)).toEqual({ replyWorkingDays: 10, followUpWorkingDays: 1, dueSoonWorkingDays: 2 });
    expect(JSON.parse(audits[1].before_json)).toEqual(JSON.parse(audits[0].after_json));
    expect(JSON.parse(audits[1].after_json)).toEqual({ replyWorkingDays: 10, followUpWorkingDays: 3, dueSoonWorkingDays: 2 });
  });

  it('stay out of the foundation’s community.settings, which saves without touching them', async () => {
    const keys = f.hall.core.services.sqlite.prepare("SELECT key FROM settings WHERE key LIKE 'hall.%' ORDER BY key").all() as { key: string }[];
    expect(keys.map((k) => k.key)).toEqual(['hall.dueSoonWorkingDays', 'hall.followUpWorkingDays', 'hall.replyWorkingDays']);
    const community = await f.hall.call('community.settings', {});
    expect(Object.keys(community).sort()).toEqual(['backupKeep', 'idleLockMinutes', 'timeZone']);
    const hallRules = await f.hall.call('hall.settings', {});
    const saved = await f.hall.call('community.updateSettings', { ...community, idleLockMinutes: 15 });
    expect(saved).toEqual({ ...community, idleLockMinutes: 15 });
    expect(await f.hall.call('hall.settings', {})).toEqual(hallRules);
  });
});

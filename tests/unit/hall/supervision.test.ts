import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src/shared/contract';
import { allReceived, pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// 督办: the board's counts and lists on Monday 2026-11-23, from tickets written day by day through November
// (and one in October, which this month's figures leave out).

let f: TicketsHall;
const t: Record<string, string> = {};
const number: Record<string, string> = {};

async function on(day: string, key: string, input: Input<'hall.register'>) {
  await setToday(f.hall, day);
  const v = await f.hall.call('hall.register', input, f.clerk);
  t[key] = v.id;
  number[v.number] = key;
}
async function act<M extends 'hall.complete' | 'hall.rate' | 'hall.followUp' | 'hall.supplement' | 'hall.transfer'>(day: string, method: M, input: Input<M>) {
  await setToday(f.hall, day);
  await f.hall.call(method, input, f.clerk);
}

beforeAll(async () => {
  f = await ticketsHall();
  const deficient = (by: string) =>
    pensionApplication(f, { outcome: 'accept_deficient', received: allReceived(f.pension, ['户口簿']), supplementBy: by, pledgeSigned: true });
  await on('2026-10-20', 'X', pensionApplication(f));
  await act('2026-10-22', 'hall.complete', { id: t.X, result: '办结' });
  await act('2026-10-22', 'hall.rate', { id: t.X, level: 5 });
  await on('2026-11-02', 'O1', pensionApplication(f)); // due 11-09, still open
  await on('2026-11-02', 'C1', pensionApplication(f)); // due 11-09, completed 11-06
  await act('2026-11-06', 'hall.complete', { id: t.C1, result: '办结' });
  await act('2026-11-06', 'hall.rate', { id: t.C1, level: 5 });
  await on('2026-11-05', 'C2', pensionApplication(f)); // due 11-12, completed late on 11-16
  await act('2026-11-16', 'hall.complete', { id: t.C2, result: '办结' });
  await act('2026-11-16', 'hall.rate', { id: t.C2, level: 2, comment: '拖了好几天' });
  await act('2026-11-17', 'hall.followUp', { id: t.C2, contactedOn: '2026-11-17', verified: '承办部门审核延误属实' });
  await on('2026-11-12', 'O2', pensionApplication(f)); // due 11-19, transferred, still open
  await act('2026-11-13', 'hall.transfer', { id: t.O2, department: '街道社保所' });
  await on('2026-11-16', 'D1', deficient('2026-11-18')); // due 11-23, 户口簿 never brought
  await on('2026-11-17', 'S1', pensionApplication(f)); // due 11-24
  await on('2026-11-18', 'D2', deficient('2026-11-20')); // due 11-25, supplemented in time
  await act('2026-11-19', 'hall.supplement', { id: t.D2, items: ['户口簿'] });
  await on('2026-11-19', 'N1', pensionApplication(f)); // due 11-26
  await act('2026-11-19', 'hall.rate', { id: t.N1, level: 1, comment: '窗口没人' }); // follow-up due 11-20, not done
  await on('2026-11-23', 'S2', pensionApplication(f, { serviceId: f.elderCard.id, received: allReceived(f.elderCard) })); // 即办: due today
  await on('2026-11-23', 'E', { kind: 'enquiry', outcome: 'answer', applicantName: '王大爷', result: '已解答' });
}, 120_000);
afterAll(() => f.hall.close());

const keys = (rows: { number: string }[]) => rows.map((r) => number[r.number]);

describe('the supervision board', () => {
  it('counts this month: open, overdue, due soon, completed and on time, rated and 差评, follow-ups pending', async () => {
    await setToday(f.hall, '2026-11-23', f.auditor);
    const board = await f.hall.call('hall.supervision', {}, f.auditor);
    expect(board.today).toBe('2026-11-23');
    expect(board.counts).toEqual({
      open: 7,
      overdue: 2,
      dueSoon: 4,
      // C1 on time, C2 late, the enquiry answered today (on time); X was October's.
      completedThisMonth: 3,
      onTimePercent: 67,
      ratedThisMonth: 3,
      badThisMonth: 2,
      followUpPending: 1,
    });
  });

  it('lists the overdue most overdue first, the due soon soonest first, the follow-ups owed and the late 容缺 materials', async () => {
    await setToday(f.hall, '2026-11-23');
    const board = await f.hall.call('hall.supervision', {}, f.clerk);
    expect(keys(board.overdue)).toEqual(['O1', 'O2']);
    // O1 was due Monday 11-09: ten working days late; O2, transferred, due Thursday 11-19: two.
    expect(board.overdue.map((r) => [r.workingDaysLeft, r.overdue, r.status])).toEqual([
      [-10, true, 'accepted'],
      [-2, true, 'transferred'],
    ]);
    expect(keys(board.dueSoon)).toEqual(['D1', 'S2', 'S1', 'D2']);
    expect(board.dueSoon.map((r) => r.workingDaysLeft)).toEqual([0, 0, 1, 2]);
    expect(keys(board.followUps)).toEqual(['N1']);
    expect(board.followUps[0]).toMatchObject({ ratingLevel: 1, followUpPending: true });
    expect(keys(board.supplementsLate)).toEqual(['D1']);
  });

  it('moves with the day: on 11-26 more are overdue, and once completed a ticket leaves the board', async () => {
    await setToday(f.hall, '2026-11-26');
    await f.hall.call('hall.supplement', { id: t.D1, items: ['户口簿'] }, f.clerk);
    await f.hall.call('hall.complete', { id: t.O1, result: '办结' }, f.clerk);
    const board = await f.hall.call('hall.supervision', {}, f.clerk);
    expect(keys(board.overdue)).toEqual(['O2', 'D1', 'S2', 'S1', 'D2']);
    expect(keys(board.dueSoon)).toEqual(['N1']);
    expect(board.supplementsLate).toEqual([]);
    expect(board.counts).toMatchObject({ open: 6, overdue: 5, dueSoon: 1, completedThisMonth: 4, onTimePercent: 50 });
  });

  it('a grid worker may read the board', async () => {
    await setToday(f.hall, '2026-11-26', f.gridWorker);
    expect((await f.hall.call('hall.supervision', {}, f.gridWorker)).today).toBe('2026-11-26');
  });
});

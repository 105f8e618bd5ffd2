import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, adminPassword, openTestHall, type TestHall } from '../support/core';
import { idFor, makeHousehold, makePlaces, residentInput, tagId } from './fixture';

const DAY = 86_400_000;
let hall: TestHall;
let places: Awaited<ReturnType<typeof makePlaces>>;
let workerToken: string;

beforeAll(async () => {
  hall = await openTestHall();
  workerToken = await addUser(hall, 'gw1', ['grid_worker']);
  const worker = (await hall.call('users.list', { includeDisabled: false })).find((u) => u.username === 'gw1')!;
  places = await makePlaces(hall, { workerUserId: worker.id });
});
afterAll(async () => {
  await hall.close();
});

describe('visit policy ("3456")', () => {
  it('sets the next visit by the shortest matching interval: weekly, monthly, else half-yearly', async () => {
    const ordinary = await makeHousehold(hall, 'V-1', places.house('1', '101'));
    expect(ordinary).toMatchObject({ nextVisitDue: '2027-05-23', visitIntervalDays: 182, lastVisitOn: null });
    await hall.call('residents.create', residentInput({ name: '普通人', idNumber: idFor('1970-01-01', 1), householdId: ordinary.id }));
    expect((await hall.call('residents.getHousehold', { id: ordinary.id })).household).toMatchObject({ nextVisitDue: '2027-05-23', visitIntervalDays: 182 });

    const migrant = await makeHousehold(hall, 'V-2', places.house('1', '102'));
    await hall.call('residents.create', residentInput({ name: '流动甲', idNumber: idFor('1990-01-01', 3), status: '流动人口', householdId: migrant.id }));
    expect((await hall.call('residents.getHousehold', { id: migrant.id })).household).toMatchObject({ nextVisitDue: '2026-11-29', visitIntervalDays: 7 });

    const key = await makeHousehold(hall, 'V-3', places.house('1', '201'));
    const person = await hall.call(
      'residents.create',
      residentInput({ name: '重点乙', idNumber: idFor('1980-01-01', 5), householdId: key.id, tagIds: [await tagId(hall, '重点人员')] }),
    );
    expect((await hall.call('residents.getHousehold', { id: key.id })).household).toMatchObject({ nextVisitDue: '2026-12-22', visitIntervalDays: 30 });
    // Tags follow at once: without the tag the household is ordinary again.
    await hall.call('residents.setTags', { id: person.id, tagIds: [] });
    expect((await hall.call('residents.getHousehold', { id: key.id })).household.visitIntervalDays).toBe(182);
    await hall.call('residents.setTags', { id: person.id, tagIds: [await tagId(hall, '重点人员')] });
    expect((await hall.call('residents.getHousehold', { id: key.id })).household.visitIntervalDays).toBe(30);
  });

  it('a recorded visit moves the household off the overdue board; the next due date follows the policy', async () => {
    hall.clock.advance(40 * DAY); // 2027-01-01
    // Forty idle days lock every session.
    await hall.call('auth.unlock', { password: adminPassword });
    await hall.call('auth.unlock', { password: 'user-pass-2026' }, workerToken);
    const overdue = await hall.call('residents.visitsDue', { overdueOnly: true });
    expect(overdue.rows.map((r) => [r.number, r.daysOverdue, r.intervalDays])).toEqual([
      ['V-2', 33, 7],
      ['V-3', 10, 30],
    ]);
    expect(overdue.rows[0]).toMatchObject({ address: '幸福小区3栋1单元102', gridName: '第一网格', workerName: '李网格', headName: null, lastVisitOn: null });
    const view = await hall.call('residents.buildingView', { buildingId: places.building.id });
    expect(view.cells.find((c) => c.houseId === places.house('1', '102'))).toMatchObject({ visitOverdue: true, state: 'occupied', occupants: 1 });

    const v2 = overdue.rows[0].householdId;
    const result = await hall.call(
      'residents.recordVisit',
      {
        householdId: v2,
        visitedOn: '2027-01-01',
        outcome: 'met',
        checklist: { family: true, category: true, facilities: false, hazards: true },
        notes: '情况正常',
      },
      workerToken,
    );
    expect(result.nextVisitDue).toBe('2027-01-08');
    expect(result.visit).toMatchObject({ visitorName: 'gw1', outcome: 'met', checklist: { family: true, hazards: true } });
    const v3 = overdue.rows[1].householdId;
    expect((await hall.call('residents.recordVisit', { householdId: v3, visitedOn: '2026-12-31', outcome: 'nobody_home' })).nextVisitDue).toBe('2027-01-30');
    // A visit entered late does not move the last visit backwards.
    expect((await hall.call('residents.recordVisit', { householdId: v3, visitedOn: '2026-12-01', outcome: 'met' })).nextVisitDue).toBe('2027-01-30');
    expect((await hall.call('residents.visitsDue', { overdueOnly: true })).rows).toEqual([]);
    expect((await hall.call('residents.listVisits', { householdId: v3 })).map((v) => v.visitedOn)).toEqual(['2026-12-31', '2026-12-01']);
    const after = await hall.call('residents.buildingView', { buildingId: places.building.id });
    expect(after.cells.find((c) => c.houseId === places.house('1', '102'))!.visitOverdue).toBe(false);
    expect((await hall.fail('residents.recordVisit', { householdId: v2, visitedOn: '2027-01-02', outcome: 'met' })).fields).toEqual({
      visitedOn: 'residents.date_in_future',
    });
    const auditor = await addUser(hall, 'aud1', ['auditor']);
    expect((await hall.fail('residents.recordVisit', { householdId: v2, visitedOn: '2027-01-01', outcome: 'met' }, auditor)).code).toBe('auth.forbidden');
  });

  it('lists due households within N days, mine and by grid, in keyset pages', async () => {
    const within = await hall.call('residents.visitsDue', { withinDays: 30 });
    expect(within.rows.map((r) => [r.number, r.nextVisitDue])).toEqual([
      ['V-2', '2027-01-08'],
      ['V-3', '2027-01-30'],
    ]);
    expect(within.rows[0].daysOverdue).toBe(-7);
    const all = await hall.call('residents.visitsDue', { withinDays: 366 });
    expect(all.rows.map((r) => r.number)).toEqual(['V-2', 'V-3', 'V-1']);
    const p1 = await hall.call('residents.visitsDue', { withinDays: 366, limit: 2 });
    expect(p1.rows.map((r) => r.number)).toEqual(['V-2', 'V-3']);
    const p2 = await hall.call('residents.visitsDue', { withinDays: 366, limit: 2, cursor: p1.nextCursor });
    expect(p2).toMatchObject({ rows: [{ number: 'V-1' }], nextCursor: null });
    // Every page says how many the whole list holds (the page has only some of them).
    expect([within.total, all.total, p1.total, p2.total]).toEqual([2, 3, 3, 3]);
    expect((await hall.call('residents.visitsDue', { withinDays: 366, mine: true }, workerToken)).rows).toHaveLength(3);
    expect((await hall.call('residents.visitsDue', { withinDays: 366, mine: true })).rows).toEqual([]);
    const grid2 = await hall.call('residents.saveGrid', { code: 'G09', name: '第九网格' });
    expect((await hall.call('residents.visitsDue', { withinDays: 366, gridId: grid2.id })).rows).toEqual([]);
    expect((await hall.call('residents.visitsDue', { withinDays: 366, gridId: places.grid.id })).rows).toHaveLength(3);
    // A grid's list pages the same way.
    const g1 = await hall.call('residents.visitsDue', { withinDays: 366, gridId: places.grid.id, limit: 2 });
    expect(g1.rows.map((r) => r.number)).toEqual(['V-2', 'V-3']);
    const g2 = await hall.call('residents.visitsDue', { withinDays: 366, gridId: places.grid.id, limit: 2, cursor: g1.nextCursor });
    expect(g2).toMatchObject({ rows: [{ number: 'V-1' }], nextCursor: null, total: 3 });
    expect((await hall.call('residents.visitsDue', { withinDays: 366, mine: true })).total).toBe(0);
    expect((await hall.call('residents.visitsDue', { overdueOnly: true, mine: true }, workerToken)).rows).toEqual([]);
  });

  it('saving the policy recomputes every household at once', async () => {
    const before = await hall.call('residents.visitPolicy', {});
    expect(before).toContainEqual({ kind: 'default', match: '*', intervalDays: 182 });
    expect(before).toContainEqual({ kind: 'status', match: '流动人口', intervalDays: 7 });
    const rows = before.map((r) =>
      r.kind === 'status' && r.match === '流动人口' ? { ...r, intervalDays: 14 } : r.kind === 'default' ? { ...r, intervalDays: 365 } : r,
    );
    const saved = await hall.call('residents.saveVisitPolicy', { rows });
    expect(saved).toContainEqual({ kind: 'status', match: '流动人口', intervalDays: 14 });
    const due = await hall.call('residents.visitsDue', { withinDays: 366 });
    expect(due.rows.map((r) => [r.number, r.nextVisitDue, r.intervalDays])).toEqual([
      ['V-2', '2027-01-15', 14],
      ['V-3', '2027-01-30', 30],
      ['V-1', '2027-11-22', 365],
    ]);
    expect((await hall.fail('residents.saveVisitPolicy', { rows: rows.filter((r) => r.kind !== 'default') })).code).toBe('residents.policy_default_required');
    expect((await hall.fail('residents.saveVisitPolicy', { rows: [...rows, { kind: 'tag', match: '没有这个', intervalDays: 3 }] })).code).toBe(
      'residents.policy_unknown_tag',
    );
    expect((await hall.fail('residents.saveVisitPolicy', { rows: [...rows, rows[0]] })).code).toBe('residents.policy_duplicate');
    expect((await hall.call('audit.list', { limit: 5, action: 'residents.saveVisitPolicy' })).entries).toHaveLength(1);
  });
});

describe('building view', () => {
  it('colours rooms: rented, vacant, business, occupied', async () => {
    const rented = await hall.call('residents.saveHouse', {
      id: places.house('2', '601'),
      buildingId: places.building.id,
      unit: '2',
      floor: 6,
      room: '601',
      use: '出租',
      landlordName: '房东甲',
    });
    await hall.call('residents.saveHouse', { id: places.house('2', '602'), buildingId: places.building.id, unit: '2', floor: 6, room: '602', use: '商用' });
    // The 楼盘表 is drawn from this building's own houses only.
    await hall.call('residents.saveHouse', { buildingId: places.building.id, unit: '3', floor: 1, room: '101', use: '空置' });
    await hall.call('residents.create', residentInput({ name: '租客', docType: '其他', houseId: rented.id, status: '流动人口' }));
    const view = await hall.call('residents.buildingView', { buildingId: places.building.id });
    const at = (unit: string, room: string) => view.cells.find((c) => c.unit === unit && c.room === room)!;
    expect(at('2', '601')).toMatchObject({ state: 'rented', occupants: 1, use: '出租' });
    expect(at('2', '602')).toMatchObject({ state: 'business', occupants: 0 });
    expect(at('1', '101')).toMatchObject({ state: 'occupied', occupants: 1 });
    expect(at('2', '101')).toMatchObject({ state: 'vacant', occupants: 0, householdIds: [] });
    expect(at('1', '101').householdIds).toHaveLength(1);
    expect(at('3', '101')).toMatchObject({ state: 'vacant', use: '空置' });
    expect(view.units).toEqual(['1', '2', '3']);
  });
});

describe('tags and code lists', () => {
  it('lists tags with counts, saves and renames them (the policy follows the new name)', async () => {
    const tags = await hall.call('residents.listTags', {});
    expect(tags.find((t) => t.name === '重点人员')).toMatchObject({ residentCount: 1, colour: 'red' });
    const t = await hall.call('residents.saveTag', { name: '孤儿', colour: 'yellow', sort: 20 });
    expect(t).toMatchObject({ name: '孤儿', residentCount: 0 });
    expect((await hall.fail('residents.saveTag', { name: '低保', colour: 'x' })).code).toBe('residents.tag_name_taken');
    const key = tags.find((x) => x.name === '重点人员')!;
    await hall.call('residents.saveTag', { id: key.id, name: '重点人群', colour: 'red', sort: key.sort });
    expect(await hall.call('residents.visitPolicy', {})).toContainEqual({ kind: 'tag', match: '重点人群', intervalDays: 30 });
  });

  it('reads and saves coded lists, keeping the codes of labels that stay', async () => {
    const lists = await hall.call('residents.codeLists', {});
    expect(lists.marital_status).toEqual([
      { code: '01', label: '未婚' },
      { code: '02', label: '已婚' },
      { code: '03', label: '丧偶' },
      { code: '04', label: '离婚' },
    ]);
    const saved = await hall.call('residents.saveCodeList', { list: 'marital_status', labels: ['已婚', '未婚', '离婚', '丧偶', '再婚'] });
    expect(saved).toEqual([
      { code: '02', label: '已婚' },
      { code: '01', label: '未婚' },
      { code: '04', label: '离婚' },
      { code: '03', label: '丧偶' },
      { code: '05', label: '再婚' },
    ]);
    expect((await hall.call('residents.codeLists', {})).marital_status).toEqual(saved);
    expect((await hall.fail('residents.saveCodeList', { list: 'marital_status', labels: ['a', 'a'] })).code).toBe('residents.code_list_duplicate');
    expect((await hall.fail('residents.saveCodeList', { list: 'Bad List', labels: ['a'] })).code).toBe('residents.code_list_name');
  });
});

describe('recomputeNextVisit for other writers', () => {
  it('the compiled statement runs on better-sqlite3 directly and gives the same dates', async () => {
    const { recomputeNextVisitStatement } = await import('../../../src/main/core/features/residents/visits/policy');
    const sqlite = hall.core.services.sqlite;
    const before = sqlite.prepare('SELECT id, next_visit_due FROM households ORDER BY id').all();
    sqlite.prepare('UPDATE households SET next_visit_due = NULL').run();
    const s = recomputeNextVisitStatement(hall.core.services.db, 'all', '2027-01-01')!;
    sqlite.prepare(s.sql).run(...(s.parameters as unknown[]));
    expect(sqlite.prepare('SELECT id, next_visit_due FROM households ORDER BY id').all()).toEqual(before);
    expect(recomputeNextVisitStatement(hall.core.services.db, [], '2027-01-01')).toBeNull();
  });
});

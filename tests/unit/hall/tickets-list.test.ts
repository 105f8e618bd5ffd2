import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Input } from '../../../src/shared/contract';
import type { Database } from '../../../src/main/core/db/schema';
import { ticketsPageQuery } from '../../../src/main/core/features/hall/tickets-list';
import { dueSoonQuery, followUpsQuery, overdueQuery } from '../../../src/main/core/features/hall/supervision';
import { pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// The tickets list: filters, keyset paging newest first, the number search, and overdue / working days left
// counted over the 2026 National Day holiday (10/1–10/7 off, 10/10 a make-up working Saturday).

let f: TicketsHall;
const no: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  f = await ticketsHall();
  const reg = async (key: string, input: Parameters<typeof pensionApplication>[1]) => {
    const t = await f.hall.call('hall.register', pensionApplication(f, input), f.clerk);
    no[key] = t.number;
    ids[key] = t.id;
    return t;
  };
  await setToday(f.hall, '2026-09-24'); // Thursday before the Mid-Autumn weekend (9/25–9/27 off)
  await reg('A', { applicantName: '李建军' });
  await reg('B', { kind: 'complaint', serviceId: null, received: [], applicantName: '赵秀兰', summary: '窗口午休无人' });
  await reg('C', { outcome: 'notify', received: [], applicantName: '王芳' });
  await setToday(f.hall, '2026-09-28');
  await reg('D', { applicantName: '李四海' });
  await f.hall.call('hall.transfer', { id: ids.D, department: '街道社保所' }, f.clerk);
  await reg('E', { kind: 'enquiry', outcome: 'answer', serviceId: null, received: [], applicantName: '周大爷', result: '已当场解答' });
  await setToday(f.hall, '2026-10-09');
  await reg('F', { serviceId: f.elderCard.id, received: f.elderCard.materials.map((m) => ({ name: m.name, received: true })), applicantName: '孙玉兰' });
  await f.hall.call('hall.complete', { id: ids.F, result: '已发放优待证' }, f.clerk);
  await reg('G', { applicantName: '吴敏' });
}, 120_000);
afterAll(() => f.hall.close());

const list = (input: Input<'hall.listTickets'> = {}) => f.hall.call('hall.listTickets', input, f.clerk);
const keys = (rows: { number: string }[]) => rows.map((r) => Object.keys(no).find((k) => no[k] === r.number));

describe('due dates over the holiday', () => {
  it('promises due dates in working days: over Mid-Autumn and National Day, and on a make-up Saturday', async () => {
    await setToday(f.hall, '2026-09-30');
    const a = await f.hall.call('hall.getTicket', { id: ids.A }, f.clerk);
    // 9/24 + 5: 9/28, 9/29, 9/30, (10/1–10/7 off) 10/8, 10/9.
    expect(a).toMatchObject({ dueOn: '2026-10-09', workingDaysLeft: 2, overdue: false });
    const d = await f.hall.call('hall.getTicket', { id: ids.D }, f.clerk);
    // 9/28 + 5: 9/29, 9/30, 10/8, 10/9, 10/10 (Saturday, a working day).
    expect(d).toMatchObject({ dueOn: '2026-10-10', workingDaysLeft: 3 });
    const b = await f.hall.call('hall.getTicket', { id: ids.B }, f.clerk);
    expect(b.dueOn).toBe('2026-10-09');
  });

  it('counts working days left, 0 on the day, negative once overdue, across the holiday and the make-up day', async () => {
    await setToday(f.hall, '2026-10-08');
    expect((await f.hall.call('hall.getTicket', { id: ids.A }, f.clerk)).workingDaysLeft).toBe(1);
    await setToday(f.hall, '2026-10-09');
    expect(await f.hall.call('hall.getTicket', { id: ids.A }, f.clerk)).toMatchObject({ workingDaysLeft: 0, overdue: false });
    await setToday(f.hall, '2026-10-12');
    const page = await list({});
    const row = (k: string) => page.rows.find((r) => r.number === no[k])!;
    // Due Friday 10/9; Saturday 10/10 was a working day and Monday 10/12 is another: two working days late.
    expect(row('A')).toMatchObject({ overdue: true, workingDaysLeft: -2 });
    expect(row('D')).toMatchObject({ overdue: true, workingDaysLeft: -1, status: 'transferred' });
    expect(row('G')).toMatchObject({ overdue: false, workingDaysLeft: 3 });
    // Closed or not accepted: no clock runs.
    expect(row('C')).toMatchObject({ overdue: false, workingDaysLeft: null });
    expect(row('F')).toMatchObject({ overdue: false, workingDaysLeft: null, status: 'completed' });
  });
});

describe('the list', () => {
  it('pages newest first (registered_on desc, number desc) with a cursor, to the end', async () => {
    await setToday(f.hall, '2026-10-12');
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ limit: 3, cursor });
      sizes.push(page.rows.length);
      seen.push(...(keys(page.rows) as string[]));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
  });

  it('filters by status, the open and overdue sets (two statuses merged in order), kind, service and dates', async () => {
    await setToday(f.hall, '2026-10-12');
    expect(keys((await list({ status: 'notified' })).rows)).toEqual(['C']);
    expect(keys((await list({ status: 'completed' })).rows)).toEqual(['F', 'E']);
    expect(keys((await list({ status: 'transferred' })).rows)).toEqual(['D']);
    const open1 = await list({ status: 'open', limit: 2 });
    expect(keys(open1.rows)).toEqual(['G', 'D']);
    const open2 = await list({ status: 'open', limit: 2, cursor: open1.nextCursor });
    expect(keys(open2.rows)).toEqual(['B', 'A']);
    expect(open2.nextCursor).toBeNull();
    expect(keys((await list({ status: 'overdue' })).rows)).toEqual(['D', 'B', 'A']);
    expect(keys((await list({ kind: 'complaint' })).rows)).toEqual(['B']);
    expect(keys((await list({ serviceId: f.elderCard.id })).rows)).toEqual(['F']);
    expect(keys((await list({ from: '2026-09-28', to: '2026-09-28' })).rows)).toEqual(['E', 'D']);
    expect(keys((await list({ from: '2026-10-01' })).rows)).toEqual(['G', 'F']);
    expect(keys((await list({ status: 'open', kind: 'application', to: '2026-09-30' })).rows)).toEqual(['D', 'A']);
  });

  it('finds a ticket by its number, whole or its tail as on a receipt, or by the applicant’s name from its start', async () => {
    expect(keys((await list({ query: no.D })).rows)).toEqual(['D']);
    expect(keys((await list({ query: no.D.toLowerCase() })).rows)).toEqual(['D']);
    expect(keys((await list({ query: String(Number(no.D.slice(-6))) })).rows)).toEqual(['D']);
    expect(keys((await list({ query: `2026-${Number(no.D.slice(-6))}` })).rows)).toEqual(['D']);
    expect(keys((await list({ query: 'SL2026-00000' })).rows)).toHaveLength(7);
    expect(keys((await list({ query: '李' })).rows)).toEqual(['D', 'A']);
    expect(keys((await list({ query: '李四' })).rows)).toEqual(['D']);
    expect((await list({ query: '999' })).rows).toEqual([]);
    expect((await list({ query: '钱' })).rows).toEqual([]);
    // A tail and a filter together.
    expect((await list({ query: String(Number(no.D.slice(-6))), status: 'notified' })).rows).toEqual([]);
  });

  it('a number’s beginning finds the same tickets whether it bounds the years (short) or reads the number’s index (long)', async () => {
    const all = ['G', 'F', 'E', 'D', 'C', 'B', 'A'];
    for (const prefix of ['SL', 'sl20', 'SL2026', 'SL2026-', 'SL2026-0000', 'SL2026-00000'])
      expect(keys((await list({ query: prefix })).rows), prefix).toEqual(all);
    for (const prefix of ['SL2025', 'SL201', 'SL2026-1', 'SLX', 'SL-2026']) expect((await list({ query: prefix })).rows, prefix).toEqual([]);
    expect(keys((await list({ query: 'SL2026', status: 'open' })).rows)).toEqual(['G', 'D', 'B', 'A']);
    expect(keys((await list({ query: 'SL2026-0', from: '2026-09-28', to: '2026-09-28' })).rows)).toEqual(['E', 'D']);
  });

  it('a name’s beginning with the list’s filters: status, kind, service and dates', async () => {
    expect(keys((await list({ query: '李', status: 'open' })).rows)).toEqual(['D', 'A']);
    expect(keys((await list({ query: '李', status: 'transferred' })).rows)).toEqual(['D']);
    expect((await list({ query: '李', status: 'completed' })).rows).toEqual([]);
    expect(keys((await list({ query: '李', kind: 'application', serviceId: f.pension.id })).rows)).toEqual(['D', 'A']);
    expect((await list({ query: '李', serviceId: f.elderCard.id })).rows).toEqual([]);
    expect(keys((await list({ query: '李', from: '2026-09-28' })).rows)).toEqual(['D']);
    expect(keys((await list({ query: '李', to: '2026-09-27' })).rows)).toEqual(['A']);
    // Paged one at a time: the cursor carries on within the name's tickets.
    const first = await list({ query: '李', limit: 1 });
    expect(keys(first.rows)).toEqual(['D']);
    const second = await list({ query: '李', limit: 1, cursor: first.nextCursor });
    expect(keys(second.rows)).toEqual(['A']);
    expect(second.nextCursor).toBeNull();
  });

  it('rows carry the rating and whether a 差评 waits for its follow-up', async () => {
    await f.hall.call('hall.rate', { id: ids.F, level: 1, comment: '态度差' }, f.clerk);
    await f.hall.call('hall.rate', { id: ids.E, level: 5 }, f.clerk);
    const rows = (await list({ status: 'completed' })).rows;
    expect(rows.map((r) => [r.ratingLevel, r.followUpPending])).toEqual([
      [1, true],
      [5, false],
    ]);
  });

  it('refuses a cursor made for something else', async () => {
    const bad = await f.hall.fail(
      'hall.listTickets',
      { cursor: Buffer.from(JSON.stringify({ s: 'council.followup', k: 'x', i: 1 })).toString('base64url') },
      f.clerk,
    );
    expect(bad.code).toBe('contract.invalid_input');
  });
});

describe('query plans', () => {
  function plan(
    q: { compile(): { sql: string; parameters: readonly unknown[] } } | { compile(db: Kysely<Database>): { sql: string; parameters: readonly unknown[] } },
  ): string {
    const { sql, parameters } = q.compile(db());
    const rows = f.hall.core.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
    return rows.map((r) => r.detail).join('\n');
  }
  const db = () => f.hall.core.services.db;
  const none = { kind: null, serviceId: null, from: null, to: null };

  it('the list reads hall_tickets_registered, or hall_tickets_status for a status, in order: no sort, first page and next', () => {
    for (const after of [null, { k: '2026-10-09', i: 'SL2026-000006' }]) {
      const all = plan(ticketsPageQuery(db(), none, null, { query: null, dueBefore: null, after, limit: 51 }));
      expect(all).toMatch(/USING (COVERING )?INDEX hall_tickets_registered/);
      expect(all).not.toMatch(/TEMP B-TREE/);
      const one = plan(
        ticketsPageQuery(db(), { ...none, from: '2026-09-01', kind: 'application' }, 'accepted', { query: null, dueBefore: '2026-10-12', after, limit: 51 }),
      );
      expect(one).toMatch(/USING INDEX hall_tickets_status/);
      expect(one).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('a name’s beginning chooses the page from hall_tickets_name alone, whatever the filters, and reads only the page’s rows', () => {
    // Status, kind and dates are in the index's entries; a service is checked on the matching tickets' rows.
    const filters = [
      { input: none, status: null, covering: true },
      { input: { ...none, kind: 'application' as const, from: '2026-01-01', to: '2026-12-31' }, status: 'accepted', covering: true },
      { input: { ...none, serviceId: f.pension.id }, status: 'completed', covering: false },
    ];
    for (const { input, status, covering } of filters)
      for (const after of [null, { k: '2026-10-09', i: 'SL2026-000006' }]) {
        const p = plan(ticketsPageQuery(db(), input, status, { query: { namePrefix: '李' }, dueBefore: null, after, limit: 51 }));
        expect(p).toContain(`USING ${covering ? 'COVERING ' : ''}INDEX hall_tickets_name (applicant_name>? AND applicant_name<?)`);
        expect(p).toMatch(/USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        expect(p).not.toMatch(/SCAN hall_tickets|hall_tickets_(status|service|registered|completed)/);
      }
  });

  it('a short number beginning reads the years it names newest first with no sort; a long one the number’s index', () => {
    const page = (prefix: string, status: string | null = null) =>
      plan(ticketsPageQuery(db(), none, status, { query: { numberPrefix: prefix }, dueBefore: null, after: null, limit: 51 }));
    for (const prefix of ['SL', 'SL2026', 'SL2026-000']) {
      expect(page(prefix)).toMatch(/USING INDEX hall_tickets_registered \(registered_on>\? AND registered_on<\?\)/);
      expect(page(prefix)).not.toMatch(/TEMP B-TREE/);
      expect(page(prefix, 'notified')).toMatch(/USING INDEX hall_tickets_status \(status=\? AND registered_on>\? AND registered_on<\?\)/);
    }
    for (const prefix of ['SL2026-0001', 'SLX']) expect(page(prefix)).toMatch(/USING INDEX sqlite_autoindex_hall_tickets_\d \(number>\? AND number<\?\)/);
  });

  it('a number search probes the number’s unique index', () => {
    const p = plan(ticketsPageQuery(db(), none, null, { query: { numbers: ['SL2026-000004', 'SL2025-000004'] }, dueBefore: null, after: null, limit: 51 }));
    expect(p).toMatch(/USING INDEX sqlite_autoindex_hall_tickets_\d \(number=\?\)/);
  });

  it('the board’s overdue and follow-up lists read their partial indexes in order', () => {
    const overdue = plan(overdueQuery('2026-10-12', 100));
    expect(overdue).toMatch(/USING INDEX hall_tickets_open_due/);
    expect(overdue).not.toMatch(/TEMP B-TREE/);
    const soon = plan(dueSoonQuery('2026-10-12', '2026-10-15', 100));
    expect(soon).toMatch(/USING INDEX hall_tickets_open_due/);
    expect(soon).not.toMatch(/TEMP B-TREE/);
    const followUps = plan(followUpsQuery(db(), 100));
    expect(followUps).toMatch(/USING INDEX hall_tickets_follow_up/);
    expect(followUps).not.toMatch(/TEMP B-TREE/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, indexOf, insertResident, planOf, type MigratingFile } from './support';

/**
 * 0019 adds the service counter: the catalogue, the calendar's entered years, tickets and their history.
 * Every rule below is written in the schema, so it holds for raw SQL too (a repair script, an import); each
 * test writes as such a script would and checks both the refusal and that the row stayed as it was.
 */
describe('migration 0019: the service hall', () => {
  let f: MigratingFile;

  const insert = (table: string, values: Record<string, unknown>) => {
    const columns = Object.keys(values);
    f.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
  };
  const run =
    (text: string, ...params: unknown[]) =>
    () =>
      f.sqlite.prepare(text).run(...params);
  const ticketRow = (id: string) => f.sqlite.prepare('SELECT * FROM hall_tickets WHERE id = ?').get(id) as Record<string, unknown>;
  const serviceRow = (id: string) => f.sqlite.prepare('SELECT * FROM hall_services WHERE id = ?').get(id) as Record<string, unknown> | undefined;

  const service = (id: string, more: Record<string, unknown> = {}) =>
    insert('hall_services', {
      id,
      code: id.toUpperCase(),
      name: '老年人优待证办理',
      department: '民政科',
      time_limit_days: 5,
      materials: '[{"name":"居民身份证","form":"原件","copies":1,"issuer":"公安机关","required":1}]',
      created_at: '2026-09-01T01:00:00.000Z',
      updated_at: '2026-09-01T01:00:00.000Z',
      ...more,
    });

  let sequence = 0;
  /** A ticket as the desk writes it: an application accepted on the day it was registered. */
  const ticket = (id: string, more: Record<string, unknown> = {}) =>
    insert('hall_tickets', {
      id,
      number: `SL2026-${String(++sequence).padStart(6, '0')}`,
      kind: 'application',
      status: 'accepted',
      service_id: 's-1',
      service_code: 'S-1',
      service_name: '老年人优待证办理',
      department: '民政科',
      time_limit_days: 5,
      resident_id: 'r-1',
      applicant_name: '李四',
      applicant_id_cipher: 'v1:cipher-of-the-id-number',
      applicant_id_masked: '110101********1234',
      registered_at: '2026-10-09T01:30:00.000Z',
      registered_on: '2026-10-09',
      accepted_on: '2026-10-09',
      due_on: '2026-10-16',
      first_officer_id: 'u-1',
      first_officer_name: '王窗口',
      created_at: '2026-10-09T01:30:00.000Z',
      created_by: 'u-1',
      updated_at: '2026-10-09T01:30:00.000Z',
      updated_by: 'u-1',
      ...more,
    });
  const done = { status: 'completed', completed_on: '2026-10-14', result: '已办结，优待证已发放' };
  const ratedBad = { rating_level: 1, rating_comment: '等了很久', rated_at: '2026-10-14T08:00:00.000Z', follow_up_due_on: '2026-10-21' };

  beforeAll(async () => {
    f = await fileAt('0018_tag_keys_once');
    insertResident(f.sqlite, { id: 'r-1', name: '李四', pinyin: 'lisi', birth: '1950-02-03' });
    insertResident(f.sqlite, { id: 'r-2', name: '王五', pinyin: 'wangwu', birth: '1962-07-08', status: '居住证' });
    for (const [id, username, name] of [
      ['u-1', 'wang', '王窗口'],
      ['u-2', 'zhao', '赵窗口'],
    ])
      insert('users', {
        id,
        username,
        display_name: name,
        password_hash: 'scrypt$not-a-real-hash',
        roles_json: '["clerk"]',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      });
    await f.migrateTo('0019_hall');
    service('s-1');
    service('s-2', { name: '居住证签注', department: '派出所', time_limit_days: 1 });
  });
  afterAll(() => f.close());

  it('adds the hall’s four tables to a file whose residents and users stay as they were', () => {
    const tables = f.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'hall\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
    expect(tables).toEqual(['hall_holidays', 'hall_services', 'hall_ticket_events', 'hall_tickets']);
    expect(f.sqlite.prepare('SELECT id, name, status FROM residents ORDER BY id').all()).toEqual([
      { id: 'r-1', name: '李四', status: '户籍' },
      { id: 'r-2', name: '王五', status: '居住证' },
    ]);
    expect(f.sqlite.prepare('SELECT id, display_name FROM users ORDER BY id').all()).toEqual([
      { id: 'u-1', display_name: '王窗口' },
      { id: 'u-2', display_name: '赵窗口' },
    ]);
  });

  describe('hall_services', () => {
    it('a service code is the catalogue’s once', () => {
      expect(() => service('s-dup', { code: 'S-1', name: '另一个事项' })).toThrow(/UNIQUE constraint failed: hall_services\.code/);
      expect(serviceRow('s-dup')).toBeUndefined();
      expect(f.sqlite.prepare("SELECT count(*) FROM hall_services WHERE code = 'S-1'").pluck().get()).toBe(1);
      // Codes are read aloud and typed in either case: s-1 is S-1.
      expect(() => service('s-case', { code: 's-1', name: '又一个事项' })).toThrow(/UNIQUE constraint failed: hall_services\.code/);
      expect(serviceRow('s-case')).toBeUndefined();
    });

    it('materials are a JSON array, on insert and on update', () => {
      const notAnArray = /CHECK constraint failed: json_valid\(materials\) AND json_type\(materials\) = 'array'/;
      expect(() => service('s-obj', { materials: '{"name":"居民身份证"}' })).toThrow(notAnArray);
      expect(() => service('s-text', { materials: '居民身份证、户口簿' })).toThrow(notAnArray);
      expect(() => service('s-str', { materials: '"居民身份证"' })).toThrow(notAnArray);
      expect(serviceRow('s-obj') ?? serviceRow('s-text') ?? serviceRow('s-str')).toBeUndefined();
      const before = serviceRow('s-1');
      expect(run("UPDATE hall_services SET materials = '{}' WHERE id = 's-1'")).toThrow(notAnArray);
      expect(serviceRow('s-1')).toEqual(before);
      service('s-none', { code: 'S-NONE', materials: '[]' });
      expect(serviceRow('s-none')?.materials).toBe('[]');
    });

    it('a time limit is 0 (当场办结) to 180 days', () => {
      const outOfRange = /CHECK constraint failed: time_limit_days BETWEEN 0 AND 180/;
      expect(() => service('s-neg', { time_limit_days: -1 })).toThrow(outOfRange);
      expect(() => service('s-long', { time_limit_days: 181 })).toThrow(outOfRange);
      service('s-now', { time_limit_days: 0 });
      service('s-max', { time_limit_days: 180 });
      expect(f.sqlite.prepare("SELECT id, time_limit_days FROM hall_services WHERE id IN ('s-neg', 's-long', 's-now', 's-max') ORDER BY id").all()).toEqual([
        { id: 's-max', time_limit_days: 180 },
        { id: 's-now', time_limit_days: 0 },
      ]);
    });

    it('a service is never deleted (it is archived)', () => {
      expect(run("DELETE FROM hall_services WHERE id = 's-max'")).toThrow(/db\.append_only/);
      expect(serviceRow('s-max')).toMatchObject({ id: 's-max', archived: 0 });
      run("UPDATE hall_services SET archived = 1 WHERE id = 's-max'")();
      expect(serviceRow('s-max')).toMatchObject({ id: 's-max', archived: 1 });
    });
  });

  describe('hall_holidays', () => {
    const day = (date: unknown, year: unknown, kind: unknown) =>
      insert('hall_holidays', { date, year, kind, note: '国庆节', created_at: '2026-09-01T00:00:00.000Z', updated_at: '2026-09-01T00:00:00.000Z' });
    const days = () => f.sqlite.prepare('SELECT date, year, kind FROM hall_holidays ORDER BY date').all();

    it('a day’s year is the year of its date', () => {
      expect(() => day('2026-10-01', 2025, 'off')).toThrow(/CHECK constraint failed: year = CAST\(substr\(date, 1, 4\) AS INTEGER\)/);
      day('2026-10-01', 2026, 'off');
      day('2026-09-28', 2026, 'work');
      expect(days()).toEqual([
        { date: '2026-09-28', year: 2026, kind: 'work' },
        { date: '2026-10-01', year: 2026, kind: 'off' },
      ]);
      expect(run("UPDATE hall_holidays SET year = 2027 WHERE date = '2026-10-01'")).toThrow(/CHECK constraint failed: year = CAST/);
      expect(days()).toContainEqual({ date: '2026-10-01', year: 2026, kind: 'off' });
    });

    it('a day is off (放假) or work (调休上班), nothing else', () => {
      expect(() => day('2026-10-02', 2026, 'holiday')).toThrow(/CHECK constraint failed: kind IN \('off', 'work'\)/);
      expect(() => day('2026-10-03', 2026, '放假')).toThrow(/CHECK constraint failed: kind IN/);
      expect(run("UPDATE hall_holidays SET kind = 'half' WHERE date = '2026-10-01'")).toThrow(/CHECK constraint failed: kind IN/);
      expect(days()).toEqual([
        { date: '2026-09-28', year: 2026, kind: 'work' },
        { date: '2026-10-01', year: 2026, kind: 'off' },
      ]);
    });

    it('a date is written YYYY-MM-DD', () => {
      const notADate = /CHECK constraint failed: date GLOB/;
      for (const date of ['2026-1-1', '2026/10/04', '20261004', '2026-10-04T00:00', '十月四日', '', '2026-02-30', '2026-13-45', '2026-00-10'])
        expect(() => day(date, 2026, 'off'), date).toThrow(notADate);
      expect(days()).toHaveLength(2);
    });
  });

  describe('hall_tickets', () => {
    it('an application names its service; an enquiry or a complaint need not', () => {
      expect(() => ticket('t-nosvc', { service_id: null })).toThrow(/CHECK constraint failed: kind <> 'application' OR service_id IS NOT NULL/);
      ticket('t-enquiry', { kind: 'enquiry', service_id: null, service_code: '', service_name: '' });
      ticket('t-complaint', { kind: 'complaint', service_id: null, service_code: '', service_name: '' });
      expect(f.sqlite.prepare("SELECT id FROM hall_tickets WHERE id IN ('t-nosvc', 't-enquiry', 't-complaint') ORDER BY id").pluck().all()).toEqual([
        't-complaint',
        't-enquiry',
      ]);
    });

    it('its materials, 容缺 items and missing items are JSON arrays', () => {
      for (const column of ['materials', 'deficient_items', 'missing_items'])
        for (const value of ['{}', '"户口簿"', '户口簿'])
          expect(() => ticket(`t-json-${column}-${value.length}`, { [column]: value }), `${column} = ${value}`).toThrow(/CHECK constraint failed: json_valid/);
      expect(f.sqlite.prepare("SELECT count(*) FROM hall_tickets WHERE id LIKE 't-json-%'").pluck().get()).toBe(0);
    });

    it('a ticket past 告知 or 不予受理 has its acceptance day and its due day', () => {
      for (const status of ['accepted', 'transferred', 'completed']) {
        const closing = status === 'completed' ? { completed_on: '2026-10-14' } : {};
        expect(() => ticket(`t-${status}-noaccept`, { status, accepted_on: null, ...closing }), status).toThrow(
          /CHECK constraint failed: status IN \('notified', 'refused'\) OR accepted_on IS NOT NULL/,
        );
        expect(() => ticket(`t-${status}-nodue`, { status, due_on: null, ...closing }), status).toThrow(
          /CHECK constraint failed: status IN \('notified', 'refused'\) OR due_on IS NOT NULL/,
        );
      }
      ticket('t-notified', { status: 'notified', accepted_on: null, due_on: null, missing_items: '["户口簿"]' });
      ticket('t-refused', { status: 'refused', accepted_on: null, due_on: null, refused_reason: '不属于本中心受理范围' });
      // 补齐材料后受理: a notified ticket accepted without its days is refused, and stays notified.
      expect(run("UPDATE hall_tickets SET status = 'accepted' WHERE id = 't-notified'")).toThrow(/CHECK constraint failed: status IN/);
      expect(ticketRow('t-notified')).toMatchObject({ status: 'notified', accepted_on: null, due_on: null });
      const written = f.sqlite.prepare("SELECT id FROM hall_tickets WHERE id LIKE 't-accepted%' OR id LIKE 't-transferred%' OR id LIKE 't-completed%'").all();
      expect(written).toEqual([]);
    });

    it('a ticket is completed exactly when it has its 办结 day', () => {
      const both = /CHECK constraint failed: \(status = 'completed'\) = \(completed_on IS NOT NULL\)/;
      expect(() => ticket('t-done-noday', { status: 'completed' })).toThrow(both);
      expect(() => ticket('t-open-day', { completed_on: '2026-10-14' })).toThrow(both);
      ticket('t-open');
      expect(run("UPDATE hall_tickets SET status = 'completed' WHERE id = 't-open'")).toThrow(both);
      expect(run("UPDATE hall_tickets SET completed_on = '2026-10-14' WHERE id = 't-open'")).toThrow(both);
      expect(ticketRow('t-open')).toMatchObject({ status: 'accepted', completed_on: null });
      run("UPDATE hall_tickets SET status = 'completed', completed_on = '2026-10-14' WHERE id = 't-open'")();
      expect(ticketRow('t-open')).toMatchObject({ status: 'completed', completed_on: '2026-10-14' });
    });

    it('a rating has its level and its time, both or neither', () => {
      const both = /CHECK constraint failed: \(rating_level IS NULL\) = \(rated_at IS NULL\)/;
      expect(() => ticket('t-level-only', { ...done, rating_level: 4 })).toThrow(both);
      expect(() => ticket('t-time-only', { ...done, rated_at: '2026-10-14T08:00:00.000Z' })).toThrow(both);
      ticket('t-unrated', done);
      expect(run("UPDATE hall_tickets SET rating_level = 4 WHERE id = 't-unrated'")).toThrow(both);
      expect(ticketRow('t-unrated')).toMatchObject({ rating_level: null, rated_at: null });
    });

    it('a follow-up (差评回访) is for a rating of 2 or less only', () => {
      const onlyBad = /CHECK constraint failed: follow_up_at IS NULL OR \(rating_level IS NOT NULL AND rating_level <= 2\)/;
      ticket('t-rated-3', { ...done, rating_level: 3, rated_at: '2026-10-14T08:00:00.000Z' });
      ticket('t-rated-2', { ...done, rating_level: 2, rated_at: '2026-10-14T08:00:00.000Z', follow_up_due_on: '2026-10-21' });
      const followUp = "UPDATE hall_tickets SET follow_up_at = '2026-10-16T02:00:00.000Z', follow_up_feedback = '已致歉' WHERE id = ?";
      expect(run(followUp, 't-rated-3')).toThrow(onlyBad);
      expect(run(followUp, 't-unrated')).toThrow(onlyBad);
      expect(ticketRow('t-rated-3')).toMatchObject({ follow_up_at: null, follow_up_feedback: '' });
      expect(ticketRow('t-unrated')).toMatchObject({ follow_up_at: null, follow_up_feedback: '' });
      run(followUp, 't-rated-2')();
      expect(ticketRow('t-rated-2')).toMatchObject({ follow_up_at: '2026-10-16T02:00:00.000Z', follow_up_feedback: '已致歉' });
    });

    it('what was registered never changes: number, kind, service, applicant, time, first officer', () => {
      ticket('t-fixed');
      const before = ticketRow('t-fixed');
      const changes: [string, unknown][] = [
        ['number', 'SL2026-999999'],
        ['kind', 'enquiry'],
        ['service_id', 's-2'],
        ['service_name', '居住证签注'],
        ['applicant_name', '李肆'],
        ['applicant_id_cipher', 'v1:another-cipher'],
        ['applicant_id_cipher', null],
        ['registered_at', '2026-10-08T01:30:00.000Z'],
        ['first_officer_name', '赵窗口'],
        ['first_officer_id', 'u-2'],
        ['service_code', 'S-2'],
        ['department', '派出所'],
        ['time_limit_days', 20],
        ['registered_on', '2026-10-08'],
        ['resident_id', null],
        ['applicant_id_masked', ''],
        ['applicant_phone_cipher', 'v1:another-phone'],
        ['applicant_phone_masked', '139****0000'],
      ];
      for (const [column, value] of changes)
        expect(run(`UPDATE hall_tickets SET ${column} = ? WHERE id = 't-fixed'`, value), column).toThrow(/hall\.ticket_fixed/);
      expect(ticketRow('t-fixed')).toEqual(before);
      // A ticket registered without an ID number does not get one written in later either.
      ticket('t-no-id', { applicant_id_cipher: null, applicant_id_masked: '' });
      expect(run("UPDATE hall_tickets SET applicant_id_cipher = 'v1:late' WHERE id = 't-no-id'")).toThrow(/hall\.ticket_fixed/);
      expect(ticketRow('t-no-id').applicant_id_cipher).toBeNull();
      // The ticket's progress is written as usual.
      run(
        "UPDATE hall_tickets SET status = 'transferred', transferred_to = '派出所', handler_name = '刘警官', transferred_on = '2026-10-10' WHERE id = 't-fixed'",
      )();
      expect(ticketRow('t-fixed')).toMatchObject({
        ...before,
        status: 'transferred',
        transferred_to: '派出所',
        handler_name: '刘警官',
        transferred_on: '2026-10-10',
      });
    });

    it('a completed or refused ticket is closed, yet can still be rated', () => {
      ticket('t-closed-done', done);
      ticket('t-closed-refused', { status: 'refused', accepted_on: null, due_on: null, refused_reason: '申请人不符合条件' });
      const done0 = ticketRow('t-closed-done');
      const refused0 = ticketRow('t-closed-refused');
      const reopenings = [
        ["status = 'accepted', completed_on = NULL", 't-closed-done'],
        ["result = '改为：不予办理'", 't-closed-done'],
        ["completed_on = '2026-10-15'", 't-closed-done'],
        ["refused_reason = '补写的理由'", 't-closed-done'],
        ["status = 'accepted', accepted_on = '2026-10-10', due_on = '2026-10-17'", 't-closed-refused'],
        ["status = 'completed', completed_on = '2026-10-14'", 't-closed-refused'],
        ["refused_reason = '另一个理由'", 't-closed-refused'],
        ["result = '已办结'", 't-closed-refused'],
        // Its dates too: 按时办结率 compares completed_on with due_on.
        ["due_on = '2026-10-30'", 't-closed-done'],
        ["accepted_on = '2026-10-12'", 't-closed-done'],
        ["remedies = '改写的救济途径'", 't-closed-refused'],
      ];
      for (const [set, id] of reopenings) expect(run(`UPDATE hall_tickets SET ${set} WHERE id = ?`, id), `${id}: ${set}`).toThrow(/hall\.ticket_closed/);
      expect(ticketRow('t-closed-done')).toEqual(done0);
      expect(ticketRow('t-closed-refused')).toEqual(refused0);
      // 好差评 comes after 办结 (or 不予受理): the rating is the one write a closed ticket takes.
      const rate = "UPDATE hall_tickets SET rating_level = ?, rating_comment = ?, rated_at = '2026-10-15T03:00:00.000Z' WHERE id = ?";
      run(rate, 5, '很快', 't-closed-done')();
      run(rate, 2, '没说清楚为什么', 't-closed-refused')();
      expect(ticketRow('t-closed-done')).toEqual({ ...done0, rating_level: 5, rating_comment: '很快', rated_at: '2026-10-15T03:00:00.000Z' });
      expect(ticketRow('t-closed-refused')).toEqual({ ...refused0, rating_level: 2, rating_comment: '没说清楚为什么', rated_at: '2026-10-15T03:00:00.000Z' });
    });

    it('a rating is given once, and a follow-up is written once', () => {
      ticket('t-once', { ...done, ...ratedBad });
      const rated = ticketRow('t-once');
      for (const set of [
        'rating_level = 5',
        "rated_at = '2026-10-15T08:00:00.000Z'",
        "rating_level = 4, rated_at = '2026-10-15T08:00:00.000Z'",
        'rating_level = NULL, rated_at = NULL',
        "rating_comment = '改写的意见'",
        'rating_attitude = 5',
        'rating_efficiency = 5',
        'rating_skill = 5',
        "follow_up_due_on = '2026-12-31'",
      ])
        expect(run(`UPDATE hall_tickets SET ${set} WHERE id = 't-once'`), set).toThrow(/hall\.rated_once/);
      expect(ticketRow('t-once')).toEqual(rated);
      const followUp = { follow_up_at: '2026-10-16T02:00:00.000Z', follow_up_by_name: '赵窗口', follow_up_feedback: '已致歉，申请人表示理解' };
      run(
        "UPDATE hall_tickets SET follow_up_at = @follow_up_at, follow_up_by_name = @follow_up_by_name, follow_up_feedback = @follow_up_feedback WHERE id = 't-once'",
        followUp,
      )();
      const followedUp = ticketRow('t-once');
      expect(followedUp).toEqual({ ...rated, ...followUp });
      for (const set of [
        "follow_up_at = '2026-10-17T02:00:00.000Z'",
        'follow_up_at = NULL',
        "follow_up_feedback = '改写的反馈'",
        "follow_up_by_name = '别人'",
        "follow_up_verified = '改写'",
        "follow_up_rectification = '改写'",
        "follow_up_contacted_on = '2026-10-20'",
      ])
        expect(run(`UPDATE hall_tickets SET ${set} WHERE id = 't-once'`), set).toThrow(/hall\.rated_once/);
      expect(ticketRow('t-once')).toEqual(followedUp);
    });

    it('a ticket is never deleted', () => {
      const count = () => f.sqlite.prepare('SELECT count(*) FROM hall_tickets').pluck().get() as number;
      const before = count();
      expect(run("DELETE FROM hall_tickets WHERE id = 't-open'")).toThrow(/db\.append_only/);
      expect(run('DELETE FROM hall_tickets')).toThrow(/db\.append_only/);
      expect(count()).toBe(before);
      expect(ticketRow('t-open')).toMatchObject({ id: 't-open', status: 'completed' });
    });
  });

  describe('hall_ticket_events', () => {
    it('a ticket’s history is only ever added to', () => {
      const event = (action: string, detail: string) =>
        insert('hall_ticket_events', { ticket_id: 't-fixed', at: '2026-10-10T02:00:00.000Z', actor_id: 'u-1', actor_name: '王窗口', action, detail });
      event('registered', '受理：老年人优待证办理');
      event('transferred', '转办派出所，承办人刘警官');
      const history = () => f.sqlite.prepare("SELECT action, detail, actor_name FROM hall_ticket_events WHERE ticket_id = 't-fixed' ORDER BY id").all();
      const before = history();
      expect(before).toEqual([
        { action: 'registered', detail: '受理：老年人优待证办理', actor_name: '王窗口' },
        { action: 'transferred', detail: '转办派出所，承办人刘警官', actor_name: '王窗口' },
      ]);
      expect(run("UPDATE hall_ticket_events SET detail = '改写' WHERE ticket_id = 't-fixed'")).toThrow(/db\.append_only/);
      expect(run("UPDATE hall_ticket_events SET actor_name = '赵窗口'")).toThrow(/db\.append_only/);
      expect(run("DELETE FROM hall_ticket_events WHERE action = 'transferred'")).toThrow(/db\.append_only/);
      expect(history()).toEqual(before);
      expect(() => event('noted', '不存在的受理单')).not.toThrow();
      expect(() => insert('hall_ticket_events', { ticket_id: 't-none', at: 'now', actor_name: '王窗口', action: 'noted' })).toThrow(/FOREIGN KEY/);
    });
  });

  /**
   * The SQL below is the core's, word for word as Kysely writes it (src/main/core/features/hall/supervision.ts,
   * tickets-list.ts): a partial index is used only when the query repeats its condition, so a copy that drifts
   * from the core's text would prove nothing.
   */
  describe('query plans', () => {
    const overdue = `SELECT * FROM hall_tickets INDEXED BY hall_tickets_open_due
    WHERE status IN ('accepted', 'transferred') AND due_on < ? ORDER BY due_on, rowid LIMIT ?`;
    const dueSoon = `SELECT * FROM hall_tickets INDEXED BY hall_tickets_open_due
    WHERE status IN ('accepted', 'transferred') AND due_on >= ? AND due_on < ? ORDER BY due_on, rowid LIMIT ?`;
    const followUps = `select * from "hall_tickets" where follow_up_due_on IS NOT NULL AND follow_up_at IS NULL order by "follow_up_due_on", rowid limit ?`;
    const byStatus = `select * from "hall_tickets" where "status" = ? order by "registered_on" desc, "number" desc limit ?`;
    const byStatusAfter = `select * from "hall_tickets" where "status" = ? and (registered_on, number) < (?, ?) order by "registered_on" desc, "number" desc limit ?`;
    const byNamePrefix = `select * from "hall_tickets" where rowid in (select rowid as "row" from "hall_tickets" where "applicant_name" >= ? and "applicant_name" < ? order by "registered_on" desc, "number" desc limit ?) order by "registered_on" desc, "number" desc limit ?`;
    const byStatusAndName = `select * from "hall_tickets" where rowid in (select rowid as "row" from "hall_tickets" where +"status" = ? and "applicant_name" >= ? and "applicant_name" < ? order by "registered_on" desc, "number" desc limit ?) order by "registered_on" desc, "number" desc limit ?`;
    const completedInMonth = `select count(*) as "n" from "hall_tickets" where "status" = ? and "completed_on" >= ? and "completed_on" <= ?`;
    const onTimeInMonth = `select count(*) as "n" from "hall_tickets" where "status" = ? and "completed_on" >= ? and "completed_on" <= ? and completed_on <= due_on`;
    const ratedInMonth = `select count(*) as "n" from "hall_tickets" where "rated_at" >= ? and "rated_at" < ?`;
    const badInMonth = `select count(*) as "n" from "hall_tickets" where "rated_at" >= ? and "rated_at" < ? and "rating_level" <= ?`;
    const PREFIX_END = '\u{10FFFF}';
    const ids = (query: string, ...params: unknown[]) => (f.sqlite.prepare(query).all(...params) as { id: string }[]).map((r) => r.id);

    beforeAll(() => {
      // Open tickets due on either side of 2026-10-12, one 转办; a 差评 owed its call; a name that sorts just past 李.
      ticket('q-late-2', { due_on: '2026-10-09', registered_on: '2026-09-30' });
      ticket('q-late-1', { due_on: '2026-10-01', registered_on: '2026-09-22', status: 'transferred', transferred_to: '派出所' });
      ticket('q-soon', { due_on: '2026-10-13', registered_on: '2026-10-06' });
      ticket('q-bad', { ...done, ...ratedBad, follow_up_due_on: '2026-10-20' });
      ticket('q-liu', { applicant_name: '李四五', registered_on: '2026-10-11', resident_id: null });
      ticket('q-name-after', { applicant_name: '杨一', registered_on: '2026-10-11', resident_id: null });
    });

    it('the indexes are the ones the queries are written for', () => {
      expect(indexOf(f.sqlite, 'hall_tickets_open_due')).toEqual({ columns: ['due_on'], where: "status IN ('accepted', 'transferred')" });
      expect(indexOf(f.sqlite, 'hall_tickets_follow_up')).toEqual({
        columns: ['follow_up_due_on'],
        where: 'follow_up_due_on IS NOT NULL AND follow_up_at IS NULL',
      });
      expect(indexOf(f.sqlite, 'hall_tickets_status')).toEqual({ columns: ['status', 'registered_on', 'number'], where: null });
      expect(indexOf(f.sqlite, 'hall_tickets_name')).toEqual({ columns: ['applicant_name', 'registered_on', 'number', 'status', 'kind'], where: null });
      expect(indexOf(f.sqlite, 'hall_tickets_completed')).toEqual({ columns: ['status', 'completed_on', 'due_on'], where: null });
      expect(indexOf(f.sqlite, 'hall_tickets_rated')).toEqual({ columns: ['rated_at', 'rating_level'], where: 'rated_at IS NOT NULL' });
    });

    it('督办: the overdue and due-soon lists read hall_tickets_open_due in order, with no sort', () => {
      expect(planOf(f.sqlite, overdue, '2026-10-12', 100)).toBe('SEARCH hall_tickets USING INDEX hall_tickets_open_due (due_on<?)');
      expect(planOf(f.sqlite, dueSoon, '2026-10-12', '2026-10-15', 100)).toBe('SEARCH hall_tickets USING INDEX hall_tickets_open_due (due_on>? AND due_on<?)');
      // The index holds open tickets only, the most overdue first; closed and notified ones are not in it.
      expect(ids(overdue, '2026-10-12', 100)).toEqual(['q-late-1', 'q-late-2']);
      expect(ids(dueSoon, '2026-10-12', '2026-10-15', 100)).toEqual(['q-soon']);
    });

    it('督办: the 差评 follow-up list reads hall_tickets_follow_up in order, with no sort', () => {
      expect(planOf(f.sqlite, followUps, 100)).toBe('SEARCH hall_tickets USING INDEX hall_tickets_follow_up (follow_up_due_on>?)');
      // t-rated-2 and t-once were followed up already: they left the index.
      expect(ids(followUps, 100)).toEqual(['q-bad']);
    });

    it('the list of one status reads hall_tickets_status newest first, first page and next, with no sort', () => {
      expect(planOf(f.sqlite, byStatus, 'accepted', 51)).toBe('SEARCH hall_tickets USING INDEX hall_tickets_status (status=?)');
      expect(planOf(f.sqlite, byStatusAfter, 'accepted', '2026-10-09', 'SL2026-000006', 51)).toBe(
        'SEARCH hall_tickets USING INDEX hall_tickets_status (status=? AND (registered_on,number)<(?,?))',
      );
      expect(ids(byStatus, 'transferred', 51)).toEqual(['t-fixed', 'q-late-1']);
    });

    it('a name typed from its start chooses the page from hall_tickets_name alone (a status filter too), then reads only its rows', () => {
      for (const [query, params] of [
        [byNamePrefix, ['李四', `李四${PREFIX_END}`, 51, 51]],
        [byStatusAndName, ['accepted', '李四', `李四${PREFIX_END}`, 51, 51]],
      ] as const) {
        const plan = planOf(f.sqlite, query, ...params);
        expect(plan).toMatch(/^SEARCH hall_tickets USING COVERING INDEX hall_tickets_name \(applicant_name>\? AND applicant_name<\?\)$/m);
        expect(plan).toMatch(/^SEARCH hall_tickets USING INTEGER PRIMARY KEY \(rowid=\?\)$/m);
        expect(plan).not.toMatch(/SCAN hall_tickets|hall_tickets_status/);
      }
      expect(ids(byNamePrefix, '李四五', `李四五${PREFIX_END}`, 51, 51)).toEqual(['q-liu']);
      expect(ids(byStatusAndName, 'accepted', '李四五', `李四五${PREFIX_END}`, 51, 51)).toEqual(['q-liu']);
      expect(ids(byStatusAndName, 'completed', '李四五', `李四五${PREFIX_END}`, 51, 51)).toEqual([]);
    });

    it('督办: the month’s completed, on-time, rated and 差评 counts read their indexes alone, never the tickets', () => {
      const month = ['completed', '2026-10-01', '2026-10-31'];
      for (const query of [completedInMonth, onTimeInMonth])
        expect(planOf(f.sqlite, query, ...month)).toBe(
          'SEARCH hall_tickets USING COVERING INDEX hall_tickets_completed (status=? AND completed_on>? AND completed_on<?)',
        );
      const rated = ['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'];
      expect(planOf(f.sqlite, ratedInMonth, ...rated)).toBe('SEARCH hall_tickets USING COVERING INDEX hall_tickets_rated (rated_at>? AND rated_at<?)');
      expect(planOf(f.sqlite, badInMonth, ...rated, 2)).toBe('SEARCH hall_tickets USING COVERING INDEX hall_tickets_rated (rated_at>? AND rated_at<?)');
      // q-bad was completed on 10-14 and rated 差评 that day; the counts are the rows the queries find.
      const count = (query: string, ...params: unknown[]) => (f.sqlite.prepare(query).get(...params) as { n: number }).n;
      const completed = count('SELECT count(*) AS n FROM hall_tickets NOT INDEXED WHERE status = ? AND completed_on BETWEEN ? AND ?', ...month);
      expect(completed).toBeGreaterThan(0);
      expect(count(completedInMonth, ...month)).toBe(completed);
      expect(count(badInMonth, ...rated, 2)).toBe(
        count('SELECT count(*) AS n FROM hall_tickets NOT INDEXED WHERE rated_at >= ? AND rated_at < ? AND rating_level <= 2', ...rated),
      );
      expect(count(badInMonth, ...rated, 2)).toBeGreaterThan(0);
    });
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../src/shared/i18n/translate';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { idFor, makeHousehold, makePlaces, phoneFor, residentInput } from './fixture';

let hall: TestHall;
let places: Awaited<ReturnType<typeof makePlaces>>;
beforeAll(async () => {
  hall = await openTestHall();
  places = await makePlaces(hall);
});
afterAll(async () => {
  await hall.close();
});

describe('creating residents', () => {
  it('accepts a valid ID number and derives birth date, gender and region', async () => {
    const r = await hall.call(
      'residents.create',
      residentInput({ name: '王秀英', idNumber: '11010519491231002x', phone: '138 0013 8000', houseId: places.house('2', '501') }),
    );
    expect(r).toMatchObject({
      name: '王秀英',
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
      idMasked: '110***********002X',
      phoneMasked: '138****8000',
      address: '幸福小区3栋2单元501',
      gridName: '第一网格',
      age: 76,
      archived: false,
    });
    const male = await hall.call('residents.create', residentInput({ name: '李建国', idNumber: '440524188001010014' }));
    expect(male).toMatchObject({ birthDate: '1880-01-01', gender: 'male' });
    const timeline = (await hall.call('residents.get', { id: r.id })).timeline;
    expect(timeline.map((e) => e.kind)).toEqual(['created']);
  });

  it('refuses a number that fails the check without telling which check character would pass', async () => {
    const err = await hall.fail('residents.create', residentInput({ name: '赵六', idNumber: '110105194912310021' }));
    expect(err).toMatchObject({ code: 'contract.invalid_input', fields: { idNumber: 'id.checksum' } });
    expect(JSON.stringify(err.params ?? {})).not.toContain('X');
    const message = translator('zh-CN')('errors.id.checksum');
    expect(message).toBe('号码有误（校验不通过），请对照身份证逐位核对');
    expect(translator('en')('errors.id.checksum')).not.toMatch(/should be/);
  });

  it('converts a legacy 15-digit number to 18 digits', async () => {
    const r = await hall.call('residents.create', residentInput({ name: '孙老五', idNumber: '130503670401001' }));
    expect(r).toMatchObject({ birthDate: '1967-04-01', gender: 'male', idMasked: '130***********0016' });
    // Found again by the converted number.
    const hits = await hall.call('residents.search', { q: '130503196704010016' });
    expect(hits.map((h) => h.id)).toEqual([r.id]);
  });

  it('refuses a birth date or gender that contradicts the number', async () => {
    const err = await hall.fail('residents.create', residentInput({ name: '周七', idNumber: '53010219200508011X', birthDate: '1920-05-09', gender: 'female' }));
    expect(err.code).toBe('contract.invalid_input');
    expect(err.fields).toMatchObject({ birthDate: 'residents.birth_mismatch', gender: 'residents.gender_mismatch' });
    expect(err.params).toMatchObject({ fromId: expect.any(String) });
  });

  it('refuses the same ID number twice, naming the existing resident', async () => {
    const first = await hall.call('residents.create', residentInput({ name: '钱八', idNumber: '34052419800101001X' }));
    const err = await hall.fail('residents.create', residentInput({ name: '钱捌', idNumber: '34052419800101001x' }));
    expect(err).toMatchObject({
      code: 'residents.duplicate_id',
      params: { residentId: first.id, name: '钱八' },
      fields: { idNumber: 'residents.duplicate_id' },
    });
  });

  it('warns about the same name and birth date, then saves when acknowledged', async () => {
    const first = await hall.call(
      'residents.create',
      residentInput({ name: '陈九', docType: '护照', idNumber: 'E1234567', birthDate: '1990-02-03', gender: 'male' }),
    );
    const input = residentInput({ name: '陈九', docType: '其他', birthDate: '1990-02-03' });
    const err = await hall.fail('residents.create', input);
    expect(err).toMatchObject({ code: 'residents.similar_exists', params: { residentId: first.id, name: '陈九', birthDate: '1990-02-03' } });
    const second = await hall.call('residents.create', { ...input, acknowledgeSimilar: true });
    expect(second.id).not.toBe(first.id);
  });

  it('checks phone numbers and accepts landlines', async () => {
    expect((await hall.fail('residents.create', residentInput({ name: '吴十', docType: '其他', phone: '12345' }))).fields).toEqual({ phone: 'phone.format' });
    const r = await hall.call('residents.create', residentInput({ name: '吴十', docType: '其他', phone: '0472-1234567' }));
    expect(r.phoneMasked).toBe('0472-***4567');
  });

  it('needs the write permission', async () => {
    const auditor = await addUser(hall, 'auditor1', ['auditor']);
    expect((await hall.fail('residents.create', residentInput({ name: '某人', docType: '其他' }), auditor)).code).toBe('auth.forbidden');
  });
});

describe('sensitive values', () => {
  const id = '11010519800101003X'.slice(0, 17);
  let resident: { id: string };
  let number: string;
  const phone = phoneFor(4321);

  beforeAll(async () => {
    number = idFor('1980-01-01', 3, '110105');
    expect(number.startsWith(id)).toBe(true);
    resident = await hall.call('residents.create', residentInput({ name: '郑敏感', idNumber: number, phone, houseId: places.house('1', '101') }));
  });

  it('lists and search hits show masked values only', async () => {
    const page = await hall.call('residents.list', { buildingId: places.building.id });
    const row = page.rows.find((r) => r.id === resident.id)!;
    expect(row).toMatchObject({ idMasked: `110***********${number.slice(-4)}`, phoneMasked: '138****4321' });
    expect(JSON.stringify(page)).not.toContain(number);
    expect(JSON.stringify(page)).not.toContain(phone);
    const hits = await hall.call('residents.search', { q: '郑敏感' });
    expect(hits[0]).toMatchObject({ id: resident.id, idMasked: row.idMasked, phoneMasked: '138****4321', matchedBy: 'name' });
    expect(JSON.stringify(await hall.call('residents.get', { id: resident.id }))).not.toContain(number);
  });

  it('reveal needs the permission and a reason, and the audit keeps the reason but not the value', async () => {
    const clerk = await addUser(hall, 'clerk1', ['clerk']);
    const worker = await addUser(hall, 'worker1', ['grid_worker']);
    const auditor = await addUser(hall, 'auditor2', ['auditor']);
    expect((await hall.fail('residents.reveal', { id: resident.id, field: 'idNumber', reason: '办理低保' }, worker)).code).toBe('auth.forbidden');
    expect((await hall.fail('residents.reveal', { id: resident.id, field: 'idNumber', reason: '办理低保' }, auditor)).code).toBe('auth.forbidden');
    expect((await hall.fail('residents.reveal', { id: resident.id, field: 'idNumber', reason: ' ' }, clerk)).fields).toEqual({
      reason: 'residents.reason_required',
    });
    expect(await hall.call('residents.reveal', { id: resident.id, field: 'idNumber', reason: '办理低保' }, clerk)).toEqual({ value: number });
    expect(await hall.call('residents.reveal', { id: resident.id, field: 'phone', reason: '联系本人' }, clerk)).toEqual({ value: phone });
    const audit = await hall.call('audit.list', { limit: 10, action: 'residents.reveal' });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[1]).toMatchObject({ recordId: resident.id, summary: '郑敏感', actorName: 'clerk1', after: { field: 'idNumber', reason: '办理低保' } });
    expect(JSON.stringify(audit)).toContain('办理低保');
    expect(JSON.stringify(audit)).not.toContain(number);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('an edit that sends the masked values back keeps the stored numbers', async () => {
    const detail = (await hall.call('residents.get', { id: resident.id })).resident;
    const updated = await hall.call('residents.update', {
      ...residentInput({ name: '郑敏感', idNumber: detail.idMasked, phone: detail.phoneMasked, houseId: detail.houseId, occupation: '工人' }),
      id: resident.id,
    });
    expect(updated).toMatchObject({ idMasked: detail.idMasked, phoneMasked: detail.phoneMasked, occupation: '工人' });
    expect(await hall.call('residents.reveal', { id: resident.id, field: 'phone', reason: '核对' })).toEqual({ value: phone });
    const [latest] = (await hall.call('residents.get', { id: resident.id })).timeline;
    expect(latest.detail).toEqual({ changes: [{ field: 'occupation', from: '', to: '工人' }] });
  });

  it('never writes a full ID number or phone into the file', async () => {
    const other = await addUser(hall, 'clerk9', ['clerk']);
    await hall.call('residents.update', { ...residentInput({ name: '郑敏感', idNumber: number, phone: phoneFor(9876) }), id: resident.id }, other);
    const sqlite = hall.core.services.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const files = [hall.dbPath, `${hall.dbPath}-wal`].filter((f) => fs.existsSync(f));
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      for (const secret of [number, phone, phoneFor(9876), '11010519491231002X', '130503196704010016', '34052419800101001X']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${f}`).toBe(false);
      }
    }
  });
});

describe('history and archive', () => {
  it('records update, move out, death and move in; archived people are hidden unless asked for', async () => {
    const hh = await makeHousehold(hall, 'H-100', places.house('1', '201'));
    const r = await hall.call(
      'residents.create',
      residentInput({ name: '冯历史', idNumber: idFor('1950-06-01', 11), householdId: hh.id, relationToHead: '户主' }),
    );
    expect(r.household).toMatchObject({ id: hh.id, number: 'H-100', relationToHead: '户主', headName: '冯历史' });
    expect(r.address).toBe('幸福小区3栋1单元201');
    await hall.call('residents.update', {
      ...residentInput({ name: '冯历史', idNumber: idFor('1950-06-01', 11), householdId: hh.id, relationToHead: '户主', status: '居住证' }),
      id: r.id,
    });
    hall.clock.advance(1000);
    await hall.call('residents.moveOut', { id: r.id, on: '2026-10-01', note: '迁往外地' });
    expect((await hall.fail('residents.moveOut', { id: r.id, on: '2026-10-02' })).code).toBe('residents.already_archived');
    expect((await hall.call('residents.list', { buildingId: places.building.id })).rows.map((x) => x.id)).not.toContain(r.id);
    const archived = await hall.call('residents.list', { buildingId: places.building.id, archived: 'archived' });
    expect(archived.rows.find((x) => x.id === r.id)).toMatchObject({ archived: true, movedOutOn: '2026-10-01' });
    expect((await hall.call('residents.list', { buildingId: places.building.id, archived: 'all' })).rows.map((x) => x.id)).toContain(r.id);
    expect((await hall.call('residents.getHousehold', { id: hh.id })).household.headResidentId).toBeNull();
    hall.clock.advance(1000);
    await hall.call('residents.moveIn', { id: r.id, on: '2026-11-01', householdId: hh.id, relationToHead: '户主' });
    hall.clock.advance(1000);
    expect((await hall.fail('residents.recordDeath', { id: r.id, on: '2026-11-23' })).fields).toEqual({ on: 'residents.date_in_future' });
    expect((await hall.fail('residents.recordDeath', { id: r.id, on: '1949-01-01' })).fields).toEqual({ on: 'residents.date_before_birth' });
    const dead = await hall.call('residents.recordDeath', { id: r.id, on: '2026-11-20' });
    expect(dead).toMatchObject({ archived: true, diedOn: '2026-11-20' });
    expect((await hall.fail('residents.recordDeath', { id: r.id, on: '2026-11-21' })).code).toBe('residents.already_archived');
    hall.clock.advance(1000);
    const restored = await hall.call('residents.moveIn', { id: r.id, on: '2026-11-21' });
    expect(restored).toMatchObject({ archived: false, diedOn: null, movedOutOn: null, movedInOn: '2026-11-21' });
    const { timeline } = await hall.call('residents.get', { id: r.id });
    expect(timeline.map((e) => e.kind)).toEqual(['restored', 'died', 'moved_in', 'moved_out', 'updated', 'created']);
    expect(timeline.find((e) => e.kind === 'updated')!.detail).toEqual({ changes: [{ field: 'status', from: '户籍', to: '居住证' }] });
    expect(timeline.find((e) => e.kind === 'moved_out')).toMatchObject({ onDate: '2026-10-01', detail: { note: '迁往外地' }, actorName: '王管理' });
    const actions = (await hall.call('audit.list', { limit: 50, recordId: r.id })).entries.map((e) => e.action);
    expect(actions).toEqual(['residents.moveIn', 'residents.recordDeath', 'residents.moveIn', 'residents.moveOut', 'residents.update', 'residents.create']);
  });

  it('records the death of someone who had already moved out, once', async () => {
    const r = await hall.call('residents.create', residentInput({ name: '褚迁出', idNumber: idFor('1940-03-01', 13) }));
    await hall.call('residents.moveOut', { id: r.id, on: '2026-09-01' });
    const dead = await hall.call('residents.recordDeath', { id: r.id, on: '2026-11-02', note: '家属告知' });
    expect(dead).toMatchObject({ archived: true, movedOutOn: '2026-09-01', diedOn: '2026-11-02' });
    expect((await hall.fail('residents.recordDeath', { id: r.id, on: '2026-11-03' })).code).toBe('residents.already_archived');
    const { timeline } = await hall.call('residents.get', { id: r.id });
    expect(timeline.map((e) => [e.kind, e.onDate, e.detail])).toEqual([
      ['died', '2026-11-02', { note: '家属告知' }],
      ['moved_out', '2026-09-01', { note: '', householdId: null, houseId: null }],
      ['created', null, expect.anything()],
    ]);
  });

  it('changes household and tags with history events and a household view', async () => {
    const a = await makeHousehold(hall, 'H-200', places.house('1', '301'));
    const b = await makeHousehold(hall, 'H-201', places.house('2', '301'));
    const tags = await hall.call('residents.listTags', {});
    const tag = tags.find((t) => t.name === '退役军人')!;
    const r = await hall.call(
      'residents.create',
      residentInput({ name: '褚迁户', idNumber: idFor('1960-03-03', 21), householdId: a.id, relationToHead: '户主', tagIds: [tag.id] }),
    );
    expect(r.tags).toEqual([{ id: tag.id, name: '退役军人', colour: 'green' }]);
    const moved = await hall.call('residents.changeHousehold', { id: r.id, householdId: b.id, relationToHead: '子' });
    expect(moved).toMatchObject({ address: '幸福小区3栋2单元301', household: { id: b.id, relationToHead: '子' } });
    const untagged = await hall.call('residents.setTags', { id: r.id, tagIds: [] });
    expect(untagged.tags).toEqual([]);
    const kinds = (await hall.call('residents.get', { id: r.id })).timeline.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'tagged', 'household_changed', 'untagged']));
    const view = await hall.call('residents.getHousehold', { id: b.id });
    expect(view.members.map((m) => [m.name, m.relationToHead])).toEqual([['褚迁户', '子']]);
    expect(view.household).toMatchObject({ number: 'H-201', address: '幸福小区3栋2单元301', visitIntervalDays: 182 });
    expect((await hall.call('residents.getHousehold', { id: a.id })).household.headResidentId).toBeNull();
    expect((await hall.fail('residents.setTags', { id: r.id, tagIds: ['nope'] })).code).toBe('residents.tag_not_found');
  });
});

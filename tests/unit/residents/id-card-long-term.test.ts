import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { idFor, residentInput } from './fixture';
import { commit, csv, preview } from '../../fixtures/residents/support';
import { expiryValue } from '../../../src/main/core/features/residents/import/values';
import { canHoldLongTermCard } from '../../../src/shared/values/id-card-validity';

/**
 * 长期有效 (a long-term ID card, issued from 46: 《居民身份证法》第5条) is kept apart from "no card yet /
 * not known": in the form's contract, in the history, in an import cell, and in the expiring-card list.
 */

let hall: TestHall; // the clock reads 2026-11-22
let seq = 0;
const person = (name: string, birth: string, more: Parameters<typeof residentInput>[0] = {}) =>
  hall.call('residents.create', residentInput({ name, idNumber: idFor(birth, ++seq * 2), ...more }));

beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

describe('long-term ID cards', () => {
  it('are stored and shown apart from an unknown expiry', async () => {
    const longTerm = await person('长期证', '1960-04-01', { idCardLongTerm: true });
    const unknown = await person('未知证', '1961-04-01');
    expect(longTerm).toMatchObject({ idCardLongTerm: true, idCardExpiresOn: null });
    expect(unknown).toMatchObject({ idCardLongTerm: false, idCardExpiresOn: null });
  });

  it('refuse a date beside 长期, another document, or a holder under 46, each with a clear field error', async () => {
    const withDate = await hall.fail(
      'residents.create',
      residentInput({ name: '又长期又有日期', idNumber: idFor('1960-05-01', 901), idCardLongTerm: true, idCardExpiresOn: '2030-01-01' }),
    );
    expect(withDate).toMatchObject({ code: 'contract.invalid_input', fields: { idCardExpiresOn: 'residents.long_term_with_date' } });
    const passport = await hall.fail(
      'residents.create',
      residentInput({ name: '护照长期', docType: '护照', idNumber: 'E12345678', birthDate: '1950-01-01', idCardLongTerm: true }),
    );
    expect(passport).toMatchObject({ fields: { idCardLongTerm: 'residents.long_term_not_id_card' } });
    // Born 1980-11-23: 45 on 2026-11-22, one day short of 46.
    const young = await hall.fail('residents.create', residentInput({ name: '年轻长期', idNumber: idFor('1980-11-23', 903), idCardLongTerm: true }));
    expect(young).toMatchObject({ fields: { idCardLongTerm: 'residents.long_term_too_young' }, params: { age: 46 } });
    expect(await person('刚满四十六', '1980-11-22', { idCardLongTerm: true })).toMatchObject({ idCardLongTerm: true });
    expect(canHoldLongTermCard('1980-11-23', '2026-11-22')).toBe(false);
    expect(canHoldLongTermCard('1980-11-22', '2026-11-22')).toBe(true);
  });

  it('a renewal to 长期 is one history event naming both fields', async () => {
    const r = await person('换长期', '1970-03-03', { idCardExpiresOn: '2026-12-01' });
    const input = residentInput({ name: '换长期', idNumber: r.idMasked, idCardLongTerm: true });
    await hall.call('residents.update', { ...input, id: r.id });
    const { resident, timeline } = await hall.call('residents.get', { id: r.id });
    expect(resident).toMatchObject({ idCardLongTerm: true, idCardExpiresOn: null });
    expect(timeline[0]).toMatchObject({ kind: 'updated' });
    expect((timeline[0].detail as { changes: unknown[] }).changes).toEqual(
      expect.arrayContaining([
        { field: 'id_card_expires_on', from: '2026-12-01', to: null },
        { field: 'id_card_long_term', from: 0, to: 1 },
      ]),
    );
  });

  it('never appear among the cards about to expire', async () => {
    const dated = await person('证下月到期', '1975-06-06', { idCardExpiresOn: '2026-12-20' });
    const names = (await hall.call('residents.idCardsExpiring', { withinDays: 365, limit: 200 })).rows.map((r) => r.id);
    expect(names).toContain(dated.id);
    const longTermIds = hall.core.services.sqlite.prepare('SELECT id FROM residents WHERE id_card_long_term = 1').pluck().all() as string[];
    expect(longTermIds.length).toBeGreaterThan(0);
    for (const id of longTermIds) expect(names).not.toContain(id);
  });

  it('the file itself refuses a long-term card with a date', () => {
    const id = hall.core.services.sqlite.prepare('SELECT id FROM residents WHERE id_card_long_term = 1 LIMIT 1').pluck().get() as string;
    expect(() => hall.core.services.sqlite.prepare("UPDATE residents SET id_card_expires_on = '2030-01-01' WHERE id = ?").run(id)).toThrow(
      /CHECK constraint failed/,
    );
  });
});

describe('long-term ID cards in an import', () => {
  it('reads 长期, 长期有效 and a range ending in 长期 as long-term, a date as a date', () => {
    expect(expiryValue('长期')).toEqual({ ok: true, value: { on: null, longTerm: true } });
    expect(expiryValue('长期有效')).toEqual({ ok: true, value: { on: null, longTerm: true } });
    expect(expiryValue('2016.01.05-长期')).toEqual({ ok: true, value: { on: null, longTerm: true } });
    expect(expiryValue('2016.01.05-2036.01.05')).toEqual({ ok: true, value: { on: '2036-01-05', longTerm: false } });
    expect(expiryValue('2036/1/5')).toEqual({ ok: true, value: { on: '2036-01-05', longTerm: false } });
    expect(expiryValue(null)).toEqual({ ok: true, value: null });
    expect(expiryValue('永久')).toMatchObject({ ok: false, code: 'import.bad_date' });
  });

  it('stores them, and refuses 长期 for someone under 46 on the expiry column', async () => {
    const older = idFor('1955-02-02', 501);
    const dated = idFor('1985-02-02', 503);
    const young = idFor('1995-02-02', 505);
    const p = await preview(
      hall,
      'cards.csv',
      csv([
        ['姓名', '身份证号', '人员类型', '身份证有效期'],
        ['导入长期', older, '户籍', '长期有效'],
        ['导入日期', dated, '户籍', '2015.03.01-2035.03.01'],
        ['导入太年轻', young, '户籍', '长期'],
      ]),
    );
    const refused = p.rows.find((r) => r.name === '导入太年轻');
    expect(refused?.problems).toEqual([expect.objectContaining({ field: 'idCardExpiresOn', code: 'residents.long_term_too_young', params: { age: 46 } })]);
    await commit(hall, p.importId);
    const rows = hall.core.services.sqlite
      .prepare("SELECT name, id_card_expires_on AS on_, id_card_long_term AS lt FROM residents WHERE name LIKE '导入%' ORDER BY name")
      .all();
    expect(rows).toEqual([
      { name: '导入日期', on_: '2035-03-01', lt: 0 },
      { name: '导入长期', on_: null, lt: 1 },
    ]);
  });
});

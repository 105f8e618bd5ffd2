import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { ImportWriter } from '../../../src/main/core/features/residents/import/write-rows';
import type { ResidentsTable } from '../../../src/main/core/db/schema';

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(() => hall.close());

const at = '2026-12-07T08:00:00.000Z';
const actor = { id: 'u-test', name: '测试' };

function row(id: string): ResidentsTable {
  return {
    id,
    name: '王小明',
    former_names: '',
    name_pinyin: 'wangxiaoming',
    name_initials: 'wxm',
    doc_type: '其他',
    id_cipher: null,
    id_hash: null,
    id_tail_rev: '',
    id_masked: '',
    birth_date: '1980-01-02',
    gender: 'male',
    region_code: null,
    phone_cipher: null,
    phone_last4: '',
    phone_masked: '',
    status: '户籍',
    residence_reason: '',
    registered_on: null,
    permit_expires_on: null,
    id_card_expires_on: null,
    id_card_long_term: 0,
    ethnicity: '',
    education: '',
    marital_status: '',
    occupation: '',
    notes: '',
    household_id: null,
    relation_to_head: '',
    grid_id: null,
    building_id: null,
    house_id: null,
    moved_in_on: null,
    moved_out_on: null,
    died_on: null,
    archived: 0,
    created_at: at,
    created_by: actor.id,
    updated_at: at,
    updated_by: actor.id,
  };
}

// The writer binds a row's values by position (write-rows.ts): every column goes to its own place, and a
// row missing one is refused rather than written with a NULL there.
describe('the import writer', () => {
  it('writes every column of a new and an updated row to its own place', () => {
    const sqlite = hall.core.services.sqlite;
    const writer = new ImportWriter(sqlite, actor, at);
    sqlite.exec('BEGIN');
    try {
      writer.insertResident(row('r-writer-1'));
      writer.updateResident({ ...row('r-writer-1'), notes: '更新过', occupation: '教师', updated_at: '2026-12-07T09:00:00.000Z' });
      const stored = sqlite.prepare('SELECT * FROM residents WHERE id = ?').get('r-writer-1') as ResidentsTable;
      expect(stored).toEqual({ ...row('r-writer-1'), notes: '更新过', occupation: '教师', updated_at: '2026-12-07T09:00:00.000Z' });
    } finally {
      sqlite.exec('ROLLBACK');
    }
  });

  it('refuses a row without one of its columns, and writes nothing of it', () => {
    const sqlite = hall.core.services.sqlite;
    const writer = new ImportWriter(sqlite, actor, at);
    const { occupation: _occupation, ...partial } = row('r-writer-2');
    expect(() => writer.insertResident(partial as ResidentsTable)).toThrow(/has no occupation/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM residents WHERE id = ?').get('r-writer-2')).toEqual({ n: 0 });
  });
});

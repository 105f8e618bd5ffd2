import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, openTestHall, type TestHall } from '../support/core';
import type { Input } from '../../../src/shared/contract';

// The catalogue through the contract, as the catalogue screen calls it, on a real Linli file.

let hall: TestHall;
let gridWorker: string;
let clerk: string;
beforeAll(async () => {
  hall = await openTestHall();
  gridWorker = await addUser(hall, 'wangge', ['grid_worker']);
  clerk = await addUser(hall, 'chuangkou', ['clerk']);
});
afterAll(() => hall.close());

const pension: Input<'hall.saveService'> = {
  code: 'SB-01',
  name: '城乡居民养老保险参保登记',
  category: '社会保险',
  department: '街道社保所',
  legalBasis: '《城乡居民基本养老保险经办规程》（人社部发〔2014〕23号）第六条',
  timeLimitDays: 5,
  place: '社区服务大厅 1 号窗口',
  materials: [
    { name: '居民身份证', form: 'original_and_copy', copies: 1, issuer: '公安机关', required: true },
    { name: '户口簿', form: 'original_and_copy' },
    { name: '本人银行卡（存折）', form: 'copy', required: false },
  ],
};

function auditRows(recordId: string) {
  return hall.core.services.sqlite
    .prepare("SELECT action, area, record_type, actor_name, before_json, after_json FROM audit_log WHERE record_id = ? AND area = 'hall' ORDER BY seq")
    .all(recordId) as { action: string; area: string; record_type: string; actor_name: string; before_json: string | null; after_json: string }[];
}

describe('the service catalogue', () => {
  it('creates a service with its materials, defaults filled in by the contract, and audits it', async () => {
    const s = await hall.call('hall.saveService', pension);
    expect(s).toMatchObject({ code: 'SB-01', name: '城乡居民养老保险参保登记', timeLimitDays: 5, fee: '不收费', conditions: '', contact: '', archived: false });
    expect(s.materials).toEqual([
      { name: '居民身份证', form: 'original_and_copy', copies: 1, issuer: '公安机关', required: true },
      { name: '户口簿', form: 'original_and_copy', copies: 1, issuer: '', required: true },
      { name: '本人银行卡（存折）', form: 'copy', copies: 1, issuer: '', required: false },
    ]);
    const [audit] = auditRows(s.id);
    expect(audit).toMatchObject({ action: 'hall.saveService', record_type: 'hall_service', actor_name: '王管理', before_json: null });
    expect(JSON.parse(audit.after_json).materials).toHaveLength(3);
  });

  it('updates a service; the audit record holds it before and after', async () => {
    const [s] = await hall.call('hall.listServices', { query: 'SB-01' });
    const updated = await hall.call('hall.saveService', { ...pension, id: s.id, timeLimitDays: 3, contact: '0472-1234501' });
    expect(updated).toMatchObject({ id: s.id, timeLimitDays: 3, contact: '0472-1234501' });
    const rows = auditRows(s.id);
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[1].before_json!).timeLimitDays).toBe(5);
    expect(JSON.parse(rows[1].after_json).timeLimitDays).toBe(3);
    expect(await hall.call('hall.listServices', {})).toHaveLength(1);
  });

  it('refuses a code another service has, on create and on update, and writes nothing', async () => {
    const taken = await hall.fail('hall.saveService', { ...pension, name: '另一个事项' });
    expect(taken.code).toBe('hall.service_code_taken');
    expect(taken.fields).toEqual({ code: 'hall.service_code_taken' });
    expect(taken.params).toMatchObject({ code: 'SB-01', name: '城乡居民养老保险参保登记' });
    const other = await hall.call('hall.saveService', { ...pension, code: 'YB-01', name: '城乡居民医保参保登记', timeLimitDays: 0 });
    expect((await hall.fail('hall.saveService', { ...pension, id: other.id, code: 'SB-01' })).code).toBe('hall.service_code_taken');
    expect((await hall.call('hall.listServices', {})).map((s) => s.code)).toEqual(['SB-01', 'YB-01']);
  });

  it('refuses a material listed twice, naming the second', async () => {
    const twice = await hall.fail('hall.saveService', {
      ...pension,
      code: 'LN-01',
      materials: [
        { name: '居民身份证', form: 'original' },
        { name: '近期一寸免冠彩色照片', form: 'original' },
        { name: '居民身份证', form: 'copy' },
      ],
    });
    expect(twice.code).toBe('hall.material_duplicate');
    expect(twice.fields).toEqual({ 'materials.2.name': 'hall.material_duplicate' });
    expect((await hall.call('hall.listServices', { query: 'LN-01' })).length).toBe(0);
  });

  it('refuses materials the contract does not allow, and an unknown id', async () => {
    expect((await hall.fail('hall.saveService', { ...pension, code: 'X-1', materials: [{ name: '照片', form: 'scan' }] })).code).toBe('contract.invalid_input');
    expect((await hall.fail('hall.saveService', { ...pension, code: 'X-1', materials: [{ name: '照片', form: 'original', copies: 0 }] })).code).toBe(
      'contract.invalid_input',
    );
    expect((await hall.fail('hall.saveService', { ...pension, id: 'no-such-service', code: 'X-1' })).code).toBe('hall.service_not_found');
  });

  it('finds services by code, name, category, department, and the name in pinyin or its initials', async () => {
    await hall.call('hall.saveService', {
      code: 'CL-01',
      name: '残疾人证申领',
      category: '残疾人服务',
      department: '区残联',
      timeLimitDays: 20,
      materials: [{ name: '近期二寸免冠白底彩色照片', form: 'original', copies: 3 }],
    });
    const codes = async (query: string) => (await hall.call('hall.listServices', { query })).map((s) => s.code);
    expect(await codes('cl-01')).toEqual(['CL-01']);
    expect(await codes('养老')).toEqual(['SB-01']);
    expect(await codes('社会保险')).toEqual(['SB-01', 'YB-01']);
    expect(await codes('区残联')).toEqual(['CL-01']);
    expect(await codes('ylbx')).toEqual(['SB-01']); // 养老保险
    expect(await codes('CJRZ')).toEqual(['CL-01']); // 残疾人证, upper-case typed
    expect(await codes('canjiren')).toEqual(['CL-01']);
    expect(await codes('yibao')).toEqual(['YB-01']); // 医保
    expect(await codes('cxjm')).toEqual(['SB-01', 'YB-01']); // 城乡居民
    expect(await codes('zzz')).toEqual([]);
    expect(await codes('')).toEqual(['CL-01', 'SB-01', 'YB-01']);
  });

  it('archives a service (never deletes it): gone from the counter list, kept with includeArchived, restored; audited', async () => {
    const [s] = await hall.call('hall.listServices', { query: 'YB-01' });
    const archived = await hall.call('hall.setServiceArchived', { id: s.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await hall.call('hall.listServices', {})).map((x) => x.code)).toEqual(['CL-01', 'SB-01']);
    expect((await hall.call('hall.listServices', { includeArchived: true })).map((x) => [x.code, x.archived])).toEqual([
      ['CL-01', false],
      ['SB-01', false],
      ['YB-01', true],
    ]);
    expect((await hall.call('hall.setServiceArchived', { id: s.id, archived: false })).archived).toBe(false);
    const archiving = auditRows(s.id).filter((r) => r.action === 'hall.setServiceArchived');
    expect(archiving.map((r) => JSON.parse(r.after_json).archived)).toEqual([true, false]);
    expect((await hall.fail('hall.setServiceArchived', { id: 'nope', archived: true })).code).toBe('hall.service_not_found');
    // The table refuses a delete outright.
    expect(() => hall.core.services.sqlite.prepare('DELETE FROM hall_services WHERE id = ?').run(s.id)).toThrow(/append_only/);
  });

  it('a grid worker and a clerk read the catalogue but cannot change it', async () => {
    expect((await hall.call('hall.listServices', {}, gridWorker)).length).toBe(3);
    expect((await hall.call('hall.listServices', {}, clerk)).length).toBe(3);
    const hallWrites = () => (hall.core.services.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE area = 'hall'").get() as { n: number }).n;
    const before = hallWrites();
    expect((await hall.fail('hall.saveService', { ...pension, code: 'NEW-1' }, gridWorker)).code).toBe('auth.forbidden');
    expect((await hall.fail('hall.saveService', { ...pension, code: 'NEW-1' }, clerk)).code).toBe('auth.forbidden');
    const [s] = await hall.call('hall.listServices', { query: 'SB-01' });
    expect((await hall.fail('hall.setServiceArchived', { id: s.id, archived: true }, gridWorker)).code).toBe('auth.forbidden');
    expect((await hall.call('hall.listServices', { query: 'NEW-1' })).length).toBe(0);
    expect(hallWrites()).toBe(before);
  });
});

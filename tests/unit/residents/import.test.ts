import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, makeId, preview, previewFails, residentCount, xlsx } from '../../fixtures/residents/support';
import { fieldForHeader, normaliseHeader, resolveMapping } from '../../../src/main/core/features/residents/import/mapping';

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await makePlaces(hall);
});
afterAll(() => hall.close());

const header = ['姓名', '身份证号码', '性别', '联系电话', '人员类型', '小区', '楼栋', '单元', '房号', '户号', '与户主关系', '标签', '网格'];
const zhang = makeId('110105', '1980-01-01', 11); // male
const li = makeId('110105', '1982-03-04', 22); // female
const wang = makeId('150203', '2010-06-15', 33);

describe('column mapping', () => {
  it('recognises the usual Chinese headers and the English field names', () => {
    const cases: [string, string][] = [
      ['姓名', 'name'],
      ['曾用名', 'formerNames'],
      ['证件类型', 'docType'],
      ['身份证号', 'idNumber'],
      ['身份证号码', 'idNumber'],
      ['公民身份号码', 'idNumber'],
      ['证件号码', 'idNumber'],
      ['出生日期', 'birthDate'],
      ['性别', 'gender'],
      ['联系电话', 'phone'],
      ['手机', 'phone'],
      ['手机号码', 'phone'],
      ['电话', 'phone'],
      ['人员类型', 'status'],
      ['户籍状态', 'status'],
      ['居住类型', 'status'],
      ['居住事由', 'residenceReason'],
      ['登记日期', 'registeredOn'],
      ['居住证到期', 'permitExpiresOn'],
      ['签注日期', 'permitExpiresOn'],
      ['身份证有效期', 'idCardExpiresOn'],
      ['民族', 'ethnicity'],
      ['文化程度', 'education'],
      ['婚姻状况', 'maritalStatus'],
      ['职业', 'occupation'],
      ['备注', 'notes'],
      ['小区', 'compound'],
      ['楼栋', 'building'],
      ['楼号', 'building'],
      ['幢', 'building'],
      ['单元', 'unit'],
      ['房号', 'room'],
      ['门牌号', 'room'],
      ['室', 'room'],
      ['户号', 'householdNumber'],
      ['与户主关系', 'relationToHead'],
      ['标签', 'tags'],
      ['人员标签', 'tags'],
      ['网格', 'grid'],
      ['idNumber', 'idNumber'],
      ['id_number', 'idNumber'],
      ['Name', 'name'],
      ['relationToHead', 'relationToHead'],
      ['*姓名', 'name'],
      ['身份证号（18位）', 'idNumber'],
      ['出生日期(年-月-日)', 'birthDate'],
      [' 联 系 电 话 ', 'phone'],
    ];
    for (const [h, field] of cases) expect([h, fieldForHeader(h)]).toEqual([h, field]);
    expect(fieldForHeader('身高')).toBeUndefined();
    expect(normaliseHeader('ＩＤ　Ｎｕｍｂｅｒ')).toBe('idnumber');
  });

  it('a mapping that is passed is the whole mapping; unknown columns are listed, not dropped silently', () => {
    const headers = ['序号', '姓名', '身份证号', '手机', '身高'];
    const auto = resolveMapping(headers, undefined);
    expect(auto.mapping).toEqual({ name: '姓名', idNumber: '身份证号', phone: '手机' });
    expect(auto.unmappedHeaders).toEqual(['序号', '身高']);
    const explicit = resolveMapping(headers, { name: '姓名', idNumber: '身份证号', notes: '身高' });
    expect(explicit.mapping).toEqual({ name: '姓名', idNumber: '身份证号', notes: '身高' });
    expect(explicit.unmappedHeaders).toEqual(['序号', '手机']);
  });
});

describe('preview and commit', () => {
  it('previews an XLSX: every row classified, nothing written', async () => {
    const file = await xlsx([
      header,
      ['张三', zhang, '男', '13800138000', '户籍', '幸福小区', '3栋', '2单元', '501', 'H001', '户主', '低保', '第一网格'],
      ['李四', li, '女', '13900139000', '户籍', '幸福小区', '3', '2', '501室', 'H001', '配偶', '', ''],
      ['王小五', wang, '', '', '流动人口', '', '', '', '', 'H001', '子', '', ''],
    ]);
    const before = residentCount(hall);
    const p = await preview(hall, '居民.xlsx', file);
    expect(p).toMatchObject({ fileName: '居民.xlsx', sheetName: '居民', totalRows: 3, counts: { add: 3, update: 0, unchanged: 0, reject: 0 } });
    expect(p.mapping).toMatchObject({ name: '姓名', idNumber: '身份证号码', building: '楼栋', householdNumber: '户号' });
    expect(p.rows[0]).toEqual({
      row: 2,
      action: 'add',
      name: '张三',
      idMasked: `${zhang.slice(0, 3)}***********${zhang.slice(-4)}`,
      address: '幸福小区3栋2单元501',
      problems: [],
    });
    expect(p.rows[2]).toMatchObject({ row: 4, name: '王小五', address: '幸福小区3栋2单元501' });
    expect(residentCount(hall)).toBe(before);

    const end = await commit(hall, p.importId);
    expect(end.failed).toBeUndefined();
    expect(end.done).toMatchObject({ file: null, summary: { added: 3, updated: 0, unchanged: 0, rejected: 0 } });
    expect(end.progress.at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(residentCount(hall)).toBe(before + 3);

    const sqlite = hall.core.services.sqlite;
    const hh = sqlite.prepare("SELECT * FROM households WHERE number = 'H001'").get() as {
      id: string;
      house_id: string;
      head_resident_id: string;
      next_visit_due: string;
    };
    const zhangRow = sqlite.prepare("SELECT * FROM residents WHERE name = '张三'").get() as Record<string, unknown>;
    expect(hh.head_resident_id).toBe(zhangRow.id);
    expect(hh.house_id).toBe(zhangRow.house_id);
    // A 流动人口 member makes the household a weekly visit ("3456"): due a week after it was created.
    expect(hh.next_visit_due).toBe('2026-11-29');
    expect(zhangRow).toMatchObject({ gender: 'male', birth_date: '1980-01-01', relation_to_head: '户主', phone_masked: '138****8000', status: '户籍' });
    const wangRow = sqlite.prepare("SELECT * FROM residents WHERE name = '王小五'").get() as Record<string, unknown>;
    expect(wangRow).toMatchObject({ household_id: hh.id, house_id: zhangRow.house_id, relation_to_head: '子' });
    const tags = sqlite.prepare('SELECT t.name FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.resident_id = ?').all(zhangRow.id as string);
    expect(tags).toEqual([{ name: '低保' }]);
    const events = sqlite.prepare('SELECT kind, detail_json FROM resident_events WHERE resident_id = ?').all(zhangRow.id as string) as {
      kind: string;
      detail_json: string;
    }[];
    expect(events.map((e) => e.kind)).toEqual(['imported']);
    expect(JSON.parse(events[0].detail_json)).toMatchObject({ fileName: '居民.xlsx', row: 2 });

    const audit = await hall.call('audit.list', { limit: 10, action: 'residents.import' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ area: 'residents', summary: '居民.xlsx: +3 ~0 =0 ×0' });

    // The same file again changes nothing.
    const again = await preview(hall, '居民.xlsx', file);
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 3, reject: 0 });
    const events0 = (sqlite.prepare('SELECT count(*) AS n FROM resident_events').get() as { n: number }).n;
    const end2 = await commit(hall, again.importId);
    expect(end2.done?.summary).toEqual({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect((sqlite.prepare('SELECT count(*) AS n FROM resident_events').get() as { n: number }).n).toBe(events0);
  });

  it('updates what changed, with the diff in the history; empty cells keep what is stored', async () => {
    const file = csv([
      ['姓名', '身份证号', '联系电话', '人员类型', '备注', '标签'],
      ['张三', zhang, '', '户籍', '新备注', '低保、高龄'],
    ]);
    const p = await preview(hall, 'update.csv', file);
    expect(p.counts).toEqual({ add: 0, update: 1, unchanged: 0, reject: 0 });
    const end = await commit(hall, p.importId);
    expect(end.done?.summary).toEqual({ added: 0, updated: 1, unchanged: 0, rejected: 0 });
    const sqlite = hall.core.services.sqlite;
    const row = sqlite.prepare("SELECT * FROM residents WHERE name = '张三'").get() as Record<string, unknown>;
    expect(row).toMatchObject({ notes: '新备注', phone_masked: '138****8000', house_id: expect.any(String), relation_to_head: '户主' });
    const events = sqlite.prepare('SELECT kind, detail_json FROM resident_events WHERE resident_id = ? ORDER BY at, kind').all(row.id as string) as {
      kind: string;
      detail_json: string;
    }[];
    const updated = events.find((e) => e.kind === 'updated')!;
    expect(JSON.parse(updated.detail_json).changes).toEqual([{ field: 'notes', from: '', to: '新备注' }]);
    expect(events.filter((e) => e.kind === 'tagged').map((e) => JSON.parse(e.detail_json).tag)).toEqual(['高龄']);
  });

  it('rejects rows with problems naming the row and the field; valid_rows imports the rest, all_or_nothing refuses', async () => {
    const bad = zhang.slice(0, 17) + (zhang[17] === '0' ? '1' : '0');
    const file = csv([
      ['姓名', '身份证号', '人员类型', '楼栋', '房号', '网格', '标签', '性别'],
      ['赵六', makeId('110105', '1990-02-02', 44), '户籍', '', '', '', '', ''],
      ['钱七', bad, '户籍', '', '', '', '', ''],
      ['孙八', makeId('110105', '1991-02-02', 55), '户籍', '9栋', '101', '', '', ''],
      ['周九', makeId('110105', '1992-02-02', 66), '户籍', '', '', '第九网格', '', ''],
      ['吴十', makeId('110105', '1993-02-02', 77), '户籍', '', '', '', '不存在的标签', ''],
      ['李四', zhang, '户籍', '', '', '', '', ''],
      ['郑一', makeId('110105', '1994-02-02', 88), '', '', '', '', '', ''],
      ['冯二', makeId('110105', '1994-02-02', 99), '户籍', '', '', '', '', '女'],
      ['赵六', makeId('110105', '1990-02-02', 44), '户籍', '', '', '', '', ''],
    ]);
    const p = await preview(hall, 'mixed.csv', file);
    expect(p.counts).toEqual({ add: 1, update: 0, unchanged: 0, reject: 8 });
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)!.problems).toEqual([{ row: 3, field: 'idNumber', code: 'id.checksum' }]);
    expect(byRow.get(4)!.problems).toEqual([{ row: 4, field: 'building', code: 'import.unknown_building', params: { building: '9栋', compound: '' } }]);
    expect(byRow.get(5)!.problems).toEqual([{ row: 5, field: 'grid', code: 'import.unknown_grid', params: { grid: '第九网格' } }]);
    expect(byRow.get(6)!.problems).toEqual([{ row: 6, field: 'tags', code: 'import.unknown_tag', params: { tag: '不存在的标签' } }]);
    expect(byRow.get(7)!.problems).toEqual([{ row: 7, field: 'name', code: 'import.conflict', params: { name: '张三' } }]);
    expect(byRow.get(8)!.problems).toEqual([{ row: 8, field: 'status', code: 'import.required' }]);
    expect(byRow.get(9)!.problems[0]).toMatchObject({ row: 9, field: 'gender', code: 'residents.gender_mismatch' });
    expect(byRow.get(10)!.problems).toEqual([{ row: 10, field: 'idNumber', code: 'import.duplicate_in_file', params: { firstRow: 2 } }]);
    expect(p.rows.slice(0, 8).every((r) => r.action === 'reject')).toBe(true);

    const refused = await hall.fail('residents.importCommit', { importId: p.importId, mode: 'all_or_nothing' });
    expect(refused).toMatchObject({ code: 'import.has_rejects', params: { count: 8 } });
    const before = residentCount(hall);
    const end = await commit(hall, p.importId, 'valid_rows');
    expect(end.done?.summary).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 8 });
    expect(residentCount(hall)).toBe(before + 1);
    expect((await hall.fail('residents.importCommit', { importId: p.importId, mode: 'valid_rows' })).code).toBe('import.already_committed');
  });

  it('refuses a file without a name column, and an unknown preview id', async () => {
    expect(await previewFails(hall, 'x.csv', '身份证号,电话\n1,2\n')).toMatchObject({ code: 'import.no_name_column' });
    expect((await hall.fail('residents.importCommit', { importId: 'nope', mode: 'valid_rows' })).code).toBe('import.expired');
  });
});

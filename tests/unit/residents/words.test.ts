import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { type TFunction } from 'i18next';
import sharedZh from '../../../src/shared/i18n/zh-CN.json';
import sharedEn from '../../../src/shared/i18n/en.json';
import uiZh from '../../../src/renderer/src/i18n/zh-CN.json';
import uiEn from '../../../src/renderer/src/i18n/en.json';
import { deepMerge, type LocaleTree } from '../../../src/renderer/src/i18n/merge';
import { areaLocales } from '../../../src/renderer/src/features/locales';
import { sharedAreaLocales } from '../../../src/shared/i18n/areas';

// The base files with every area's own locale files merged in, as the app loads them.
const uiZhAll = deepMerge(uiZh as LocaleTree, ...areaLocales.map((a) => a['zh-CN'])) as typeof uiZh & { residents: { nav: Record<string, string> } };
const uiEnAll = deepMerge(uiEn as LocaleTree, ...areaLocales.map((a) => a.en));
const sharedZhAll = deepMerge(sharedZh as LocaleTree, ...sharedAreaLocales.map((a) => a['zh-CN']));
const sharedEnAll = deepMerge(sharedEn as LocaleTree, ...sharedAreaLocales.map((a) => a.en));
import { codeValueLabel } from '../../../src/renderer/src/features/residents/common/code-values';
import { detailLines } from '../../../src/renderer/src/features/residents/detail/timeline-text';
import { summaryText, valueText } from '../../../src/renderer/src/features/audit/summary';
import { fieldLabel } from '../../../src/renderer/src/features/audit/labels';
import { relationsToHead } from '../../../src/main/core/db/migrations/0010_residents_relations_and_unplaced';
import type { AuditEntry } from '../../../src/shared/contract/audit';
import type { ResidentEvent } from '../../../src/shared/contract/residents';

/**
 * Words on screen (issue #11 §5): messages name menus that exist, one term 人员类别, the audit log and a
 * resident's history in people's words (no `residents.seed`, `idNumber`, `fileName`, `row`, report codes),
 * coded values in English in the English UI.
 */
let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    fallbackLng: false,
    resources: {
      'zh-CN': { translation: deepMerge(sharedZhAll, uiZhAll as LocaleTree) },
      en: { translation: deepMerge(sharedEnAll, uiEnAll) },
    },
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  en = i18n.getFixedT('en');
});

function strings(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages point to menus that exist', () => {
  it('every “在“X”中” names a menu of the navigation, or a button or tab that exists', () => {
    const nav = new Set([...Object.values(uiZhAll.nav), ...Object.values(uiZhAll.residents.nav)]);
    const labels = new Set(strings(uiZhAll).map(([, text]) => text));
    const pointers = (tree: unknown) =>
      strings(tree).flatMap(([key, text]) => [...text.matchAll(/在“([^”]+)”/g)].map((m) => [key, m[1].split(' → ')] as const));
    // Messages core sends (errors, import problems) name a menu first.
    const fromCore = pointers(sharedZhAll);
    expect(fromCore.length).toBeGreaterThanOrEqual(2);
    for (const [key, [menu]] of fromCore) expect(nav.has(menu), `${key}: “${menu}” is not a menu`).toBe(true);
    for (const [key, [first, ...rest]] of pointers(uiZhAll)) {
      expect(nav.has(first) || labels.has(first), `${key}: “${first}” is on no menu, tab or button`).toBe(true);
      for (const part of rest) expect(labels.has(part), `${key}: “${part}” is no tab`).toBe(true);
    }
    expect([...strings(sharedZhAll), ...strings(uiZhAll)].filter(([, text]) => /楼盘表中建立|网格与房屋/.test(text))).toEqual([]);
  });

  it('one term, 人员类别, everywhere', () => {
    expect([...strings(sharedZhAll), ...strings(uiZhAll)].filter(([, text]) => text.includes('人员类型'))).toEqual([]);
    expect(zh('reports.params.status')).toBe('人员类别');
    expect(zh('registerReport.columns.status')).toBe('人员类别');
  });
});

describe('coded values in the reader’s language', () => {
  it('the standard values have English names; a hall’s own entries and the Chinese UI keep the label', () => {
    expect(codeValueLabel(en, 'ethnicity', '汉族')).toBe('Han');
    expect(codeValueLabel(en, 'education', '大学本科')).toBe('Bachelor’s degree');
    expect(codeValueLabel(en, 'marital_status', '丧偶')).toBe('Widowed');
    expect(codeValueLabel(en, 'occupation', '离退休')).toBe('Retired');
    expect(codeValueLabel(en, 'relation_to_head', '母亲')).toBe('Mother');
    expect(codeValueLabel(en, 'relation_to_head', '父母')).toBe('Parent');
    expect(codeValueLabel(en, 'relation_to_head', '保姆')).toBe('保姆');
    expect(codeValueLabel(zh, 'relation_to_head', '母亲')).toBe('母亲');
    for (const relation of relationsToHead) expect(codeValueLabel(en, 'relation_to_head', relation), relation).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("a resident's history in people's words", () => {
  const event = (kind: ResidentEvent['kind'], detail: Record<string, unknown>): ResidentEvent => ({
    id: 'e',
    at: '2026-12-01T00:00:00Z',
    onDate: null,
    actorName: null,
    kind,
    detail,
  });

  it('an imported row names its file and row in a sentence, never fileName, row or the import id', () => {
    const lines = detailLines(zh, event('imported', { name: '张三', idMasked: '110***********002X', importId: 'imp-1', fileName: '登记表.xlsx', row: 12 }));
    expect(lines).toEqual(['来自导入文件 登记表.xlsx 第 12 行', '姓名：张三', '证件号：110***********002X']);
    expect(lines.join()).not.toMatch(/fileName|row|importId|imp-1/);
    expect(detailLines(en, event('imported', { fileName: 'register.xlsx', row: 3 }))).toEqual(['From row 3 of the imported file register.xlsx']);
  });

  it('变更户 says the new 户号 and the relation before and after, not the households’ ids', () => {
    const changed = { from: 'hh-1', to: 'hh-2', toNumber: 'GM-5-301', relationFrom: '户主', relationTo: '父亲', houseFrom: 'h1', houseTo: 'h2' };
    const lines = detailLines(zh, event('household_changed', changed));
    expect(lines).toEqual(['户号：GM-5-301', '与户主关系：户主 → 父亲']);
    expect(detailLines(en, event('household_changed', { toNumber: 'A-1', relationFrom: '', relationTo: '母亲' }))[1]).toBe(
      'Relation to head: (empty) → Mother',
    );
  });
});

describe("the audit log in people's words", () => {
  const entry = (action: string, more: Partial<AuditEntry>): AuditEntry => ({
    ...{ seq: 1, at: '2026-12-01T00:00:00Z', actorName: null, action, area: action.split('.')[0] },
    ...{ recordType: null, recordId: null, summary: null, before: null, after: null },
    ...more,
  });

  it('names the action of every record, the demo data included', () => {
    expect(zh('auditActions.residents.seed')).toBe('生成演示数据');
    expect(en('auditActions.residents.seed')).toBe('Generated demo data');
  });

  it('summaries are sentences in the reader’s language, never codes', () => {
    const seedSummary = 'Synthetic community (seed demo): 3000 residents in 917 households';
    const seed = entry('residents.seed', { summary: seedSummary, after: { seed: 'demo', residents: 3000, households: 917 } });
    expect(summaryText(zh, seed)).toBe('生成演示数据：3000 位居民，917 户');
    expect(summaryText(en, seed)).toBe('Demo data generated: 3000 residents in 917 households');
    const reveal = entry('residents.reveal', { summary: '郑敏感', after: { field: 'idNumber', reason: '办理低保' } });
    expect(summaryText(zh, reveal)).toBe('查看郑敏感的完整证件号，原因：办理低保');
    const exported = entry('reports.export', { recordId: 'residents.register', summary: 'residents.register.xlsx', after: { format: 'xlsx' } });
    expect(summaryText(zh, exported)).toBe('居民登记册（XLSX）');
    const counts = { added: 3, updated: 1, unchanged: 0, rejected: 2 };
    const imported = entry('residents.import', { summary: '表.xlsx: +3 ~1 =0 ×2', after: { fileName: '表.xlsx', ...counts } });
    expect(summaryText(zh, imported)).toBe('表.xlsx：新增 3，更新 1，未变 0，未导入 2');
    const codes = entry('residents.saveCodeList', { recordId: 'relation_to_head', summary: 'relation_to_head' });
    expect(summaryText(zh, codes)).toBe('与户主关系');
    expect(summaryText(zh, entry('residents.create', { summary: '张三' }))).toBe('张三');
  });

  it('the fields and coded values of residents’ records have names in both languages', () => {
    const keys = [
      ...['name', 'docType', 'idMasked', 'phoneMasked', 'birthDate', 'gender', 'status', 'householdId', 'relationToHead', 'houseId', 'movedInOn', 'movedOutOn'],
      ...['diedOn', 'archived', 'tags', 'fileName', 'sheet', 'mode', 'added', 'updated', 'unchanged', 'rejected', 'planned', 'row', 'field', 'reason', 'seed'],
      ...['residents', 'households'],
      // Places, households, tags and visits (the keys their records hold).
      ...['lastVisitOn', 'nextVisitDue', 'visitedOn', 'outcome', 'followUp', 'colour', 'residentCount', 'unit', 'floor', 'room', 'use', 'ownerName'],
      ...['landlordName'],
      ...['leaseStart', 'leaseEnd', 'rentalRegistrationNo', 'residenceRelation', 'headResidentId', 'visitIntervalDays', 'compoundName', 'gridName', 'floors'],
      ...['roomsMade', 'workerName', 'workerPhone', 'buildingCount'],
    ];
    for (const t of [zh, en]) for (const key of keys) expect(fieldLabel(t, key), key).not.toBe(key);
    expect(valueText(zh, 'field', 'idNumber')).toBe('证件号');
    expect(valueText(zh, 'mode', 'valid_rows')).toBe('只导入无误的行');
    expect(valueText(en, 'planned', 'as_previewed')).toBe('Written as previewed');
    expect(valueText(zh, 'gender', 'female')).toBe('女');
    expect(valueText(zh, 'outcome', 'met')).not.toBe('met');
  });
});

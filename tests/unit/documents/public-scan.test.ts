import { describe, expect, it } from 'vitest';
import { findPersonalData, markupText } from '../../../src/main/core/documents/public-scan';
import type { TableReport } from '../../../src/main/core/reports/model';
import { renderTableReport } from '../../../src/main/core/reports/formats/index';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData', () => {
  it('finds 18-digit ID numbers with a valid check digit, also spaced or full-width', () => {
    expect(findPersonalData('身份证号11010519491231002X')).toEqual([{ kind: 'idNumber', masked: '110***********002X' }]);
    expect(kinds('110105 19491231 002x')).toEqual(['idNumber']);
    expect(kinds('１１０１０５１９４９１２３１００２Ｘ')).toEqual(['idNumber']);
    // A wrong check digit is an order number, not an ID.
    expect(kinds('110105194912310021')).toEqual([]);
  });

  it('finds 15-digit numbers that carry a province and a birth date', () => {
    expect(kinds('旧证 110105491231002')).toEqual(['idNumber']);
    expect(kinds('流水号 999999999999999')).toEqual([]);
  });

  it('finds mainland mobiles, written together or in groups', () => {
    expect(findPersonalData('电话13812345678')).toEqual([{ kind: 'phone', masked: '138****5678' }]);
    expect(kinds('138 1234 5678')).toEqual(['phone']);
    expect(kinds('+86-138-1234-5678')).toEqual(['phone']);
    expect(kinds('金额 12812345678')).toEqual([]);
    expect(kinds('编号 238123456789')).toEqual([]);
  });

  it('finds a household address, not a building alone', () => {
    expect(kinds('幸福里3栋2单元301室')).toEqual(['address']);
    expect(kinds('5号楼1202')).toEqual(['address']);
    expect(kinds('2单元301')).toEqual(['address']);
    expect(kinds('住在502室')).toEqual(['address']);
    expect(kinds('3-2-301')).toEqual(['address']);
    expect(kinds('3栋加装电梯，2026年11月22日，合计 3,100.00 元')).toEqual([]);
  });

  it('lets masked values through', () => {
    expect(findPersonalData('110105********002X 138****5678 张*')).toEqual([]);
  });
});

describe('markupText', () => {
  it('joins the runs of a Word paragraph and decodes entities', () => {
    expect(markupText('<w:p><w:r><w:t>138</w:t></w:r><w:r><w:t>12345678</w:t></w:r></w:p><w:p><w:t>A&amp;B</w:t></w:p>')).toBe('13812345678\nA&B\n');
  });
});

describe('a public table report', () => {
  const report = (cell: string): TableReport => ({
    kind: 'table',
    title: '低保公示名单',
    meta: [],
    columns: [
      { key: 'name', header: '户主' },
      { key: 'note', header: '备注' },
    ],
    rows: [{ name: '张*', note: cell }],
    letterhead: { communityName: '幸福社区居民委员会', unitName: '幸福社区居民委员会' },
    generatedAt: '2026-11-22T02:30:00.000Z',
    generatedBy: '周敏',
    labels: { page: '第 {n} 页', of: '共 {n} 页', generatedAt: '导出时间', generatedBy: '导出人', total: '合计' },
    public: true,
  });
  const noPdf = { renderPdf: () => Promise.reject(new Error('not used')), close: async () => {} };

  it('is refused in XLSX, DOCX and CSV when a cell holds a phone, and passes without one', async () => {
    for (const format of ['xlsx', 'docx', 'csv'] as const) {
      const refused = { code: 'reports.public_personal_data', params: { kind: 'phone' } };
      await expect(renderTableReport(report('联系 13812345678'), format, noPdf)).rejects.toMatchObject(refused);
      await expect(renderTableReport(report('三口之家'), format, noPdf)).resolves.toBeDefined();
    }
  });
});

describe('numbers that are not personal data', () => {
  it('a row of small numbers in a table is not a phone or an ID', () => {
    expect(findPersonalData('13 5 2 7 8 1 2 3 4 5 6')).toEqual([]);
    expect(findPersonalData('1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X')).toEqual([]);
    expect(findPersonalData('2026-11-22 至 2026-11-28，合计 3,100.00 元，第 3 次会议')).toEqual([]);
  });
});

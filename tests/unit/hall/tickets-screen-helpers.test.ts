import { beforeAll, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import hallZh from '../../../src/renderer/src/features/hall/i18n/zh-CN.json';
import hallEn from '../../../src/renderer/src/features/hall/i18n/en.json';
import { ticketQuery } from '../../../src/renderer/src/features/hall/tickets/ticket-query';
import { daysLeftColour, daysLeftLabel, eventLabel, statusFilterLabel, timeLimitLabel } from '../../../src/renderer/src/features/hall/labels';

describe('the tickets search box', () => {
  it('sends a number, its tail or a name as typed', () => {
    expect(ticketQuery('  SL2026-000123 ')).toBe('SL2026-000123');
    expect(ticketQuery('123')).toBe('123');
    expect(ticketQuery('2026-123')).toBe('2026-123');
    expect(ticketQuery('张桂英')).toBe('张桂英');
    expect(ticketQuery('   ')).toBe('');
  });

  it('takes the number out of a scanned receipt QR payload, labelled or a link', () => {
    expect(ticketQuery('回执编号 sl2026-000045（窗口扫码查询办理进度）')).toBe('SL2026-000045');
    expect(ticketQuery('https://hall.example.cn/query?number=SL2026-000046')).toBe('SL2026-000046');
    expect(ticketQuery('https://hall.example.cn/rate?ticket=SL2026-000047&from=qr')).toBe('SL2026-000047');
  });

  it('never sends more than the contract takes', () => {
    expect(ticketQuery('x'.repeat(100))).toHaveLength(40);
  });
});

describe('the hall labels', () => {
  beforeAll(async () => {
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: hallZh }, en: { translation: hallEn } }, interpolation: { escapeValue: false } });
  });
  const t = () => i18n.t;

  it('says a time limit in working days, or 即办', () => {
    expect(timeLimitLabel(t(), 0)).toBe('即办');
    expect(timeLimitLabel(t(), 20)).toBe('20 个工作日');
  });

  it('says how far the due day is, and colours it', () => {
    expect(daysLeftLabel(t(), 3)).toBe('剩余 3 个工作日');
    expect(daysLeftLabel(t(), 0)).toBe('今日到期');
    expect(daysLeftLabel(t(), -2)).toBe('逾期 2 个工作日');
    expect([daysLeftColour(5), daysLeftColour(2), daysLeftColour(0), daysLeftColour(-1)]).toEqual(['teal', 'orange', 'orange', 'red']);
  });

  it("names the list's status filters and every history action core records, an unknown one as recorded", () => {
    expect(statusFilterLabel(t(), 'open')).toBe('在办');
    expect(statusFilterLabel(t(), 'notified')).toBe('待补正');
    for (const action of ['registered', 'accepted', 'notified', 'supplemented', 'transferred', 'completed', 'refused', 'rated', 'followed_up', 'revealed'])
      expect(eventLabel(t(), action)).not.toBe(action);
    expect(eventLabel(t(), 'archived_later')).toBe('archived_later');
  });

  it('reads the same in English', async () => {
    await i18n.changeLanguage('en');
    expect(daysLeftLabel(t(), -1)).toBe('1 working day(s) overdue');
    expect(timeLimitLabel(t(), 0)).toBe('On the spot');
    await i18n.changeLanguage('zh-CN');
  });
});

import { describe, expect, it } from 'vitest';
import { spotlightTicketQuery } from '../../../src/renderer/src/features/hall/search/spotlight-query';
import { classify } from '../../../src/main/core/features/residents/search';

/**
 * When Ctrl+K asks the service counter for tickets, and what it sends: only text that can name a ticket
 * (its number, the number's digits, a scanned receipt, an applicant's name of two or more characters).
 * Everything else would be a query that finds nothing, on every keystroke.
 */
describe('Ctrl+K and the service counter’s tickets', () => {
  it('asks for a whole ticket number, typed in either case or in full-width, as core reads it', () => {
    expect(spotlightTicketQuery('SL2026-000123')).toBe('SL2026-000123');
    expect(spotlightTicketQuery('  sl2026-000123 ')).toBe('sl2026-000123');
    expect(spotlightTicketQuery('ＳＬ２０２６－０００１２３')).toBe('SL2026-000123');
  });

  it('asks for a number from its year and three or more digits, not a shorter beginning that names most of the year', () => {
    expect(spotlightTicketQuery('SL2026-000')).toBe('SL2026-000');
    expect(spotlightTicketQuery('SL2026-0001')).toBe('SL2026-0001');
    for (const beginning of ['SL2026-00', 'SL2026-', 'SL2026', 'SL2']) expect(spotlightTicketQuery(beginning), beginning).toBeNull();
    // Two letters alone may begin a foreign applicant's name (below), and are asked for as one.
    expect(spotlightTicketQuery('SL')).toBe('SL');
  });

  it('asks for the digits of a number as read off a receipt (123, 000123), and a year with its number', () => {
    expect(spotlightTicketQuery('123')).toBe('123');
    expect(spotlightTicketQuery('7')).toBe('7');
    expect(spotlightTicketQuery('000123')).toBe('000123');
    expect(spotlightTicketQuery('2026-123')).toBe('2026-123');
    expect(spotlightTicketQuery('１２３')).toBe('123');
  });

  it('takes the number out of a scanned receipt’s QR payload, labelled or a link, with the tickets box’s own parser', () => {
    expect(spotlightTicketQuery('回执编号 SL2026-000045（窗口扫码查询办理进度）')).toBe('SL2026-000045');
    expect(spotlightTicketQuery('https://hall.example.cn/query?number=SL2026-000046')).toBe('SL2026-000046');
    // A link that names no ticket is no ticket.
    expect(spotlightTicketQuery('https://hall.example.cn/guide?service=HJ-09')).toBeNull();
  });

  it('asks for an applicant’s name of two or more characters, Chinese or Latin', () => {
    expect(spotlightTicketQuery('赵一')).toBe('赵一');
    expect(spotlightTicketQuery('买买提·艾力')).toBe('买买提·艾力');
    expect(spotlightTicketQuery('John Smith')).toBe('John Smith');
    expect(spotlightTicketQuery('赵')).toBeNull();
    expect(spotlightTicketQuery('J')).toBeNull();
  });

  it('leaves alone what only the registry can answer: ID numbers and their tails with X, phones, addresses, mixed text', () => {
    for (const text of ['', '   ', '11010519491231002X', '002X', '1234567', '13800001111', '3栋2单元501', '3-2-501', '张三 123', 'SL-HJ09'])
      expect(spotlightTicketQuery(text), text).toBeNull();
  });

  it('answers beside the registry, not instead of it: a short number may be a 户号 and a ticket at once', () => {
    // The residents' search reads 123 as a 户号 (and its beginning); the counter reads it as a ticket's digits.
    expect(classify('123').map((l) => l.kind)).toEqual(['household', 'household_prefix']);
    expect(spotlightTicketQuery('123')).toBe('123');
    // 1234 is also an ID number's and a phone's last digits to the registry, and still a ticket's digits here.
    expect(classify('1234').map((l) => l.kind)).toEqual(expect.arrayContaining(['id_suffix', 'phone_suffix']));
    expect(spotlightTicketQuery('1234')).toBe('1234');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allReceived, eventActions, idFor, pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// hall.register through the contract, on a real Linli file: each outcome, each refusal, the numbers, the
// applicant's personal data at rest, and who may register.

let f: TicketsHall;
beforeAll(async () => {
  f = await ticketsHall();
});
afterAll(() => f.hall.close());

function rawTicket(id: string) {
  return f.hall.core.services.sqlite.prepare('SELECT * FROM hall_tickets WHERE id = ?').get(id) as Record<string, unknown>;
}

describe('hall.register: the outcomes', () => {
  it('accepts an application with every required material: accepted today, due in the service’s working days, the clerk its 首问责任人', async () => {
    await setToday(f.hall, '2026-11-23');
    const t = await f.hall.call('hall.register', pensionApplication(f, { summary: '为本人办理参保登记' }), f.clerk);
    expect(t).toMatchObject({
      kind: 'application',
      status: 'accepted',
      serviceName: '城乡居民养老保险参保登记',
      serviceCode: 'SB-01',
      department: '街道社保所',
      applicantName: '李建军',
      acceptedOn: '2026-11-23',
      // Monday + 5 working days: Tue, Wed, Thu, Fri, the next Monday.
      dueOn: '2026-11-30',
      completedOn: null,
      firstOfficerName: 'chuangkou',
      handlerName: 'chuangkou',
      overdue: false,
      workingDaysLeft: 5,
      deficientItems: [],
      missingItems: [],
    });
    expect(t.number).toMatch(/^SL2026-\d{6}$/);
    expect(t.materials).toEqual([
      { name: '居民身份证', form: 'original_and_copy', copies: 1, required: true, received: true },
      { name: '户口簿', form: 'original_and_copy', copies: 1, required: true, received: true },
      { name: '近期一寸免冠照片', form: 'original', copies: 2, required: true, received: true },
      { name: '本人银行卡（存折）', form: 'copy', copies: 1, required: false, received: true },
    ]);
    expect(eventActions(t)).toEqual(['registered', 'accepted']);
    expect(t.events[1].detail).toContain('2026-11-30');
    expect(t.events.every((e) => e.actorName === 'chuangkou')).toBe(true);
  });

  it('an optional material missing does not stop acceptance; a required one does, naming what is missing', async () => {
    const ok = await f.hall.call('hall.register', pensionApplication(f, { received: allReceived(f.pension, ['本人银行卡（存折）']) }), f.clerk);
    expect(ok.status).toBe('accepted');
    const refused = await f.hall.fail('hall.register', pensionApplication(f, { received: allReceived(f.pension, ['户口簿', '近期一寸免冠照片']) }), f.clerk);
    expect(refused.code).toBe('hall.materials_missing');
    expect(refused.params).toEqual({ items: '户口簿、近期一寸免冠照片' });
    // Nothing ticked at all: every required material is missing.
    const none = await f.hall.fail('hall.register', pensionApplication(f, { received: [] }), f.clerk);
    expect(none.params).toEqual({ items: '居民身份证、户口簿、近期一寸免冠照片' });
  });

  it('容缺受理: accepted with the missing items pledged by a date between today and the due date, the pledge signed', async () => {
    const base = pensionApplication(f, { outcome: 'accept_deficient', received: allReceived(f.pension, ['户口簿']) });
    const t = await f.hall.call('hall.register', { ...base, supplementBy: '2026-11-27', pledgeSigned: true }, f.clerk);
    expect(t).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-11-23',
      dueOn: '2026-11-30',
      deficientItems: ['户口簿'],
      supplementBy: '2026-11-27',
      pledgeSigned: true,
      supplementedOn: null,
    });
    expect(t.events[1].detail).toContain('容缺受理');

    const codes = async (over: object) => (await f.hall.fail('hall.register', { ...base, ...over }, f.clerk)).code;
    expect(await codes({ supplementBy: null, pledgeSigned: true })).toBe('hall.supplement_by_required');
    expect(await codes({ supplementBy: '2026-11-20', pledgeSigned: true })).toBe('hall.supplement_by_past');
    expect(await codes({ supplementBy: '2026-12-01', pledgeSigned: true })).toBe('hall.supplement_by_after_due');
    expect(await codes({ supplementBy: '2026-11-30', pledgeSigned: false })).toBe('hall.pledge_required');
    // The due date itself and today are both allowed.
    expect((await f.hall.call('hall.register', { ...base, supplementBy: '2026-11-30', pledgeSigned: true }, f.clerk)).supplementBy).toBe('2026-11-30');
    expect((await f.hall.call('hall.register', { ...base, supplementBy: '2026-11-23', pledgeSigned: true }, f.clerk)).supplementBy).toBe('2026-11-23');
    // Nothing missing: there is nothing to accept "deficiently".
    expect(await codes({ received: allReceived(f.pension), supplementBy: '2026-11-27', pledgeSigned: true })).toBe('hall.nothing_missing');
  });

  it('一次性告知: not accepted, what is missing saved, no acceptance or due date; nothing missing is refused', async () => {
    const t = await f.hall.call(
      'hall.register',
      pensionApplication(f, { outcome: 'notify', received: allReceived(f.pension, ['户口簿', '本人银行卡（存折）']) }),
      f.clerk,
    );
    expect(t).toMatchObject({ status: 'notified', acceptedOn: null, dueOn: null, missingItems: ['户口簿'], workingDaysLeft: null, overdue: false });
    expect(eventActions(t)).toEqual(['registered', 'notified']);
    expect(t.events[1].detail).toBe('一次性告知：缺户口簿');
    expect((await f.hall.fail('hall.register', pensionApplication(f, { outcome: 'notify' }), f.clerk)).code).toBe('hall.nothing_missing');
  });

  it('an enquiry answered on the spot is completed at once; the answer is required; only an enquiry is answered', async () => {
    const t = await f.hall.call(
      'hall.register',
      {
        kind: 'enquiry',
        outcome: 'answer',
        applicantName: '王大爷',
        summary: '咨询高龄津贴申领条件',
        result: '年满80周岁的本市户籍老人可申领，携身份证、户口簿到窗口办理。',
      },
      f.clerk,
    );
    expect(t).toMatchObject({
      kind: 'enquiry',
      status: 'completed',
      acceptedOn: '2026-11-23',
      dueOn: '2026-11-23',
      completedOn: '2026-11-23',
      serviceId: null,
      workingDaysLeft: null,
    });
    expect(t.result).toContain('年满80周岁');
    expect(eventActions(t)).toEqual(['registered', 'completed']);
    expect((await f.hall.fail('hall.register', { kind: 'enquiry', outcome: 'answer', applicantName: '王大爷' }, f.clerk)).code).toBe('hall.result_required');
    expect((await f.hall.fail('hall.register', pensionApplication(f, { outcome: 'answer', result: '已答复' }), f.clerk)).code).toBe('hall.outcome_not_allowed');
  });

  it('a complaint is accepted with the default 5 working days, or with its service’s limit; it is never notified', async () => {
    const plain = await f.hall.call(
      'hall.register',
      { kind: 'complaint', outcome: 'accept', applicantName: '赵女士', summary: '窗口午休时间无人值守' },
      f.clerk,
    );
    expect(plain).toMatchObject({ kind: 'complaint', status: 'accepted', acceptedOn: '2026-11-23', dueOn: '2026-11-30', serviceName: '', materials: [] });
    const about = await f.hall.call(
      'hall.register',
      { kind: 'complaint', outcome: 'accept', serviceId: f.elderCard.id, applicantName: '赵女士', summary: '优待证未当场发放' },
      f.clerk,
    );
    expect(about).toMatchObject({ serviceName: '老年人优待证办理', dueOn: '2026-11-23' });
    expect((await f.hall.fail('hall.register', { kind: 'complaint', outcome: 'notify', applicantName: '赵女士' }, f.clerk)).code).toBe(
      'hall.outcome_not_allowed',
    );
  });
});

describe('hall.register: what is refused', () => {
  it('an application needs a service, one that exists and is not archived, and only that service’s materials', async () => {
    expect((await f.hall.fail('hall.register', pensionApplication(f, { serviceId: null }), f.clerk)).code).toBe('hall.service_required');
    expect((await f.hall.fail('hall.register', pensionApplication(f, { serviceId: 'no-such-service' }), f.clerk)).code).toBe('hall.service_not_found');
    const archived = await f.hall.fail('hall.register', pensionApplication(f, { serviceId: f.archived.id, received: [] }), f.clerk);
    expect(archived.code).toBe('hall.service_archived');
    const stray = await f.hall.fail(
      'hall.register',
      pensionApplication(f, { received: [...allReceived(f.pension), { name: '结婚证', received: true }] }),
      f.clerk,
    );
    expect(stray).toMatchObject({ code: 'hall.unknown_material', params: { name: '结婚证' } });
  });

  it('checks a 居民身份证 number as the registry does (GB 11643 check digit), and lets another document through', async () => {
    const bad = idFor('19700101', 13).slice(0, 17) + (idFor('19700101', 13).endsWith('1') ? '2' : '1');
    const refused = await f.hall.fail('hall.register', pensionApplication(f, { applicantIdNumber: bad }), f.clerk);
    expect(refused).toMatchObject({ code: 'id.checksum', fields: { applicantIdNumber: 'id.checksum' } });
    expect((await f.hall.fail('hall.register', pensionApplication(f, { applicantIdNumber: '990101197001010011' }), f.clerk)).code).toBe('id.province');
    expect((await f.hall.fail('hall.register', pensionApplication(f, { applicantPhone: '12345' }), f.clerk)).code).toBe('phone.format');
    // DOMAIN's test vector, lower-case x accepted and stored upper-case; a passport number is kept as typed.
    const gb = await f.hall.call('hall.register', pensionApplication(f, { applicantIdNumber: '11010519491231002x' }), f.clerk);
    expect(gb.applicantIdMasked).toBe('110***********002X');
    const passport = await f.hall.call('hall.register', pensionApplication(f, { applicantIdNumber: 'E12345678' }), f.clerk);
    expect(passport.applicantIdMasked).toBe('E12**5678');
  });

  it('a resident must exist and not be archived; the ticket then carries their name, ID and phone', async () => {
    expect((await f.hall.fail('hall.register', pensionApplication(f, { residentId: 'nobody' }), f.clerk)).code).toBe('hall.resident_not_found');
    const t = await f.hall.call(
      'hall.register',
      pensionApplication(f, { residentId: f.residentId, applicantName: '张贵英', applicantIdNumber: '', applicantPhone: '' }),
      f.clerk,
    );
    expect(t).toMatchObject({
      residentId: f.residentId,
      applicantName: '张桂英',
      applicantIdMasked: `${f.residentIdNumber.slice(0, 3)}***********${f.residentIdNumber.slice(-4)}`,
      applicantPhoneMasked: '139****1234',
    });
    expect((await f.hall.call('hall.reveal', { id: t.id, field: 'idNumber', reason: '核对参保信息' }, f.clerk)).value).toBe(f.residentIdNumber);

    const gone = await f.hall.call('residents.create', {
      name: '钱已迁',
      status: '户籍',
      docType: '居民身份证',
      idNumber: idFor('19800505', 31),
      unplacedReason: '测试',
    });
    await f.hall.call('residents.moveOut', { id: gone.id, on: '2026-11-01' });
    const archived = await f.hall.fail('hall.register', pensionApplication(f, { residentId: gone.id, applicantName: '钱已迁' }), f.clerk);
    expect(archived.code).toBe('hall.resident_archived');
  });

  it('a grid worker and an auditor cannot register; an auditor can read', async () => {
    await setToday(f.hall, '2026-11-23', f.gridWorker, f.auditor);
    expect((await f.hall.fail('hall.register', pensionApplication(f), f.gridWorker)).code).toBe('auth.forbidden');
    expect((await f.hall.fail('hall.register', pensionApplication(f), f.auditor)).code).toBe('auth.forbidden');
    const page = await f.hall.call('hall.listTickets', {}, f.auditor);
    expect(page.rows.length).toBeGreaterThan(0);
    expect((await f.hall.call('hall.getTicket', { id: page.rows[0].id }, f.auditor)).number).toBe(page.rows[0].number);
    expect((await f.hall.fail('hall.reveal', { id: page.rows[0].id, field: 'phone', reason: '回访' }, f.auditor)).code).toBe('auth.forbidden');
  });
});

describe('hall.register: numbers and records', () => {
  it('numbers run without gaps: a refused registration takes no number', async () => {
    const a = await f.hall.call('hall.register', pensionApplication(f), f.clerk);
    await f.hall.fail('hall.register', pensionApplication(f, { received: [] }), f.clerk);
    await f.hall.fail('hall.register', pensionApplication(f, { applicantPhone: 'x' }), f.clerk);
    const b = await f.hall.call('hall.register', pensionApplication(f), f.clerk);
    const n = (s: string) => Number(s.slice(-6));
    expect(n(b.number)).toBe(n(a.number) + 1);
    const all = (
      f.hall.core.services.sqlite.prepare("SELECT number FROM hall_tickets WHERE number LIKE 'SL2026-%' ORDER BY number").all() as { number: string }[]
    ).map((r) => n(r.number));
    expect(all).toEqual(all.map((_, i) => i + 1));
  });

  it('a new year starts again at 000001', async () => {
    await setToday(f.hall, '2027-01-04');
    const t = await f.hall.call('hall.register', pensionApplication(f), f.clerk);
    expect(t.number).toBe('SL2027-000001');
    await setToday(f.hall, '2026-11-23');
  });

  it('keeps the ID number and phone encrypted at rest, masked beside; no value in clear anywhere in the row, the events or the audit', async () => {
    const idNumber = idFor('19881208', 57);
    const t = await f.hall.call('hall.register', pensionApplication(f, { applicantIdNumber: idNumber, applicantPhone: '13647219876' }), f.clerk);
    const raw = rawTicket(t.id);
    expect(raw.applicant_id_masked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(raw.applicant_phone_masked).toBe('136****9876');
    expect(String(raw.applicant_id_cipher)).toMatch(/^v1\./);
    expect(String(raw.applicant_phone_cipher)).toMatch(/^v1\./);
    const everything = JSON.stringify([
      raw,
      f.hall.core.services.sqlite.prepare('SELECT * FROM hall_ticket_events WHERE ticket_id = ?').all(t.id),
      f.hall.core.services.sqlite.prepare('SELECT * FROM audit_log WHERE record_id = ?').all(t.id),
    ]);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain('13647219876');
    expect(JSON.stringify(t)).not.toContain(idNumber);
  });

  it('reveals the full value with a reason, on the audit record (without the value) and in the ticket’s history', async () => {
    const idNumber = idFor('19920417', 88);
    const t = await f.hall.call('hall.register', pensionApplication(f, { applicantIdNumber: idNumber, applicantPhone: '18947216655' }), f.clerk);
    expect((await f.hall.call('hall.reveal', { id: t.id, field: 'idNumber', reason: '核对参保身份' }, f.clerk)).value).toBe(idNumber);
    expect((await f.hall.call('hall.reveal', { id: t.id, field: 'phone', reason: '回电告知办理进度' }, f.clerk)).value).toBe('18947216655');
    expect((await f.hall.fail('hall.reveal', { id: t.id, field: 'phone', reason: '' }, f.clerk)).code).toBe('contract.invalid_input');
    const audits = f.hall.core.services.sqlite
      .prepare("SELECT action, actor_name, after_json FROM audit_log WHERE record_id = ? AND action = 'hall.reveal' ORDER BY seq")
      .all(t.id) as { action: string; actor_name: string; after_json: string }[];
    expect(audits.map((a) => JSON.parse(a.after_json))).toEqual([
      { field: 'idNumber', reason: '核对参保身份' },
      { field: 'phone', reason: '回电告知办理进度' },
    ]);
    expect(audits[0].actor_name).toBe('chuangkou');
    const view = await f.hall.call('hall.getTicket', { id: t.id }, f.clerk);
    expect(eventActions(view)).toEqual(['registered', 'accepted', 'revealed', 'revealed']);
    expect(view.events[2].detail).toContain('核对参保身份');
    expect(JSON.stringify(view.events)).not.toContain(idNumber);
    // A walk-in who gave no phone: nothing to reveal.
    const none = await f.hall.call('hall.register', pensionApplication(f, { applicantPhone: '' }), f.clerk);
    expect((await f.hall.fail('hall.reveal', { id: none.id, field: 'phone', reason: '回访' }, f.clerk)).code).toBe('hall.no_value');
  });

  it('every registration leaves an audit record with the ticket, masked', async () => {
    const t = await f.hall.call('hall.register', pensionApplication(f), f.clerk);
    const [audit] = f.hall.core.services.sqlite
      .prepare('SELECT action, area, record_type, summary, after_json FROM audit_log WHERE record_id = ?')
      .all(t.id) as {
      action: string;
      area: string;
      record_type: string;
      summary: string;
      after_json: string;
    }[];
    expect(audit).toMatchObject({ action: 'hall.register', area: 'hall', record_type: 'hall_ticket' });
    expect(audit.summary).toContain(t.number);
    expect(JSON.parse(audit.after_json)).toMatchObject({ number: t.number, status: 'accepted', applicantIdMasked: t.applicantIdMasked });
  });
});

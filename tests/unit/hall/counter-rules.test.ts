import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallService, RegisterOutcome, ServiceMaterial } from '../../../src/shared/contract/hall';
import { missingRequired, outcomeChoices, withReceipts } from '../../../src/renderer/src/features/hall/counter/outcomes';
import { addUser, openTestHall, type TestHall } from '../support/core';

// The counter's outcome buttons (受理 / 容缺受理 / 一次性告知 / 答复办结) against the materials ticked, and
// against what core's hall.register really accepts for the same materials.

const material = (name: string, required = true): ServiceMaterial => ({ name, form: 'original', copies: 1, issuer: '', required });
const pension = [material('居民身份证'), material('户口簿'), material('近期一寸免冠照片'), material('本人银行卡', false)];
const enabled = (choices: ReturnType<typeof outcomeChoices>) => choices.filter((c) => c.enabled).map((c) => c.outcome);

describe('the outcome buttons, from the materials on the counter', () => {
  it('offers nothing to press for an application before a service is chosen, and says why', () => {
    const choices = outcomeChoices('application', false, []);
    expect(choices.map((c) => c.outcome)).toEqual(['accept', 'accept_deficient', 'notify']);
    expect(choices.every((c) => !c.enabled && c.blockedBy === 'no_service')).toBe(true);
  });

  it('受理 only with every required material in; an optional one missing does not matter', () => {
    const all = withReceipts(pension, new Set(pension.map((m) => m.name)));
    expect(enabled(outcomeChoices('application', true, all))).toEqual(['accept']);
    const noBankCard = withReceipts(pension, new Set(['居民身份证', '户口簿', '近期一寸免冠照片']));
    expect(missingRequired(noBankCard)).toEqual([]);
    expect(enabled(outcomeChoices('application', true, noBankCard))).toEqual(['accept']);
    expect(outcomeChoices('application', true, noBankCard).find((c) => c.outcome === 'notify')?.blockedBy).toBe('nothing_missing');
  });

  it('容缺受理 and 一次性告知 when something required is missing, naming what', () => {
    const partial = withReceipts(pension, new Set(['居民身份证', '本人银行卡']));
    expect(missingRequired(partial)).toEqual(['户口簿', '近期一寸免冠照片']);
    const choices = outcomeChoices('application', true, partial);
    expect(enabled(choices)).toEqual(['accept_deficient', 'notify']);
    expect(choices.find((c) => c.outcome === 'accept')?.blockedBy).toBe('materials_missing');
  });

  it('a service without materials is accepted at once', () => {
    expect(enabled(outcomeChoices('application', true, []))).toEqual(['accept']);
  });

  it('an enquiry is answered on the spot or accepted to answer later; a complaint is accepted', () => {
    expect(enabled(outcomeChoices('enquiry', false, []))).toEqual(['answer', 'accept']);
    expect(enabled(outcomeChoices('complaint', false, []))).toEqual(['accept']);
    expect(enabled(outcomeChoices('complaint', true, []))).toEqual(['accept']);
  });
});

describe("the buttons agree with core's hall.register", () => {
  let hall: TestHall;
  let clerk: string;
  let service: HallService;
  beforeAll(async () => {
    hall = await openTestHall(); // the test clock's day: Sunday 2026-11-22
    clerk = await addUser(hall, 'chuangkou', ['clerk']);
    service = await hall.call('hall.saveService', {
      code: 'SB-01',
      name: '城乡居民养老保险参保登记',
      department: '街道社保所',
      timeLimitDays: 5,
      materials: pension.map(({ name, form, copies, issuer, required }) => ({ name, form, copies, issuer, required })),
    });
  });
  afterAll(() => hall.close());

  it('for every set of materials ticked, core registers exactly the outcomes the counter enables', async () => {
    const names = service.materials.map((m) => m.name);
    for (let mask = 0; mask < 1 << names.length; mask++) {
      const ticked = new Set(names.filter((_, i) => mask & (1 << i)));
      const checked = withReceipts(service.materials, ticked);
      const offered = enabled(outcomeChoices('application', true, checked));
      const accepted: RegisterOutcome[] = [];
      for (const outcome of ['accept', 'accept_deficient', 'notify'] as const) {
        const r = await hall.core.call({
          method: 'hall.register',
          sessionToken: clerk,
          input: {
            kind: 'application',
            serviceId: service.id,
            outcome,
            applicantName: '李建军',
            received: checked.map((m) => ({ name: m.name, received: m.received })),
            supplementBy: '2026-11-25',
            pledgeSigned: true,
          },
        });
        if (r.ok) accepted.push(outcome);
        else expect(['hall.materials_missing', 'hall.nothing_missing'], `${[...ticked].join('、')} ${outcome}`).toContain(r.error.code);
      }
      expect(accepted, [...ticked].join('、') || 'nothing ticked').toEqual(offered);
    }
  });
});

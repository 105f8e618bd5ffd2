import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src/shared/contract';
import type { HallService, Ticket, TicketView } from '../../../src/shared/contract/hall';
import { itemsToSupplement, supplementPending, ticketActions, type TicketAction } from '../../../src/renderer/src/features/hall/ticket/actions';
import { ticketDocuments } from '../../../src/renderer/src/features/hall/ticket/documents';
import { addUser, openTestHall, type TestHall } from '../support/core';

// The ticket page offers an action only where core will take it: each state is built through the real
// methods, then every action is tried on a fresh ticket in that state.

const today = '2026-11-22'; // the test clock's day

let hall: TestHall;
let clerk: string;
let service: HallService;

const received = (except: string[] = []) => service.materials.map((m) => ({ name: m.name, received: !except.includes(m.name) }));

async function register(over: Partial<Input<'hall.register'>>): Promise<TicketView> {
  return hall.call(
    'hall.register',
    { kind: 'application', serviceId: service.id, outcome: 'accept', applicantName: '李建军', received: received(), ...over },
    clerk,
  );
}

/** Each state a ticket can be in, reached through the methods a clerk would use. */
const states: Record<string, () => Promise<TicketView>> = {
  accepted: () => register({}),
  deficient: () => register({ outcome: 'accept_deficient', received: received(['户口簿']), supplementBy: '2026-11-24', pledgeSigned: true }),
  notified: () => register({ outcome: 'notify', received: received(['户口簿', '近期一寸免冠照片']) }),
  transferred: async () => hall.call('hall.transfer', { id: (await register({})).id, department: '街道社保所' }, clerk),
  completed: async () => hall.call('hall.complete', { id: (await register({})).id, result: '已参保' }, clerk),
  refused: async () => hall.call('hall.refuse', { id: (await register({})).id, reason: '不符合参保条件' }, clerk),
  answered: () => register({ kind: 'enquiry', serviceId: null, outcome: 'answer', received: [], result: '已当场答复' }),
  badlyRated: async () => hall.call('hall.rate', { id: (await register({})).id, level: 1 }, clerk),
  followedUp: async () => {
    const rated = await hall.call('hall.rate', { id: (await register({})).id, level: 2 }, clerk);
    return hall.call('hall.followUp', { id: rated.id, contactedOn: today, verified: '已电话核实' }, clerk);
  },
};

function attempt(action: TicketAction, t: TicketView) {
  const items = itemsToSupplement(t);
  const inputs: Record<TicketAction, () => Promise<{ ok: boolean; code?: string }>> = {
    supplement: () => call('hall.supplement', { id: t.id, items: items.length ? items : ['户口簿'] }),
    transfer: () => call('hall.transfer', { id: t.id, department: '街道民政办' }),
    complete: () => call('hall.complete', { id: t.id, result: '已办结' }),
    refuse: () => call('hall.refuse', { id: t.id, reason: '不符合条件' }),
    rate: () => call('hall.rate', { id: t.id, level: 4 }),
    followUp: () => call('hall.followUp', { id: t.id, contactedOn: today, verified: '已核实' }),
  };
  return inputs[action]();
}

async function call<M extends 'hall.supplement' | 'hall.transfer' | 'hall.complete' | 'hall.refuse' | 'hall.rate' | 'hall.followUp'>(
  method: M,
  input: Input<M>,
) {
  const r = await hall.core.call({ method, input, sessionToken: clerk });
  return r.ok ? { ok: true } : { ok: false, code: r.error.code };
}

beforeAll(async () => {
  hall = await openTestHall();
  clerk = await addUser(hall, 'chuangkou', ['clerk']);
  service = await hall.call('hall.saveService', {
    code: 'SB-01',
    name: '城乡居民养老保险参保登记',
    department: '街道社保所',
    timeLimitDays: 5,
    materials: [
      { name: '居民身份证', form: 'original_and_copy' },
      { name: '户口簿', form: 'original_and_copy' },
      { name: '近期一寸免冠照片', form: 'original', copies: 2 },
      { name: '本人银行卡', form: 'copy', required: false },
    ],
  });
});
afterAll(() => hall.close());

describe('the ticket page offers what core allows', () => {
  const all: TicketAction[] = ['supplement', 'transfer', 'complete', 'refuse', 'rate', 'followUp'];

  it.each(Object.keys(states))('a %s ticket: every action offered succeeds, every other is refused', async (state) => {
    const offered = ticketActions(await states[state]());
    for (const action of all) {
      const fresh = await states[state]();
      const r = await attempt(action, fresh);
      expect(r.ok, `${state} → ${action} (${r.code ?? 'ok'}); offered: ${offered.join(', ')}`).toBe(offered.includes(action));
    }
  });

  it('names what a 补正 may bring, and holds 办结 back while 容缺 items are owed', async () => {
    const deficient = await states.deficient();
    expect(itemsToSupplement(deficient)).toEqual(['户口簿']);
    expect(supplementPending(deficient)).toBe(true);
    const supplied = await hall.call('hall.supplement', { id: deficient.id, items: ['户口簿'] }, clerk);
    expect(supplementPending(supplied)).toBe(false);
    expect(ticketActions(supplied)).toContain('complete');

    const notified = await states.notified();
    expect(itemsToSupplement(notified)).toEqual(['户口簿', '近期一寸免冠照片']);
  });
});

describe('the documents offered for printing', () => {
  const base: Pick<Ticket, 'kind' | 'status' | 'acceptedOn' | 'completedOn' | 'missingItems'> = {
    kind: 'application',
    status: 'accepted',
    acceptedOn: today,
    completedOn: null,
    missingItems: [],
  };

  it('受理回执 once accepted, not for an enquiry answered on the spot', async () => {
    expect(ticketDocuments(base)).toEqual(['receipt']);
    expect(ticketDocuments(await states.answered())).toEqual([]);
    expect(ticketDocuments(await states.deficient())).toEqual(['receipt']);
  });

  it('一次性告知书 for what was told missing (also after the ticket was accepted), 不予受理告知书 once refused', async () => {
    expect(ticketDocuments(await states.notified())).toEqual(['notice']);
    expect(ticketDocuments({ ...base, missingItems: ['户口簿'] })).toEqual(['receipt', 'notice']);
    expect(ticketDocuments(await states.refused())).toEqual(['receipt', 'refusal']);
    expect(ticketDocuments({ ...base, status: 'refused', acceptedOn: null, missingItems: ['户口簿'] })).toEqual(['refusal']);
  });
});

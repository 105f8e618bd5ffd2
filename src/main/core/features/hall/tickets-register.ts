import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { ReceivedMaterial, RegisterOutcome, TicketKind, TicketView, registerInput } from '../../../../shared/contract/hall';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import type { HallServicesTable } from './tables';
import type { TicketDesk } from './tickets-desk';
import { applicantColumns } from './tickets-applicant';
import { appendEvent, findServiceRow, serviceMaterials } from './tickets-repository';
import { readHallSettings } from './hall-settings';
import { auditedView } from './tickets-view';
import { kindWords, listWords, timeLimitWords } from './tickets-words';

export type RegisterInput = z.output<typeof registerInput>;

/** The gapless sequence ticket numbers are drawn from, per year (core/sequences). */
export const TICKET_SEQUENCE = 'hall_ticket';
/** 受理 (SL): SL2026-000123. */
export const TICKET_NUMBER_PREFIX = 'SL';

/** Which outcomes each kind of ticket can have at the counter. */
const allowedOutcomes: Record<TicketKind, readonly RegisterOutcome[]> = {
  application: ['accept', 'accept_deficient', 'notify'],
  enquiry: ['answer', 'accept'],
  complaint: ['accept'],
};

/** The service's materials, each marked received or not from what the counter ticked. */
function receivedMaterials(service: HallServicesTable | null, received: RegisterInput['received']): ReceivedMaterial[] {
  const materials = service ? serviceMaterials(service) : [];
  const names = new Set(materials.map((m) => m.name));
  for (const r of received) {
    if (!names.has(r.name))
      throw new AppError('hall.unknown_material', `${r.name} is not a material of this service`, {
        params: { name: r.name },
        fields: { received: 'hall.unknown_material' },
      });
  }
  const ticked = new Map(received.map((r) => [r.name, r.received]));
  return materials.map((m) => ({ name: m.name, form: m.form, copies: m.copies, required: m.required, received: ticked.get(m.name) ?? false }));
}

/** Required materials not received: what a 一次性告知书 lists, or what 容缺受理 lets the applicant supplement. */
export function missingRequired(materials: readonly ReceivedMaterial[]): string[] {
  return materials.filter((m) => m.required && !m.received).map((m) => m.name);
}

function materialsMissing(names: string[]): AppError {
  return new AppError('hall.materials_missing', `Materials missing: ${names.join(', ')}`, {
    params: { items: listWords(names) },
    fields: { received: 'hall.materials_missing' },
  });
}

interface Decision {
  status: 'accepted' | 'notified' | 'completed';
  acceptedOn: string | null;
  dueOn: string | null;
  completedOn: string | null;
  deficient: string[];
  missing: string[];
  /** The history line of the outcome. */
  detail: string;
  action: 'accepted' | 'notified' | 'completed';
}

/** The outcome's rules (DOMAIN.md §9: 受理, 容缺受理, 一次性告知, 当场答复), on the materials as received. */
function decide(desk: TicketDesk, input: RegisterInput, materials: ReceivedMaterial[], timeLimit: number): Decision {
  const { today, calendar } = desk;
  const missing = missingRequired(materials);
  const dueOn = calendar.addWorkingDays(today, timeLimit);
  const promise = `承诺${timeLimitWords(timeLimit)}${timeLimit === 0 ? '' : `内办结（${dueOn}前）`}`;
  const accepted = { status: 'accepted' as const, action: 'accepted' as const, acceptedOn: today, dueOn, completedOn: null, missing: [] };
  switch (input.outcome) {
    case 'accept':
      if (missing.length) throw materialsMissing(missing);
      return { ...accepted, deficient: [], detail: `受理，${promise}` };
    case 'accept_deficient': {
      if (!missing.length)
        throw new AppError('hall.nothing_missing', 'Every required material is in: accept it', { fields: { outcome: 'hall.nothing_missing' } });
      const by = input.supplementBy;
      if (!by)
        throw new AppError('hall.supplement_by_required', 'The date to supplement by is needed', { fields: { supplementBy: 'hall.supplement_by_required' } });
      if (by < today)
        throw new AppError('hall.supplement_by_past', 'The date to supplement by has passed', { fields: { supplementBy: 'hall.supplement_by_past' } });
      if (by > dueOn)
        throw new AppError('hall.supplement_by_after_due', 'The materials must come before the promised date', {
          params: { dueOn },
          fields: { supplementBy: 'hall.supplement_by_after_due' },
        });
      if (!input.pledgeSigned)
        throw new AppError('hall.pledge_required', 'The applicant signs the pledge first', { fields: { pledgeSigned: 'hall.pledge_required' } });
      return { ...accepted, deficient: missing, detail: `容缺受理：${listWords(missing)}待补正，补正期限${by}，已签署承诺书；${promise}` };
    }
    case 'notify':
      if (!missing.length) throw new AppError('hall.nothing_missing', 'Nothing is missing: accept it', { fields: { outcome: 'hall.nothing_missing' } });
      return {
        status: 'notified',
        action: 'notified',
        acceptedOn: null,
        dueOn: null,
        completedOn: null,
        deficient: [],
        missing,
        detail: `一次性告知：缺${listWords(missing)}`,
      };
    case 'answer':
      if (!input.result.trim()) throw new AppError('hall.result_required', 'The answer given is recorded', { fields: { result: 'hall.result_required' } });
      return {
        status: 'completed',
        action: 'completed',
        acceptedOn: today,
        dueOn: today,
        completedOn: today,
        deficient: [],
        missing: [],
        detail: '当场答复，办结',
      };
  }
}

/**
 * 登记 at the counter (首问负责制: the signed-in user is the 首问责任人). An application needs an active
 * catalogue service whose materials are copied onto the ticket with what was received; the outcome then
 * decides: accepted with a promised date, 容缺受理, 一次性告知 (not accepted), or an enquiry answered on
 * the spot. The number is drawn inside the transaction, so numbers never skip.
 */
export async function registerTicket(desk: TicketDesk, input: RegisterInput): Promise<TicketView> {
  if (!allowedOutcomes[input.kind].includes(input.outcome))
    throw new AppError('hall.outcome_not_allowed', `A ${input.kind} cannot be registered as ${input.outcome}`, {
      params: { kind: kindWords[input.kind] },
      fields: { outcome: 'hall.outcome_not_allowed' },
    });
  if (input.kind === 'application' && !input.serviceId)
    throw new AppError('hall.service_required', 'An application is made under a catalogue service', { fields: { serviceId: 'hall.service_required' } });
  const service = input.serviceId ? await findServiceRow(desk.db, input.serviceId) : null;
  if (service && service.archived === 1 && input.kind === 'application')
    throw new AppError('hall.service_archived', 'This service is no longer offered', {
      params: { name: service.name },
      fields: { serviceId: 'hall.service_archived' },
    });
  if (input.kind !== 'application' && input.received.length)
    throw new AppError('hall.unknown_material', 'Only an application receives materials', {
      params: { name: input.received[0].name },
      fields: { received: 'hall.unknown_material' },
    });

  const materials = input.kind === 'application' ? receivedMaterials(service, input.received) : [];
  // A complaint or later answer that names no service takes the hall's own reply limit (窗口规则).
  const timeLimit = input.outcome === 'answer' ? 0 : (service?.time_limit_days ?? (await readHallSettings(desk.db)).replyWorkingDays);
  const decision = decide(desk, input, materials, timeLimit);
  const applicant = await applicantColumns(desk, input);

  const year = Number(desk.today.slice(0, 4));
  const number = formatYearNumber(year, await allocateNumber(desk.db, TICKET_SEQUENCE, year), TICKET_NUMBER_PREFIX);
  const id = newId();
  await desk.db
    .insertInto('hall_tickets')
    .values({
      id,
      number,
      kind: input.kind,
      status: decision.status,
      service_id: service?.id ?? null,
      service_code: service?.code ?? '',
      service_name: service?.name ?? '',
      department: service?.department ?? '',
      time_limit_days: timeLimit,
      ...applicant,
      summary: input.summary,
      materials: JSON.stringify(materials),
      deficient_items: JSON.stringify(decision.deficient),
      supplement_by: decision.deficient.length ? input.supplementBy : null,
      pledge_signed: decision.deficient.length && input.pledgeSigned ? 1 : 0,
      supplemented_on: null,
      missing_items: JSON.stringify(decision.missing),
      registered_at: desk.at,
      registered_on: desk.today,
      accepted_on: decision.acceptedOn,
      due_on: decision.dueOn,
      first_officer_id: desk.actor.id,
      first_officer_name: desk.actor.name,
      handler_name: input.handlerName.trim() || desk.actor.name,
      completed_on: decision.completedOn,
      transferred_to: '',
      transferred_on: null,
      result: input.outcome === 'answer' ? input.result : '',
      refused_reason: '',
      remedies: '',
      rating_level: null,
      rating_efficiency: null,
      rating_attitude: null,
      rating_skill: null,
      rating_comment: '',
      rated_at: null,
      follow_up_due_on: null,
      follow_up_contacted_on: null,
      follow_up_verified: '',
      follow_up_rectification: '',
      follow_up_feedback: '',
      follow_up_by_name: '',
      follow_up_at: null,
      created_at: desk.at,
      created_by: desk.actor.id,
      updated_at: desk.at,
      updated_by: desk.actor.id,
    })
    .execute();

  const what = service?.name || input.summary.slice(0, 30) || kindWords[input.kind];
  await appendEvent(desk, id, 'registered', `登记${kindWords[input.kind]}：${what}（申请人${applicant.applicant_name}）`);
  await appendEvent(desk, id, decision.action, decision.detail);
  return auditedView(desk, null, id, `${kindWords[input.kind]} ${what} ${applicant.applicant_name}`);
}

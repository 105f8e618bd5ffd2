import type { RegisterOutcome, ServiceMaterial, TicketKind } from '@shared/contract/hall';

/** A material of the chosen service as the clerk has checked it at the counter. */
export interface CheckedMaterial extends ServiceMaterial {
  received: boolean;
}

export function withReceipts(materials: ServiceMaterial[], received: ReadonlySet<string>): CheckedMaterial[] {
  return materials.map((m) => ({ ...m, received: received.has(m.name) }));
}

/** The required materials not (yet) on the counter: what a 容缺 pledge or a 一次性告知书 must name. */
export function missingRequired(materials: CheckedMaterial[]): string[] {
  return materials.filter((m) => m.required && !m.received).map((m) => m.name);
}

export interface OutcomeChoice {
  outcome: RegisterOutcome;
  enabled: boolean;
  /** Why it cannot be chosen now, for the button's hint: a service must be chosen, or materials are missing, or none are. */
  blockedBy: 'no_service' | 'materials_missing' | 'nothing_missing' | null;
}

/**
 * The outcome buttons the counter offers for a kind of ticket, and which of them may be pressed:
 * 办理 — 受理 only with every required material in; 容缺受理 and 一次性告知 only when something required is
 * missing (行政许可法 第32条: incomplete materials are either told once, or accepted on a signed pledge).
 * 咨询 — 答复办结 on the spot, or 受理 to answer within the time limit. 投诉 — 受理. Whether an answer or a
 * pledge was filled in is the form's own check.
 */
export function outcomeChoices(kind: TicketKind, serviceChosen: boolean, materials: CheckedMaterial[]): OutcomeChoice[] {
  if (kind === 'enquiry')
    return [
      { outcome: 'answer', enabled: true, blockedBy: null },
      { outcome: 'accept', enabled: true, blockedBy: null },
    ];
  if (kind === 'complaint') return [{ outcome: 'accept', enabled: true, blockedBy: null }];
  if (!serviceChosen) return (['accept', 'accept_deficient', 'notify'] as const).map((outcome) => ({ outcome, enabled: false, blockedBy: 'no_service' }));
  const missing = missingRequired(materials).length > 0;
  return [
    { outcome: 'accept', enabled: !missing, blockedBy: missing ? 'materials_missing' : null },
    { outcome: 'accept_deficient', enabled: missing, blockedBy: missing ? null : 'nothing_missing' },
    { outcome: 'notify', enabled: missing, blockedBy: missing ? null : 'nothing_missing' },
  ];
}

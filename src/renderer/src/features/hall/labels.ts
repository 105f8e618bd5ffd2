import type { TFunction } from 'i18next';
import type { MaterialForm, RatingLevel, RegisterOutcome, TicketKind, TicketStatus } from '@shared/contract/hall';
import { translatedOr } from '../../i18n/labels';

/** The tickets list's status filter: a status, or the two groups the contract adds ('open', 'overdue'). */
export type StatusFilter = TicketStatus | 'open' | 'overdue';

export function statusLabel(t: TFunction, status: TicketStatus): string {
  return t(`hall.statuses.${status}`);
}

export function statusFilterLabel(t: TFunction, filter: StatusFilter): string {
  if (filter === 'open' || filter === 'overdue') return t(`hall.statusFilters.${filter}`);
  return statusLabel(t, filter);
}

/** The colour of a status badge: open work blue, waiting on the applicant orange, closed grey or red. */
export const statusColour: Record<TicketStatus, string> = {
  notified: 'orange',
  accepted: 'blue',
  transferred: 'indigo',
  completed: 'green',
  refused: 'red',
};

export function kindLabel(t: TFunction, kind: TicketKind): string {
  return t(`hall.kinds.${kind}`);
}

export function outcomeLabel(t: TFunction, outcome: RegisterOutcome): string {
  return t(`hall.outcomes.${outcome}`);
}

export function materialFormLabel(t: TFunction, form: MaterialForm): string {
  return t(`hall.materialForms.${form}`);
}

export function ratingLabel(t: TFunction, level: RatingLevel): string {
  return t(`hall.ratingLevels.${level}`);
}

/** 办结时限: "3 个工作日", or 即办 for a service done on the spot. */
export function timeLimitLabel(t: TFunction, days: number): string {
  return days === 0 ? t('hall.timeLimit.onTheSpot') : t('hall.timeLimit.workingDays', { n: days });
}

/** How far a running ticket is from its due day: 剩余 N 个工作日, 今日到期, 逾期 N 个工作日. */
export function daysLeftLabel(t: TFunction, workingDaysLeft: number): string {
  if (workingDaysLeft > 0) return t('hall.daysLeft.left', { n: workingDaysLeft });
  if (workingDaysLeft === 0) return t('hall.daysLeft.today');
  return t('hall.daysLeft.overdue', { n: -workingDaysLeft });
}

export function daysLeftColour(workingDaysLeft: number): string {
  if (workingDaysLeft < 0) return 'red';
  if (workingDaysLeft <= 2) return 'orange';
  return 'teal';
}

/** A history line's action; core may record one this screen does not know yet, shown as recorded. */
export function eventLabel(t: TFunction, action: string): string {
  return translatedOr(t, `hall.events.${action}`, action);
}

import type { HallService, TicketKind } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { useHallToday } from '../../../components/today';
import { useLoad } from '../../../components/use-load';

/**
 * 承诺办结日期 for what is on the counter: the chosen service's time limit counted from today in working
 * days (hall.dueDate: weekends, holidays and 调休 days as the calendar has them). Null for an enquiry,
 * answered on the spot, or before a service is chosen. Follows a change of the calendar (data.changed).
 */
export function useDueDate(kind: TicketKind, service: HallService | null) {
  const today = useHallToday();
  const days = kind !== 'enquiry' && service ? service.timeLimitDays : null;
  const due = useLoad(() => (days === null ? Promise.resolve(null) : api.call('hall.dueDate', { from: today, workingDays: days })), [today, days]);
  // An answer for the previous service is not shown under this one while the new one is counted.
  const current = due.data && due.data.workingDays === days && due.data.from === today ? due.data : null;
  return { today, due: current, error: due.error };
}

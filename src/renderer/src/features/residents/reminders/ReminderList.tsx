import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { ResidentTable, type LeadColumn } from '../common/ResidentTable';
import type { usePager } from '../../../components/list/use-pager';

/** The rows a reminder list shows, and what its page said about the whole list. */
export interface ReminderView<R> {
  rows: R[];
  nextCursor: string | null;
  total: number;
}

/**
 * One page of a reminder list (paged on the server by keyset), how many the whole list holds, and the
 * pager under it. The previous page stays on screen, dimmed, while the next one loads.
 */
export function ReminderList<R extends ResidentRow>({
  view,
  loading,
  error,
  pager,
  label,
  lead,
}: {
  view: ReminderView<R> | null;
  loading: boolean;
  error: unknown;
  pager: ReturnType<typeof usePager>;
  label: string;
  lead: LeadColumn<R>[];
}) {
  const { t } = useTranslation();
  return (
    <ResidentTable
      rows={view?.rows}
      label={label}
      lead={lead}
      loading={loading}
      error={error}
      empty={t('residents.reminders.none')}
      total={view?.total}
      totalLabel={(formatted, count) => t('residents.reminders.total', { count, formatted })}
      pager={{ page: pager.page, hasPrevious: pager.hasPrevious, nextCursor: view?.nextCursor ?? null, onPrevious: pager.previous, onNext: pager.next }}
    />
  );
}

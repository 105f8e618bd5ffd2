import { Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatNumber } from '../../../i18n/format';
import { Pager } from '../../../components/Pager';
import { ResidentTable, type LeadColumn } from '../common/ResidentTable';
import type { usePager } from '../../../components/use-pager';

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
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      {loading && !view ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : view && view.rows.length === 0 ? (
        <Text p="lg" c="dimmed">
          {t('residents.reminders.none')}
        </Text>
      ) : (
        view && (
          <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <ResidentTable rows={view.rows} label={label} lead={lead} />
          </div>
        )
      )}
      {view && view.total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('residents.reminders.total', { count: view.total, formatted: formatNumber(view.total, i18n.language) })}
          </Text>
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={view.nextCursor} onPrevious={pager.previous} onNext={pager.next} loading={loading} />
        </Group>
      )}
    </Stack>
  );
}

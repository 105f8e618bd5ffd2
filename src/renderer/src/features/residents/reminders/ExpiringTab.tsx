import { useState } from 'react';
import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { useLoad } from '../../../components/use-load';
import { daysBetween, todayIn } from '../../../components/today';
import { usePager } from '../../../components/list/use-pager';
import { ReminderList, type ReminderView } from './ReminderList';
import { ExportButton } from '../../../components/report-job/ExportButton';

const PAGE_SIZE = 50;

/**
 * 身份证到期 (cards already expired, marked 已过期, then those expiring within N days) and 居住证签注
 * (permits due for their yearly endorsement): the same paged list with a date column, soonest first.
 */
export function ExpiringTab({ kind }: { kind: 'idCards' | 'permits' }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const today = todayIn(settings.timeZone);
  const [within, setWithin] = useState(kind === 'idCards' ? '180' : '30');
  // Another window starts again at page 1.
  const pager = usePager(`${kind}:${within}`);
  const { data, error, loading } = useLoad<ReminderView<ResidentRow & { date: string }> & { expired?: number }>(async () => {
    const query = { withinDays: Number(within), cursor: pager.cursor, limit: PAGE_SIZE };
    if (kind === 'idCards') {
      const page = await api.call('residents.idCardsExpiring', query);
      return { ...page, rows: page.rows.map(({ expiresOn, ...r }) => ({ ...r, date: expiresOn })) };
    }
    const page = await api.call('residents.permitsDue', query);
    return { ...page, rows: page.rows.map(({ dueOn, ...r }) => ({ ...r, date: dueOn })) };
  }, [kind, within, pager.cursor]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('residents.reminders.within')}
          data={['30', '60', '90', '180'].map((d) => ({ value: d, label: t('residents.visits.withinDays', { count: Number(d) }) }))}
          value={within}
          onChange={(v) => setWithin(v ?? within)}
          allowDeselect={false}
          w={160}
        />
        {kind === 'idCards' && data && (
          <Text size="sm" c={data.expired ? 'red.8' : 'dimmed'} fw={data.expired ? 600 : undefined} mt={22}>
            {t('residents.reminders.expiredCount', { count: data.expired ?? 0 })}
          </Text>
        )}
        <ExportButton report={kind === 'idCards' ? 'residents.id_cards_expiring' : 'residents.permits_due'} params={{ withinDays: Number(within) }} />
      </Group>
      <ReminderList
        view={data}
        loading={loading}
        error={error}
        pager={pager}
        label={kind === 'idCards' ? t('residents.reminders.idCards') : t('residents.reminders.permits')}
        lead={[
          {
            label: kind === 'idCards' ? t('residents.reminders.expiresOn') : t('residents.reminders.dueOn'),
            render: (r) => {
              const days = daysBetween(today, r.date);
              return (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} c={days < 0 ? 'red.8' : undefined}>
                    {r.date}
                  </Text>
                  {days < 0 && (
                    <Badge size="sm" color="red" variant="filled">
                      {t('residents.reminders.expired')}
                    </Badge>
                  )}
                  <Text size="xs" c={days < 0 ? 'red.8' : days <= 7 ? 'orange.8' : 'dimmed'}>
                    {days < 0
                      ? t('residents.reminders.pastDays', { count: -days })
                      : days === 0
                        ? t('residents.visits.dueToday')
                        : t('residents.visits.dueInDays', { count: days })}
                  </Text>
                </Group>
              );
            },
          },
        ]}
      />
    </Stack>
  );
}

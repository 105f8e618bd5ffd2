import { useState } from 'react';
import { Badge, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { PeopleTable } from './PeopleTable';

const turningColour: Record<number, string> = { 60: 'blue', 70: 'teal', 80: 'violet', 90: 'grape', 100: 'red' };

/** 整寿: residents turning 60/70/80/90/100 this month or next (老年优待证 at 60, 高龄津贴 from 80). */
export function MilestonesTab() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<'this' | 'next'>('this');
  const { data, error, loading } = useLoad(() => api.call('residents.milestones', { month }), [month]);
  const rows = (data ?? []).map((m) => ({ ...m.resident, turning: m.turning, birthday: m.birthday }));
  const counts = [60, 70, 80, 90, 100].map((n) => ({ n, count: rows.filter((r) => r.turning === n).length })).filter((c) => c.count > 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('residents.reminders.month')}
          value={month}
          onChange={(v) => setMonth(v as 'this' | 'next')}
          data={[
            { value: 'this', label: t('residents.reminders.thisMonth') },
            { value: 'next', label: t('residents.reminders.nextMonth') },
          ]}
        />
        <Group gap={6}>
          {counts.map((c) => (
            <Badge key={c.n} color={turningColour[c.n]} variant="light">
              {t('residents.reminders.turningCount', { age: c.n, count: c.count })}
            </Badge>
          ))}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <PeopleTable
          rows={rows}
          label={t('residents.reminders.milestones')}
          extra={[
            {
              label: t('residents.reminders.turning'),
              render: (r) => (
                <Badge color={turningColour[r.turning] ?? 'gray'} variant="filled">
                  {t('residents.reminders.turningAge', { age: r.turning })}
                </Badge>
              ),
            },
            { label: t('residents.reminders.birthday'), render: (r) => <Text size="sm">{r.birthday}</Text> },
          ]}
        />
      )}
    </Stack>
  );
}

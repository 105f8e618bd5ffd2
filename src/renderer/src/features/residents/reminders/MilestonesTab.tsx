import { useState } from 'react';
import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useLoad } from '../../../components/use-load';
import { usePager } from '../../../components/list/use-pager';
import { ReminderList } from './ReminderList';
import { ExportButton } from '../../../components/report-job/ExportButton';

const turningColour: Record<number, string> = { 60: 'blue', 70: 'teal', 80: 'violet', 90: 'grape', 100: 'red' };
const PAGE_SIZE = 50;

/** 整寿: residents turning 60/70/80/90/100 this month or next (老年优待证 at 60, 高龄津贴 from 80), by birthday. */
export function MilestonesTab() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<'this' | 'next'>('this');
  // Another month starts again at page 1.
  const pager = usePager(month);
  const { data, error, loading } = useLoad(() => api.call('residents.milestones', { month, cursor: pager.cursor, limit: PAGE_SIZE }), [month, pager.cursor]);
  const view = data && { ...data, rows: data.rows.map((m) => ({ ...m.resident, turning: m.turning, birthday: m.birthday })) };

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
          {(data?.byAge ?? []).map((c) => (
            <Badge key={c.turning} color={turningColour[c.turning]} variant="light">
              {t('residents.reminders.turningCount', { age: c.turning, count: c.count })}
            </Badge>
          ))}
          <ExportButton report="residents.milestones" params={{ month }} />
        </Group>
      </Group>
      <ReminderList
        view={view}
        loading={loading}
        error={error}
        pager={pager}
        label={t('residents.reminders.milestones')}
        lead={[
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
    </Stack>
  );
}

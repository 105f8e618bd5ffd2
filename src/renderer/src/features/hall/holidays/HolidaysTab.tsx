import { useState } from 'react';
import { Accordion, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HolidayYear } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { DueDateTool } from './DueDateTool';
import { HolidayYearModal } from './HolidayYearModal';
import { holidayRuns } from './runs';
import { weekdayOf } from './weekday';

/**
 * 节假日: the working-day calendar behind every promised date: each known year's holidays and make-up
 * working days (调休), shipped with Linli or entered here. The State Council's notice for the next year
 * usually comes out in November; hall.manage enters it (or corrects a year) without a new release.
 */
export function HolidaysTab() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const list = useLoad(() => api.call('hall.listHolidays', {}), []);
  const [editing, setEditing] = useState<{ year: HolidayYear | null } | null>(null);
  const [opened, setOpened] = useState<string[] | null>(null);
  const years = [...(list.data ?? [])].sort((a, b) => b.year - a.year);
  // The newest year is open until the user opens or closes one.
  const openYears = opened ?? (years[0] ? [String(years[0].year)] : []);
  return (
    <Stack gap="md">
      <DueDateTool />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Stack gap={0}>
              <Title order={3} fz="h5">
                {t('hall.holidays.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('hall.holidays.intro')}
              </Text>
            </Stack>
            {can('hall.manage') && (
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setEditing({ year: null })}>
                {t('hall.holidays.enter')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={list.error} />
          {list.data && years.length === 0 && (
            <Text c="dimmed" role="status">
              {t('hall.holidays.none')}
            </Text>
          )}
          <Accordion multiple value={openYears} onChange={setOpened} variant="separated">
            {years.map((y) => (
              <Accordion.Item key={y.year} value={String(y.year)}>
                <Accordion.Control>
                  <YearSummary year={y} />
                </Accordion.Control>
                <Accordion.Panel>
                  <YearDays year={y} onCorrect={can('hall.manage') ? () => setEditing({ year: y }) : undefined} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      </Card>
      {editing && (
        <HolidayYearModal
          year={editing.year}
          known={years}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('hall.holidays.savedDone', { year: saved.year, count: saved.days.length }) });
            setOpened([String(saved.year)]);
            void list.reload();
          }}
        />
      )}
    </Stack>
  );
}

function YearSummary({ year }: { year: HolidayYear }) {
  const { t } = useTranslation();
  const off = year.days.filter((d) => d.kind === 'off').length;
  const work = year.days.length - off;
  return (
    <Group gap="sm">
      <Text fw={700}>{t('hall.holidays.yearTitle', { year: year.year })}</Text>
      <Badge variant="light" color={year.source === 'shipped' ? 'gray' : 'indigo'}>
        {t(`hall.holidays.sources.${year.source}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('hall.holidays.counts', { off, work })}
      </Text>
    </Group>
  );
}

/** The year as its notice reads: each run of days on one line (2026-02-15 至 2026-02-23, 9 天, 放假, 春节). */
function YearDays({ year, onCorrect }: { year: HolidayYear; onCorrect?: () => void }) {
  const { t, i18n } = useTranslation();
  const day = (date: string) => t('hall.holidays.dayWithWeekday', { date, weekday: weekdayOf(date, i18n.language) });
  return (
    <Stack gap="xs">
      <Table striped fz="sm" aria-label={t('hall.holidays.tableLabel', { year: year.year })} maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hall.holidays.date')}</Table.Th>
            <Table.Th ta="right">{t('hall.holidays.days')}</Table.Th>
            <Table.Th>{t('hall.holidays.kind')}</Table.Th>
            <Table.Th>{t('hall.holidays.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holidayRuns(year.days).map((run) => (
            <Table.Tr key={run.from}>
              <Table.Td className="linli-nowrap">{run.days === 1 ? day(run.from) : t('hall.holidays.run', { from: day(run.from), to: day(run.to) })}</Table.Td>
              <Table.Td className="linli-num">{run.days}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={run.kind === 'off' ? 'red' : 'blue'}>
                  {t(`hall.holidays.kinds.${run.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{run.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onCorrect && (
        <Group>
          <Button variant="default" size="compact-sm" onClick={onCorrect}>
            {t('hall.holidays.correct', { year: year.year })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

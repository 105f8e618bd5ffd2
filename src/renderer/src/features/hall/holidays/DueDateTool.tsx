import { useState } from 'react';
import { Alert, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useHallToday } from '../../../components/today';
import { useLoad } from '../../../components/use-load';
import { weekdayOf } from './weekday';

/**
 * 计算承诺日期: the day a time limit of N working days ends, counted from a date as the receipts count it
 * (the day itself not counted, holidays skipped, 调休 days counted). Follows a calendar change at once.
 */
export function DueDateTool() {
  const { t, i18n } = useTranslation();
  const today = useHallToday();
  const [from, setFrom] = useState<string | null>(today);
  const [days, setDays] = useState<number | string>(5);
  // DateField hands back the text as typed when it is not a date: only a YYYY-MM-DD is asked about.
  const dateOk = !!from && /^\d{4}-\d{2}-\d{2}$/.test(from);
  const valid = dateOk && typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 180;
  const due = useLoad(async () => (valid ? api.call('hall.dueDate', { from: from!, workingDays: days as number }) : null), [valid, from, days]);
  const result = valid ? due.data : null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('hall.holidays.due.title')}
        </Title>
        <Group align="flex-start" gap="md">
          <DateField
            label={t('hall.holidays.due.from')}
            value={from}
            onChange={setFrom}
            w={180}
            error={from && !dateOk ? t('hall.holidays.due.badDate') : undefined}
          />
          <NumberInput label={t('hall.holidays.due.days')} value={days} onChange={setDays} min={0} max={180} allowDecimal={false} w={140} />
          <Stack gap={2} pt={24} aria-live="polite">
            {result && (
              <Text size="lg" fw={700} data-testid="due-date-result">
                {t('hall.holidays.due.result', { date: result.dueOn, weekday: weekdayOf(result.dueOn, i18n.language) })}
              </Text>
            )}
          </Stack>
        </Group>
        <Text size="xs" c="dimmed">
          {t('hall.holidays.due.rule')}
        </Text>
        {result && !result.calendarKnown && (
          <Alert color="yellow" variant="light">
            {t('hall.holidays.due.unknownYear')}
          </Alert>
        )}
        <ErrorAlert error={valid ? due.error : null} />
      </Stack>
    </Card>
  );
}

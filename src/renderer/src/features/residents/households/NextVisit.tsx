import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Household } from '@shared/contract/residents';
import { useSignedIn } from '../../../app/session-context';
import { daysBetween, todayIn } from '../../../components/today';

/** 下次走访: the date, and in red how many days it is overdue. */
export function NextVisit({ household }: { household: Household }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  if (!household.nextVisitDue) {
    return (
      <Text size="sm" c="dimmed">
        {t('residents.visits.noneDue')}
      </Text>
    );
  }
  const days = daysBetween(household.nextVisitDue, todayIn(settings.timeZone));
  return (
    <Group gap="xs">
      <Text size="sm" fw={600} c={days > 0 ? 'red.8' : undefined}>
        {household.nextVisitDue}
      </Text>
      {days > 0 ? (
        <Badge color="red" variant="filled" size="sm">
          {t('residents.visits.overdueDays', { count: days })}
        </Badge>
      ) : (
        <Badge color={days > -7 ? 'yellow' : 'gray'} variant="light" size="sm">
          {days === 0 ? t('residents.visits.dueToday') : t('residents.visits.dueInDays', { count: -days })}
        </Badge>
      )}
    </Group>
  );
}

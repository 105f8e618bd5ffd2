import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { formatLongDate } from '../../i18n/format';

export function Greeting() {
  const { t } = useTranslation();
  const { session, settings } = useSignedIn();
  const hour = dayjs().tz(settings.timeZone).hour();
  const greeting =
    hour < 11
      ? t('home.morning', { name: session.user.displayName })
      : hour < 13
        ? t('home.noon', { name: session.user.displayName })
        : hour < 18
          ? t('home.afternoon', { name: session.user.displayName })
          : t('home.evening', { name: session.user.displayName });
  return (
    <Stack gap={4}>
      <Title order={2} fz="h3">
        {greeting}
      </Title>
      <Group gap="xs">
        <Text c="dimmed" size="sm">
          {formatLongDate(new Date(), settings.timeZone, t('format.longDate'))}
        </Text>
        {session.user.roles.map((r) => (
          <Badge key={r} variant="light" size="sm">
            {t(`roles.${r}`)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

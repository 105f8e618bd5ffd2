import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { formatNumber } from '../../../i18n/format';

/** 今日窗口 on 工作台: what the counter has open, what is late and which 差评 wait for a call-back. */
export function HallHomeCard() {
  const { can } = useSignedIn();
  // The card is for the counter's people; the board refuses anyone else anyway.
  if (!can('hall.read')) return null;
  return <TodayAtTheCounter />;
}

function TodayAtTheCounter() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad(() => api.call('hall.supervision', {}), []);
  const figures = data
    ? [
        { label: t('hall.home.open'), value: data.counts.open, colour: undefined },
        { label: t('hall.home.overdue'), value: data.counts.overdue, colour: data.counts.overdue > 0 ? 'red.7' : undefined },
        { label: t('hall.home.followUps'), value: data.counts.followUpPending, colour: data.counts.followUpPending > 0 ? 'orange.7' : undefined },
      ]
    : [];
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {t('hall.home.title')}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => navigate('hall-supervision')}>
          {t('hall.home.toSupervision')}
        </Button>
      </Group>
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={error} />
      {data && (
        <Stack gap="xs">
          <SimpleGrid cols={3}>
            {figures.map((f) => (
              <Stack gap={0} key={f.label} role="group" aria-label={f.label}>
                <Text size="sm" c="dimmed">
                  {f.label}
                </Text>
                <Text fz={26} fw={700} c={f.colour}>
                  {formatNumber(f.value, i18n.language)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {data.counts.overdue > 0 ? t('hall.home.overdueHint', { today: data.today }) : t('hall.home.allOnTime', { today: data.today })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

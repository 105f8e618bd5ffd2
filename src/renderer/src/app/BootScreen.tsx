import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from './session-context';
import { ErrorAlert } from '../components/ErrorAlert';

/** Before the first screen: waiting for `auth.status`, or why it could not be had. */
export function BootScreen() {
  const { t } = useTranslation();
  const { phase, bootError, retryBoot } = useSession();
  if (phase === 'loading') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader aria-label={t('common.loading')} />
          <Text c="dimmed">{t('common.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  return (
    <Center h="100vh" p="md">
      <Stack maw={520} w="100%">
        <Title order={1} fz="h2">
          {t('app.name')}
        </Title>
        <ErrorAlert error={bootError} title={t('boot.failed')} />
        <Button onClick={retryBoot} autoFocus>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}

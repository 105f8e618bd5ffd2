import { Alert, Button, Card, Group, Loader, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackupHealthAlert } from './BackupHealthAlert';
import { navigate } from '../../app/router';
import { useSignedIn } from '../../app/session-context';
import { formatDateTimeShort } from '../../i18n/format';
import { kindLabel } from './labels';
import { useRunningBackup } from './use-running-backup';

export function HomeBackupCard() {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const { data, error, loading } = useLoad(() => api.call('backups.status', {}), []);
  const running = useRunningBackup();
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {t('home.backupTitle')}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => navigate('settings', 'backups')}>
          {t('home.backupManage')}
        </Button>
      </Group>
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={error} />
      {running && (
        <Alert color="blue" variant="light" icon={<Loader size={16} color="blue" />} mb="sm" role="status">
          {t('backups.running.detail', { kind: kindLabel(t, running.kind), time: formatDateTimeShort(running.startedAt, settings.timeZone) })}
        </Alert>
      )}
      {data && <BackupHealthAlert status={data} />}
    </Card>
  );
}

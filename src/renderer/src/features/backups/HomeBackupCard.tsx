import { Button, Card, Group, Loader, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackupHealthAlert } from './BackupHealthAlert';
import { navigate } from '../../app/router';

export function HomeBackupCard() {
  const { t } = useTranslation();
  const { data, error, loading } = useLoad(() => api.call('backups.status', {}), []);
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
      {data && <BackupHealthAlert status={data} />}
    </Card>
  );
}

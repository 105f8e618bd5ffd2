import { useState } from 'react';
import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { BackupList } from './BackupList';
import { DataLocationCard } from './DataLocationCard';
import { ExportKeyCard } from './ExportKeyCard';
import { LastVerifiedCard } from './LastVerifiedCard';
import { RestoreConfirmModal } from './RestoreConfirmModal';
import { RestoreOtherFile } from './RestoreOtherFile';
import { RunBackupCard } from './RunBackupCard';

/** 备份与恢复: where the data is, whether it is safely copied, copying it now, and going back to a copy. */
export function BackupsTab() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const { data, error, loading, reload } = useLoad(() => api.call('backups.status', {}), []);
  const [restoring, setRestoring] = useState<string | null>(null);
  const mayRestore = can('backups.restore');

  return (
    <Stack>
      <DataLocationCard />
      <ErrorAlert error={error} />
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      {data && !data.fieldKey.matches && (
        <Alert color="red" variant="filled" role="alert" title={t('backups.key.missingTitle')}>
          {t('backups.key.missing', { path: data.fieldKey.file ?? 'linli.key' })}
        </Alert>
      )}
      {data && <LastVerifiedCard status={data} />}
      {data && can('backups.run') && <RunBackupCard defaultFolder={data.folder} onDone={() => void reload()} />}
      {data && can('backups.export_key') && <ExportKeyCard />}
      {data && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={3} fz="h5">
              {t('backups.list.title')}
            </Title>
            {mayRestore && (
              <Text size="sm" c="dimmed">
                {t('backups.restore.hint')}
              </Text>
            )}
            <BackupList records={data.recent} onRestore={mayRestore ? (r) => setRestoring(r.path) : null} />
            {mayRestore && <RestoreOtherFile onChosen={setRestoring} />}
          </Stack>
        </Card>
      )}
      {restoring && <RestoreConfirmModal path={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}

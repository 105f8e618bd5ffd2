import { Card, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { formatBytes } from '../../i18n/format';

/** Where the data lives on this machine: the first thing anyone asks when a disk fails. */
export function DataLocationCard() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad(() => api.call('community.dataLocation', {}), []);
  return (
    <Card withBorder padding="lg">
      <Title order={3} fz="h5" mb="sm">
        {t('backups.location.title')}
      </Title>
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={error} />
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.location.database')}
            </Text>
            <Text className="linli-mono">{data.databasePath}</Text>
            <Text size="sm" c="dimmed">
              {t('backups.location.size', { size: formatBytes(data.databaseBytes, i18n.language), version: data.schemaVersion })}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.location.folder')}
            </Text>
            <Text className="linli-mono">{data.backupFolder}</Text>
          </div>
        </SimpleGrid>
      )}
    </Card>
  );
}

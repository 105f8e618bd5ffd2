import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/contract/backups';
import { useSignedIn } from '../../app/session-context';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { BackupHealthAlert } from './BackupHealthAlert';
import { kindLabel } from './labels';
import { RowCounts } from './RowCounts';

export function LastVerifiedCard({ status }: { status: BackupStatus }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSignedIn();
  const last = status.lastVerified;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('backups.last.title')}
        </Title>
        <BackupHealthAlert status={status} />
        {last && (
          <Stack gap={4}>
            <Text size="sm">
              {t('backups.last.summary', {
                when: formatDateTime(last.at, settings.timeZone),
                kind: kindLabel(t, last.kind),
                size: formatBytes(last.bytes, i18n.language),
              })}
            </Text>
            <Text size="sm" className="linli-mono">
              {last.path}
            </Text>
            {!last.exists && (
              <Text size="sm" c="red" fw={600}>
                {t('backups.fileMissing')}
              </Text>
            )}
            <RowCounts counts={last.counts} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

import type { ReactNode } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/contract/backups';
import { useSignedIn } from '../../app/session-context';
import { formatDateTime, fromNow } from '../../i18n/format';
import { backupHealth, STALE_AFTER_HOURS } from './backup-health';

/**
 * Says plainly whether the data is safe: red and loud when the last backup failed or when there has been
 * no verified backup for more than a day; quiet and green otherwise.
 */
export function BackupHealthAlert({ status, action }: { status: BackupStatus; action?: ReactNode }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const health = backupHealth(status);
  const last = status.lastVerified;
  const lastLine = last ? t('backups.health.lastVerified', { when: formatDateTime(last.at, settings.timeZone), ago: fromNow(last.at) }) : null;

  if (health.kind === 'ok') {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('backups.health.okTitle')}>
        <Stack gap={4}>
          <Text size="sm">{lastLine}</Text>
          {action}
        </Stack>
      </Alert>
    );
  }

  const title =
    health.kind === 'failed'
      ? t('backups.health.failedTitle')
      : health.kind === 'none'
        ? t('backups.health.noneTitle')
        : t('backups.health.staleTitle', { hours: STALE_AFTER_HOURS });
  return (
    <Alert color="red" variant="filled" role="alert" icon={<IconAlertOctagon size={22} />} title={title}>
      <Stack gap={4}>
        {health.kind === 'failed' && status.lastFailed && (
          <Text size="sm">
            {t('backups.health.failedDetail', { when: formatDateTime(status.lastFailed.at, settings.timeZone), problem: status.lastFailed.problem ?? '' })}
          </Text>
        )}
        {health.kind === 'stale' && <Text size="sm">{t('backups.health.staleDetail', { hours: health.hours })}</Text>}
        <Text size="sm">{lastLine ?? t('backups.health.neverVerified')}</Text>
        <Text size="sm" fw={600}>
          {t('backups.health.advice')}
        </Text>
        {action}
      </Stack>
    </Alert>
  );
}

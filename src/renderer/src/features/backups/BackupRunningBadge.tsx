import { Badge, Loader, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session-context';
import { formatDateTimeShort } from '../../i18n/format';
import { kindLabel } from './labels';
import { useRunningBackup } from './use-running-backup';

/** In the header while a backup runs: work goes on meanwhile, and the hall can see why the disk is busy. */
export function BackupRunningBadge() {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const running = useRunningBackup();
  if (!running) return null;
  const detail = t('backups.running.detail', { kind: kindLabel(t, running.kind), time: formatDateTimeShort(running.startedAt, settings.timeZone) });
  return (
    <Tooltip label={detail} multiline w={280}>
      <Badge variant="light" color="blue" leftSection={<Loader size={10} color="blue" />} role="status" aria-label={detail} className="linli-nowrap">
        {t('backups.running.badge')}
      </Badge>
    </Tooltip>
  );
}

import { Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '@shared/contract/backups';
import { useSignedIn } from '../../app/session-context';
import { DataTable, type Column } from '../../components/list/DataTable';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { kindLabel } from './labels';

/**
 * Recent backups, failures included; a restore starts from a row whose file is still there. Only the
 * latest few are kept in the answer, so the list says no total (it would read as "all backups").
 */
export function BackupList({ records, onRestore }: { records: BackupRecord[]; onRestore: ((r: BackupRecord) => void) | null }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSignedIn();
  const columns: Column<BackupRecord>[] = [
    { key: 'at', title: t('backups.list.at'), nowrap: true, render: (r) => formatDateTime(r.at, settings.timeZone) },
    { key: 'kind', title: t('backups.list.kind'), nowrap: true, render: (r) => kindLabel(t, r.kind) },
    { key: 'size', title: t('backups.list.size'), numeric: true, render: (r) => formatBytes(r.bytes, i18n.language) },
    {
      key: 'result',
      title: t('backups.list.result'),
      render: (r) => (
        <>
          {r.ok ? (
            <Badge color="green" variant="light">
              {t('backups.list.ok')}
            </Badge>
          ) : (
            <Badge color="red" variant="filled">
              {t('backups.list.failed')}
            </Badge>
          )}
          {!r.ok && r.problem && (
            <Text size="xs" c="red" mt={2}>
              {r.problem}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'file',
      title: t('backups.list.file'),
      render: (r) => (
        <>
          <Text size="xs" className="linli-mono">
            {r.path}
          </Text>
          {!r.exists && (
            <Badge color="gray" variant="outline" size="xs">
              {t('backups.list.gone')}
            </Badge>
          )}
        </>
      ),
    },
  ];
  if (onRestore)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (r) => (
        <Button size="compact-sm" variant="subtle" color="orange" disabled={!r.ok || !r.exists} onClick={() => onRestore(r)}>
          {t('backups.restore.action')}
        </Button>
      ),
    });
  return <DataTable label={t('backups.list.title')} columns={columns} rows={records} rowKey={(r) => r.id} empty={t('backups.list.none')} minWidth={900} bare />;
}

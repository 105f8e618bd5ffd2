import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '@shared/contract/backups';
import { useSignedIn } from '../../app/session-context';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { kindLabel } from './labels';

/** Recent backups, failures included; a restore starts from a row whose file is still there. */
export function BackupList({ records, onRestore }: { records: BackupRecord[]; onRestore: ((r: BackupRecord) => void) | null }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSignedIn();
  if (records.length === 0) return <Text size="sm">{t('backups.list.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label={t('backups.list.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.list.at')}</Table.Th>
            <Table.Th>{t('backups.list.kind')}</Table.Th>
            <Table.Th ta="right">{t('backups.list.size')}</Table.Th>
            <Table.Th>{t('backups.list.result')}</Table.Th>
            <Table.Th>{t('backups.list.file')}</Table.Th>
            {onRestore && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td className="linli-nowrap">{formatDateTime(r.at, settings.timeZone)}</Table.Td>
              <Table.Td className="linli-nowrap">{kindLabel(t, r.kind)}</Table.Td>
              <Table.Td className="linli-num">{formatBytes(r.bytes, i18n.language)}</Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <Text size="xs" className="linli-mono">
                  {r.path}
                </Text>
                {!r.exists && (
                  <Badge color="gray" variant="outline" size="xs">
                    {t('backups.list.gone')}
                  </Badge>
                )}
              </Table.Td>
              {onRestore && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="orange" disabled={!r.ok || !r.exists} onClick={() => onRestore(r)}>
                    {t('backups.restore.action')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { tableLabel } from './labels';

/** What a backup holds, table by table: a backup with 0 residents is not the backup you want. */
export function RowCounts({ counts }: { counts: Record<string, number> }) {
  const { t, i18n } = useTranslation();
  // The migration tool's own bookkeeping tables say nothing about the hall's data.
  const entries = Object.entries(counts).filter(([table]) => !table.startsWith('kysely_'));
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('backups.noCounts')}
      </Text>
    );
  return (
    <Group gap="md">
      {entries.map(([table, n]) => (
        <Text size="sm" key={table}>
          <Text span c="dimmed">
            {t('common.labelColon', { label: tableLabel(t, table) })}
          </Text>
          {formatNumber(n, i18n.language)}
        </Text>
      ))}
    </Group>
  );
}

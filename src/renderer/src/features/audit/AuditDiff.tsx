import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '@shared/contract/audit';
import { diffRows } from './diff';
import { fieldLabel } from './labels';
import { valueText } from './summary';

const LONG = 120;

/** Before and after of one audit record, as a table a person can read; changed values are marked. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry.before, entry.after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.diff.nothing')}
      </Text>
    );
  }
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" aria-label={t('audit.diff.label', { seq: entry.seq })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">{t('audit.diff.field')}</Table.Th>
          <Table.Th w="40%">{t('audit.diff.before')}</Table.Th>
          <Table.Th w="40%">{t('audit.diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} bg={row.changed ? 'yellow.0' : undefined}>
            <Table.Td fw={row.changed ? 600 : undefined}>
              {row.key ? fieldLabel(t, row.key) : t('audit.diff.value')}
              {row.changed && (
                <Text span size="xs" c="orange.8" ml={6}>
                  {t('audit.diff.changed')}
                </Text>
              )}
            </Table.Td>
            <Table.Td className="linli-mono">{valueText(t, row.key, row.before) ?? show(t, row.before)}</Table.Td>
            <Table.Td className="linli-mono">{valueText(t, row.key, row.after) ?? show(t, row.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function show(t: TFunction, value: unknown): string {
  if (value === undefined || value === null) return t('audit.diff.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // A seal image is a data URL of hundreds of thousands of characters: say so instead of printing it.
  return text.length > LONG ? t('audit.diff.long', { start: text.slice(0, 60), length: text.length }) : text;
}

import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRow } from '@shared/contract/residents';
import { problemText } from './problem-text';
import { importActionLabel } from '../common/terms';

const actionColour = { add: 'teal', update: 'blue', unchanged: 'gray', reject: 'red' } as const;

/** The preview's rows (every rejected one first, then a sample), with each row's problems in words. */
export function PreviewTable({ rows, total }: { rows: ImportPreviewRow[]; total: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {rows.length < total ? t('residents.import.rowsShown', { shown: rows.length, total }) : t('residents.import.rowsAll', { total })}
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table stickyHeader fz="sm" verticalSpacing={4} striped aria-label={t('residents.import.previewLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('residents.import.row')}</Table.Th>
              <Table.Th w={80}>{t('residents.import.action')}</Table.Th>
              <Table.Th w={100}>{t('residents.fields.name')}</Table.Th>
              <Table.Th w={170}>{t('residents.fields.idNumber')}</Table.Th>
              <Table.Th>{t('residents.fields.address')}</Table.Th>
              <Table.Th>{t('residents.import.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.row} bg={r.action === 'reject' ? 'red.0' : undefined}>
                <Table.Td className="linli-num">{r.row}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={actionColour[r.action]}>
                    {importActionLabel(t, r.action)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.name || '—'}</Table.Td>
                <Table.Td ff="monospace" className="linli-nowrap">
                  {r.idMasked || '—'}
                </Table.Td>
                <Table.Td className="linli-nowrap">{r.address || '—'}</Table.Td>
                <Table.Td>
                  {r.problems.map((p, i) => (
                    <Text key={i} size="sm" c={r.action === 'reject' ? 'red.8' : 'orange.8'}>
                      {problemText(t, p)}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

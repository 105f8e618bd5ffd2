import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRow } from '@shared/contract/residents';
import { DataTable } from '../../../components/list/DataTable';
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
      <DataTable
        label={t('residents.import.previewLabel')}
        rows={rows}
        rowKey={(r) => String(r.row)}
        empty={t('residents.import.rowsAll', { total })}
        rowColor={(r) => (r.action === 'reject' ? { bg: 'red.0' } : undefined)}
        maxHeight={420}
        bare
        columns={[
          { key: 'row', title: t('residents.import.row'), width: 60, numeric: true, render: (r) => r.row },
          {
            key: 'action',
            title: t('residents.import.action'),
            width: 80,
            render: (r) => (
              <Badge size="sm" variant="light" color={actionColour[r.action]}>
                {importActionLabel(t, r.action)}
              </Badge>
            ),
          },
          { key: 'name', title: t('residents.fields.name'), width: 100, render: (r) => r.name || '—' },
          { key: 'id', title: t('residents.fields.idNumber'), width: 170, mono: true, nowrap: true, render: (r) => r.idMasked || '—' },
          { key: 'address', title: t('residents.fields.address'), nowrap: true, render: (r) => r.address || '—' },
          {
            key: 'problems',
            title: t('residents.import.problems'),
            render: (r) =>
              r.problems.map((p, i) => (
                <Text key={i} size="sm" c={r.action === 'reject' ? 'red.8' : 'orange.8'}>
                  {problemText(t, p)}
                </Text>
              )),
          },
        ]}
      />
    </Stack>
  );
}

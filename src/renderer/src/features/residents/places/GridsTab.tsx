import { useState } from 'react';
import { Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Grid } from '@shared/contract/residents';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useGrids } from '../common/use-catalog';
import { GridModal } from './GridModal';

export function GridsTab() {
  const { t } = useTranslation();
  const grids = useGrids();
  const [editing, setEditing] = useState<Grid | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('residents.places.gridsIntro')}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('residents.places.newGrid')}
        </Button>
      </Group>
      <ErrorAlert error={grids.error} />
      <Table fz="sm" verticalSpacing={6} striped aria-label={t('residents.places.grids')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.places.gridCode')}</Table.Th>
            <Table.Th>{t('residents.places.gridName')}</Table.Th>
            <Table.Th>{t('residents.places.workerName')}</Table.Th>
            <Table.Th>{t('residents.places.workerPhone')}</Table.Th>
            <Table.Th>{t('residents.places.complaintPhone')}</Table.Th>
            <Table.Th>{t('residents.places.buildingCount')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(grids.data ?? []).map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td ff="monospace">{g.code}</Table.Td>
              <Table.Td fw={600}>{g.name}</Table.Td>
              <Table.Td>{g.workerName || '—'}</Table.Td>
              <Table.Td>{g.workerPhone || '—'}</Table.Td>
              <Table.Td>{g.complaintPhone || '—'}</Table.Td>
              <Table.Td className="linli-num" style={{ textAlign: 'left' }}>
                {g.buildingCount}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(g)} aria-label={t('residents.places.editGrid', { name: g.name })}>
                  {t('residents.places.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <GridModal grid={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => void grids.reload()} />}
    </>
  );
}

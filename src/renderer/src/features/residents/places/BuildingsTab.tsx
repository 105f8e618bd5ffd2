import { useState } from 'react';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Building } from '@shared/contract/residents';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { buildingHref } from '../common/hrefs';
import { useBuildings } from '../common/use-catalog';
import { BuildingModal } from './BuildingModal';

export function BuildingsTab() {
  const { t } = useTranslation();
  const buildings = useBuildings({}, true);
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('residents.places.buildingsIntro')}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('residents.places.newBuilding')}
        </Button>
      </Group>
      <ErrorAlert error={buildings.error} />
      <Table fz="sm" verticalSpacing={6} striped aria-label={t('residents.places.buildings')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.place.building')}</Table.Th>
            <Table.Th>{t('residents.place.compound')}</Table.Th>
            <Table.Th>{t('residents.fields.grid')}</Table.Th>
            <Table.Th>{t('residents.places.floors')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {buildings.data.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Anchor href={buildingHref(b.id)} size="sm" fw={600}>
                  {b.label}
                </Anchor>
              </Table.Td>
              <Table.Td>{b.compoundName}</Table.Td>
              <Table.Td>{b.gridName}</Table.Td>
              <Table.Td>{b.floors}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(b)} aria-label={t('residents.places.editBuilding', { name: b.label })}>
                  {t('residents.places.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <BuildingModal building={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={buildings.reload} />}
    </>
  );
}

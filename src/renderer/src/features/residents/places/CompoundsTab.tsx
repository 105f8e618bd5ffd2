import { useState } from 'react';
import { Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Compound } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCompounds } from '../common/use-catalog';
import { NameModal } from './NameModal';

export function CompoundsTab() {
  const { t } = useTranslation();
  const compounds = useCompounds();
  const [editing, setEditing] = useState<Compound | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('residents.places.compoundsIntro')}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('residents.places.newCompound')}
        </Button>
      </Group>
      <ErrorAlert error={compounds.error} />
      <Table fz="sm" verticalSpacing={6} striped aria-label={t('residents.places.compounds')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.place.compound')}</Table.Th>
            <Table.Th w={120}>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(compounds.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(c)} aria-label={t('residents.places.renameCompound', { name: c.name })}>
                  {t('residents.places.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <NameModal
          title={current ? t('residents.places.renameCompound', { name: current.name }) : t('residents.places.newCompound')}
          label={t('residents.places.compoundName')}
          initial={current?.name ?? ''}
          onClose={() => setEditing(null)}
          onSave={async (name) => {
            await api.call('residents.saveCompound', { id: current?.id, name });
            await compounds.reload();
          }}
        />
      )}
    </>
  );
}

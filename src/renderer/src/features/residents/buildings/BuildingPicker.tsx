import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuildings, useCompounds, useGrids } from '../common/use-catalog';
import { useSessionState } from '../common/use-session-state';

/**
 * 网格 / 小区 narrow the buildings; the buildings themselves are buttons (a community has tens, not
 * thousands), so the one wanted is one click or Tab-Enter away.
 */
export function BuildingPicker({ selectedId, onPick }: { selectedId: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const grids = useGrids();
  const compounds = useCompounds();
  const [filter, setFilter] = useSessionState('residents.buildings.filter', { gridId: null as string | null, compoundId: null as string | null });
  const buildings = useBuildings(filter, true);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select label={t('residents.fields.grid')} data={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))} value={filter.gridId} onChange={(v) => setFilter({ ...filter, gridId: v })} clearable searchable placeholder={t('residents.list.all')} w={180} />
        <Select label={t('residents.place.compound')} data={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={filter.compoundId} onChange={(v) => setFilter({ ...filter, compoundId: v })} clearable searchable placeholder={t('residents.list.all')} w={200} />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="linli-building-list">
          {t('residents.place.building')}
        </Text>
        {buildings.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('residents.place.noBuildings')}
          </Text>
        ) : (
          <Group gap={6} role="group" aria-labelledby="linli-building-list">
            {buildings.data.map((b) => (
              <Button key={b.id} size="xs" variant={b.id === selectedId ? 'filled' : 'default'} onClick={() => onPick(b.id)} aria-pressed={b.id === selectedId}>
                {b.label}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Stack>
  );
}

import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuildings, useCompounds, useGrids } from '../common/use-catalog';
import { useSessionState } from '../../../components/use-session-state';

/**
 * 网格 / 小区 narrow the buildings; 楼栋 is a searchable selectFirstOptionOnChange select (type "8", Enter). Until a building is
 * chosen the buildings are also laid out as buttons, one click each; once one is open they fold away so
 * the 楼盘表 itself fits on the screen.
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
        <Select
          label={t('residents.fields.grid')}
          data={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={filter.gridId}
          onChange={(v) => setFilter({ ...filter, gridId: v })}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.list.all')}
          w={200}
        />
        <Select
          label={t('residents.place.compound')}
          data={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filter.compoundId}
          onChange={(v) => setFilter({ ...filter, compoundId: v })}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.list.all')}
          w={180}
        />
        <Select
          label={t('residents.place.building')}
          data={buildings.data.map((b) => ({ value: b.id, label: b.label }))}
          value={buildings.data.some((b) => b.id === selectedId) ? selectedId : null}
          onChange={(v) => v && onPick(v)}
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.place.choose')}
          nothingFoundMessage={t('residents.place.noBuildings')}
          w={220}
        />
      </Group>
      {!selectedId &&
        (buildings.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('residents.place.noBuildings')}
          </Text>
        ) : (
          <Group gap={6} role="group" aria-label={t('residents.place.building')}>
            {buildings.data.map((b) => (
              <Button key={b.id} size="xs" variant="default" onClick={() => onPick(b.id)}>
                {b.label}
              </Button>
            ))}
          </Group>
        ))}
    </Stack>
  );
}

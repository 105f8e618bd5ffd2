import { Alert, Badge, Checkbox, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMapPinPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useLoad } from '../../../components/use-load';

interface NewPlacesPanelProps {
  preview: ImportPreview;
  /** Preview again with these choices (each change here takes effect at once). */
  onChange: (next: { createPlaces: boolean; compoundAliases: Record<string, string> }) => void;
  busy: boolean;
}

/**
 * The compounds, buildings, rooms (and grids) the file names that the registry does not have: created
 * with the import, in its transaction, when ticked; a compound the file spells otherwise can be mapped to
 * an existing one instead. Nothing is created by the preview.
 */
export function NewPlacesPanel({ preview, onChange, busy }: NewPlacesPanelProps) {
  const { t } = useTranslation();
  const compounds = useLoad(() => api.call('residents.listCompounds', {}), []);
  const places = preview.newPlaces;
  const aliases = preview.compoundAliases;
  const mapped = Object.keys(aliases);
  if (places.compounds.length + places.buildings.length + places.houseCount + places.grids.length === 0 && mapped.length === 0) return null;
  const existing = (compounds.data ?? []).map((c) => ({ value: c.name, label: c.name }));
  const alias = (spelling: string, to: string | null) => {
    const next = { ...aliases };
    if (to) next[spelling] = to;
    else delete next[spelling];
    onChange({ createPlaces: preview.createPlaces, compoundAliases: next });
  };

  return (
    <Alert color={preview.createPlaces ? 'blue' : 'orange'} variant="light" icon={<IconMapPinPlus size={18} />} title={t('residents.import.newPlacesTitle')}>
      <Stack gap="sm">
        <Text size="sm">{preview.createPlaces ? t('residents.import.newPlacesCreating') : t('residents.import.newPlacesHint')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {places.grids.length > 0 && <PlaceList label={t('residents.import.newGrids', { count: places.grids.length })} items={places.grids} />}
          {places.buildings.length > 0 && <PlaceList label={t('residents.import.newBuildings', { count: places.buildings.length })} items={places.buildings} />}
          {places.houseCount > 0 && (
            <PlaceList
              label={t('residents.import.newHouses', { count: places.houseCount })}
              items={places.houses}
              more={places.houseCount - places.houses.length}
            />
          )}
        </SimpleGrid>
        {[...places.compounds, ...mapped].map((spelling) => (
          <Group key={spelling} gap="sm" align="flex-end">
            <Text size="sm" fw={500} miw={120}>
              {t('residents.import.newCompound', { name: spelling })}
            </Text>
            <Select
              size="xs"
              w={260}
              label={t('residents.import.mapCompound')}
              aria-label={t('residents.import.mapCompoundOf', { name: spelling })}
              data={existing}
              value={aliases[spelling] ?? null}
              onChange={(v) => alias(spelling, v)}
              placeholder={t('residents.import.mapCompoundNone')}
              clearable
              disabled={busy || existing.length === 0}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
        ))}
        <Checkbox
          checked={preview.createPlaces}
          disabled={busy}
          onChange={(e) => onChange({ createPlaces: e.currentTarget.checked, compoundAliases: aliases })}
          label={t('residents.import.createPlaces')}
          description={t('residents.import.createPlacesHint')}
        />
      </Stack>
    </Alert>
  );
}

function PlaceList({ label, items, more = 0 }: { label: string; items: string[]; more?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={500}>
        {label}
      </Text>
      <Group gap={4} mah={120} style={{ overflowY: 'auto' }}>
        {items.map((name) => (
          <Badge key={name} variant="outline" color="gray" size="sm" tt="none">
            {name}
          </Badge>
        ))}
        {more > 0 && (
          <Text size="xs" c="dimmed">
            {t('residents.import.andMore', { count: more })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

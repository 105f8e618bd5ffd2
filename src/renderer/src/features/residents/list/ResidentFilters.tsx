import { Button, Group, Input, NumberInput, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { residentStatuses, type ResidentStatus } from '@shared/contract/residents';
import { useBuildings, useGrids, useTags } from '../common/use-catalog';
import { buildingShortLabel } from '../common/room-label';
import { statusLabel } from '../common/labels';
import { activeFilterCount, emptyFilters, type ListFilters } from './list-filters';

/** The list's filters; every one is applied in SQL. Choosing a grid narrows the building list to it. */
export function ResidentFilters({ value, onChange }: { value: ListFilters; onChange: (next: ListFilters) => void }) {
  const { t } = useTranslation();
  const grids = useGrids();
  const tags = useTags();
  const buildings = useBuildings({ gridId: value.gridId }, true);
  const set = (patch: Partial<ListFilters>) => onChange({ ...value, ...patch });
  const age = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('residents.fields.grid')}
          data={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={value.gridId}
          onChange={(v) => set({ gridId: v, buildingId: null })}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.list.all')}
          w={150}
        />
        <Select
          label={t('residents.place.building')}
          data={buildings.data.map((b) => ({ value: b.id, label: value.gridId ? buildingShortLabel(b) : b.label }))}
          value={value.buildingId}
          onChange={(v) => set({ buildingId: v })}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.list.all')}
          w={170}
        />
        <Select
          label={t('residents.fields.tags')}
          data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
          value={value.tagId}
          onChange={(v) => set({ tagId: v })}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('residents.list.all')}
          w={130}
        />
        <Select
          label={t('residents.fields.status')}
          data={residentStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          value={value.status}
          onChange={(v) => set({ status: (v as ResidentStatus | null) ?? null })}
          clearable
          placeholder={t('residents.list.all')}
          w={120}
        />
        <NumberInput
          label={t('residents.list.ageFrom')}
          value={value.ageMin ?? ''}
          onChange={(v) => set({ ageMin: age(v) })}
          min={0}
          max={130}
          allowDecimal={false}
          allowNegative={false}
          w={80}
        />
        <NumberInput
          label={t('residents.list.ageTo')}
          value={value.ageMax ?? ''}
          onChange={(v) => set({ ageMax: age(v) })}
          min={0}
          max={130}
          allowDecimal={false}
          allowNegative={false}
          w={80}
        />
        <Stack gap={0}>
          <Input.Label id="residents-archived-label">{t('residents.list.scope')}</Input.Label>
          <SegmentedControl
            aria-labelledby="residents-archived-label"
            value={value.archived}
            onChange={(v) => set({ archived: v as ListFilters['archived'] })}
            data={[
              { value: 'active', label: t('residents.list.scopeActive') },
              { value: 'all', label: t('residents.list.scopeAll') },
              { value: 'archived', label: t('residents.list.scopeArchived') },
            ]}
          />
        </Stack>
        {activeFilterCount(value) > 0 && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => onChange(emptyFilters)}>
            {t('residents.list.clearFilters')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

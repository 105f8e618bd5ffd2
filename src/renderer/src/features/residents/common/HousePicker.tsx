import { useEffect, useMemo, useState } from 'react';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BuildingCell } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useBuildings, useCompounds } from './use-catalog';
import { buildingShortLabel, roomLabel, unitLabel } from './room-label';
import { selectOnFocus } from './select-on-focus';

interface HousePickerProps {
  value: string | null;
  /** Where the current house is, so the pickers open on it when editing. */
  initialBuildingId?: string | null;
  onChange: (houseId: string | null) => void;
  error?: string;
}

/**
 * 小区 → 楼栋 → 房号, each a searchable selectFirstOptionOnChange select: a clerk types "幸福", Enter, "3", Enter, "501", Enter.
 * Rooms come from the building view, grouped by unit.
 */
export function HousePicker({ value, initialBuildingId, onChange, error }: HousePickerProps) {
  const { t } = useTranslation();
  const compounds = useCompounds();
  const buildings = useBuildings({}, true);
  const [compoundId, setCompoundId] = useState<string | null>(null);
  const [buildingId, setBuildingId] = useState<string | null>(initialBuildingId ?? null);
  const [cells, setCells] = useState<BuildingCell[]>([]);

  // Opening on an existing address: the building says which compound.
  useEffect(() => {
    if (compoundId || !buildingId) return;
    const b = buildings.data.find((x) => x.id === buildingId);
    if (b) setCompoundId(b.compoundId);
  }, [buildings.data, buildingId, compoundId]);

  useEffect(() => {
    if (!buildingId) {
      setCells([]);
      return;
    }
    let live = true;
    api
      .call('residents.buildingView', { buildingId })
      .then((v) => live && setCells(v.cells))
      .catch(() => live && setCells([]));
    return () => {
      live = false;
    };
  }, [buildingId]);

  const buildingOptions = useMemo(
    () => buildings.data.filter((b) => !compoundId || b.compoundId === compoundId).map((b) => ({ value: b.id, label: buildingShortLabel(b) })),
    [buildings.data, compoundId],
  );

  const roomOptions = useMemo(() => {
    const units = [...new Set(cells.map((c) => c.unit))];
    return units.map((unit) => ({
      group: unitLabel(t, unit),
      items: cells
        .filter((c) => c.unit === unit)
        .sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }))
        .map((c) => ({ value: c.houseId, label: roomLabel(t, c.unit, c.room) })),
    }));
  }, [cells, t]);

  return (
    <SimpleGrid cols={3} spacing="sm">
      <Select
        label={t('residents.place.compound')}
        data={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={compoundId}
        onChange={(v) => {
          setCompoundId(v);
          setBuildingId(null);
          onChange(null);
        }}
        searchable
        selectFirstOptionOnChange
        {...selectOnFocus}
        clearable
        placeholder={t('residents.place.choose')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('residents.place.building')}
        data={buildingOptions}
        value={buildingId}
        onChange={(v) => {
          setBuildingId(v);
          onChange(null);
        }}
        searchable
        selectFirstOptionOnChange
        {...selectOnFocus}
        clearable
        placeholder={t('residents.place.choose')}
        nothingFoundMessage={t('residents.place.noBuildings')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('residents.place.room')}
        data={roomOptions}
        value={value}
        onChange={onChange}
        searchable
        selectFirstOptionOnChange
        {...selectOnFocus}
        clearable
        disabled={!buildingId}
        placeholder={buildingId ? t('residents.place.choose') : t('residents.place.chooseBuildingFirst')}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}

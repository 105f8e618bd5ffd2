import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuildings, useGrids, useTags } from '../residents';
import { buildingShortLabel } from '../residents';

/**
 * 网格 / 楼栋 / 标签 picked from the community's lists, the same pickers as the residents list (no exact
 * name to type). The value is the id, which the reports take as the list screen passes it. A building list
 * narrows to the grid chosen beside it.
 */
export function PlacePicker({
  kind,
  label,
  error,
  autoFocus,
  defaultValue,
  onChange,
  gridId,
}: {
  kind: 'grid' | 'building' | 'tag';
  label: string;
  error?: unknown;
  autoFocus?: boolean;
  defaultValue: string | null;
  onChange: (value: unknown) => void;
  gridId: string | null;
}) {
  const { t } = useTranslation();
  const grids = useGrids();
  const tags = useTags();
  const buildings = useBuildings({ gridId: kind === 'building' ? gridId : null }, kind === 'building');
  const data =
    kind === 'grid'
      ? (grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))
      : kind === 'tag'
        ? (tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))
        : buildings.data.map((b) => ({ value: b.id, label: gridId ? buildingShortLabel(b) : b.label }));
  return (
    <Select
      label={label}
      error={error as string | undefined}
      autoFocus={autoFocus}
      data={data}
      defaultValue={defaultValue}
      onChange={(v) => onChange(v ?? '')}
      clearable
      searchable
      selectFirstOptionOnChange
      placeholder={t('residents.list.all')}
      w={kind === 'building' ? 200 : 170}
    />
  );
}

import { useEffect, useState } from 'react';
import { Group, Loader, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ResidentHit } from '@shared/contract/residents';
import { api } from '../../../api/client';

interface ResidentPickerProps extends Omit<SelectProps, 'data' | 'value' | 'defaultValue' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  /** The chosen resident's id (controlled), or give defaultValue for an uncontrolled form field. */
  value?: string | null;
  defaultValue?: string | null;
  onChange?: (id: string | null, hit: ResidentHit | null) => void;
  /** Moved-out and deceased people too (a receipt for a past donor); default only people on the register. */
  includeArchived?: boolean;
}

type Option = { value: string; label: string; hit: ResidentHit };

const optionOf = (hit: ResidentHit): Option => ({ value: hit.id, label: `${hit.name} ${hit.idMasked}`.trim(), hit });

/**
 * Picks one resident for any area's form (a donor, a ticket's requester, a volunteer), found the way
 * Ctrl+K finds people: by name, pinyin or its initials (zs → 张三), ID number or its last digits, or the
 * phone's last four, through `residents.search`. Only masked numbers are shown.
 */
export function ResidentPicker({ value, defaultValue, onChange, includeArchived = false, label, placeholder, ...rest }: ResidentPickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Option | null>(null);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = value !== undefined ? value : (chosen?.value ?? defaultValue ?? null);

  // A resident chosen before this form opened: show their name, not their id.
  useEffect(() => {
    if (!id || chosen?.value === id) return;
    let live = true;
    api
      .call('residents.get', { id })
      .then(({ resident: r }) => {
        const { id: rid, name, idMasked, phoneMasked, address, archived } = r;
        const hit: ResidentHit = { type: 'resident', id: rid, name, idMasked, phoneMasked, address, archived, matchedBy: 'id' };
        if (live) setChosen(optionOf(hit));
      })
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id, chosen?.value]);

  useEffect(() => {
    // The search box shows the chosen person's label: that is not a new search.
    if (!query || query === chosen?.label) {
      setOptions([]);
      return;
    }
    let live = true;
    setLoading(true);
    api
      .call('residents.search', { q: query, limit: 20, includeArchived })
      .then((hits) => {
        if (!live) return;
        setOptions(hits.filter((h): h is ResidentHit => h.type === 'resident').map(optionOf));
        setError(null);
      })
      .catch((err) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, includeArchived, chosen?.label]);

  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  const byValue = new Map(data.map((o) => [o.value, o]));

  return (
    <Select
      {...rest}
      label={label ?? t('residents.picker.label')}
      placeholder={placeholder ?? t('residents.picker.placeholder')}
      data={data.map(({ value: v, label: l }) => ({ value: v, label: l }))}
      value={id}
      onChange={(next) => {
        const option = next ? (byValue.get(next) ?? null) : null;
        setChosen(option);
        onChange?.(next, option?.hit ?? null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has matched by pinyin, initials and number suffixes: show its hits as they are.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={query && !loading ? t('residents.picker.nothing', { q: query }) : undefined}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={rest.error ?? (error ? t('residents.picker.failed') : undefined)}
      renderOption={({ option }) => {
        const hit = byValue.get(option.value)?.hit;
        if (!hit) return option.label;
        return (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {hit.name}
            </Text>
            <Text size="xs" ff="monospace" c="dimmed">
              {hit.idMasked}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {hit.address || t('residents.search.noAddress')}
            </Text>
          </Group>
        );
      }}
    />
  );
}

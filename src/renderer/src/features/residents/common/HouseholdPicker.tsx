import { useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, TextInput, Tooltip, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HouseholdSummary } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { translateError } from '../../../i18n/errors';

interface HouseholdOption {
  id: string;
  number: string;
  headName: string | null;
  members: number;
}

interface HouseholdPickerProps {
  houseId: string | null;
  value: string | null;
  onChange: (householdId: string | null) => void;
  /** The household the person is in now, shown even when it sits at another house. */
  current?: { id: string; number: string } | null;
  error?: string;
  /** Creating a household needs residents.write. */
  canCreate?: boolean;
  /**
   * A household found by its number that lives at another house was chosen: the caller moves its house
   * picker there, so that the person is placed where the household lives.
   */
  onElsewhere?: (household: Pick<HouseholdSummary, 'houseId' | 'buildingId'>) => void;
  /** Picking a house with exactly one household chooses it (when none is chosen yet). */
  preselectOnly?: boolean;
}

/** The one household registered at a house, if it has exactly one: picking that room picks it. */
export function onlyHousehold<H extends { id: string }>(households: H[]): H | null {
  return households.length === 1 ? households[0] : null;
}

/** A household found by number; one at another house names where it lives. */
function foundOption(t: TFunction, h: HouseholdSummary, houseId: string | null): ComboboxItem {
  const label = t('residents.household.option', { number: h.number, head: h.headName ?? t('residents.household.noHead'), count: h.members });
  return {
    value: h.id,
    label: h.houseId === houseId ? label : t('residents.household.optionElsewhere', { option: label, address: h.address || t('residents.household.noHouse') }),
  };
}

/**
 * 户: the households registered at the chosen house, by number and head; any household found by typing
 * its 户号 (residents.findHousehold), wherever it lives; or a new household created here.
 */
export function HouseholdPicker({ houseId, value, onChange, current, error, canCreate = true, onElsewhere, preselectOnly = false }: HouseholdPickerProps) {
  const { t } = useTranslation();
  const [households, setHouseholds] = useState<HouseholdOption[]>([]);
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 150);
  const [found, setFound] = useState<HouseholdSummary[]>([]);
  const [picked, setPicked] = useState<HouseholdSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [number, setNumber] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Read when the house's households arrive: a room picked while no household is chosen preselects its only one.
  const pick = useRef({ value, onChange });
  pick.current = { value, onChange };

  useEffect(() => {
    if (!houseId) {
      setHouseholds([]);
      return;
    }
    let live = true;
    api
      .call('residents.getHouse', { id: houseId })
      .then((h) => {
        if (!live) return;
        setHouseholds(h.households);
        const only = onlyHousehold(h.households);
        if (preselectOnly && only && pick.current.value === null) pick.current.onChange(only.id);
      })
      .catch(() => live && setHouseholds([]));
    return () => {
      live = false;
    };
  }, [houseId, preselectOnly]);

  const options = useMemo(() => {
    const list = households.map((h) => ({
      value: h.id,
      label: t('residents.household.option', { number: h.number, head: h.headName ?? t('residents.household.noHead'), count: h.members }),
    }));
    if (current && !households.some((h) => h.id === current.id))
      list.unshift({ value: current.id, label: t('residents.household.optionCurrent', { number: current.number }) });
    return list;
  }, [households, current, t]);

  // A household found by number stays an option once chosen, after the search that found it is gone.
  const listed = useMemo(() => (picked && picked.id === value && !found.some((h) => h.id === picked.id) ? [picked, ...found] : found), [picked, value, found]);
  const data = useMemo(() => {
    const foundIds = new Set(listed.map((h) => h.id));
    return [...options.filter((o) => !foundIds.has(o.value)), ...listed.map((h) => foundOption(t, h, houseId))];
  }, [options, listed, houseId, t]);

  // What the clerk typed, unless it is the chosen option's own label (shown in the box after choosing) or
  // longer than any 户号 can be.
  const chosenLabel = data.find((o) => o.value === value)?.label;
  const query = typed && typed !== chosenLabel && typed.length <= 30 ? typed : '';

  useEffect(() => {
    if (!query) {
      setFound([]);
      return;
    }
    let live = true;
    api
      .call('residents.findHousehold', { number: query, limit: 10 })
      .then((rows) => live && setFound(rows))
      .catch(() => live && setFound([]));
    return () => {
      live = false;
    };
  }, [query]);

  // The house's households are filtered by what is typed; those found by number are always shown (the
  // server matched them, full-width and lower-case spellings included).
  const filter: OptionsFilter = ({ options: items, search: text }) => {
    const needle = text.trim().toLowerCase();
    const foundIds = new Set(found.map((h) => h.id));
    return (items as ComboboxItem[]).filter((o) => foundIds.has(o.value) || !needle || o.label.toLowerCase().includes(needle));
  };

  function choose(id: string | null) {
    onChange(id);
    const h = found.find((x) => x.id === id);
    setPicked(h ?? null);
    if (h && h.houseId && h.houseId !== houseId) onElsewhere?.({ houseId: h.houseId, buildingId: h.buildingId });
  }

  async function create() {
    setBusy(true);
    setCreateError(null);
    try {
      const h = await api.call('residents.saveHousehold', { number: number.trim(), houseId });
      setHouseholds((list) => [...list, { id: h.id, number: h.number, headName: null, members: 0 }]);
      onChange(h.id);
      setCreating(false);
      setNumber('');
    } catch (err) {
      setCreateError(translateError(t, err));
    } finally {
      setBusy(false);
    }
  }

  if (creating) {
    return (
      <Stack gap={4}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('residents.household.newNumber')}
            description={houseId ? undefined : t('residents.household.newWithoutHouse')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter creates here instead of moving on through the resident form.
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                if (number.trim()) void create();
              }
            }}
            error={createError}
            data-autofocus
            autoFocus
            style={{ flex: 1 }}
          />
          <Button onClick={() => void create()} loading={busy} disabled={!number.trim()}>
            {t('residents.household.create')}
          </Button>
          <Tooltip label={t('common.cancel')}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('common.cancel')} onClick={() => setCreating(false)}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Stack>
    );
  }

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label={t('residents.fields.household')}
        data={data}
        filter={filter}
        value={value}
        onChange={choose}
        searchValue={search}
        onSearchChange={setSearch}
        searchable
        selectFirstOptionOnChange
        clearable
        placeholder={houseId || current ? t('residents.household.chooseOrType') : t('residents.household.typeNumber')}
        nothingFoundMessage={query ? t('residents.household.noneWithNumber', { number: query }) : t('residents.household.noneAtHouse')}
        error={error}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: 1 }}
      />
      {canCreate && (
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
          {t('residents.household.new')}
        </Button>
      )}
    </Group>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
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
}

/**
 * 户: the households registered at the chosen house, by number and head, or a new household created here.
 * The contract finds households through their house (there is no look-up by number alone).
 */
export function HouseholdPicker({ houseId, value, onChange, current, error, canCreate = true }: HouseholdPickerProps) {
  const { t } = useTranslation();
  const [households, setHouseholds] = useState<HouseholdOption[]>([]);
  const [creating, setCreating] = useState(false);
  const [number, setNumber] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!houseId) {
      setHouseholds([]);
      return;
    }
    let live = true;
    api
      .call('residents.getHouse', { id: houseId })
      .then((h) => live && setHouseholds(h.households))
      .catch(() => live && setHouseholds([]));
    return () => {
      live = false;
    };
  }, [houseId]);

  const options = useMemo(() => {
    const list = households.map((h) => ({ value: h.id, label: t('residents.household.option', { number: h.number, head: h.headName ?? t('residents.household.noHead'), count: h.members }) }));
    if (current && !households.some((h) => h.id === current.id)) list.unshift({ value: current.id, label: t('residents.household.optionCurrent', { number: current.number }) });
    return list;
  }, [households, current, t]);

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
        data={options}
        value={value}
        onChange={onChange}
        searchable selectFirstOptionOnChange
        clearable
        placeholder={houseId || current ? t('residents.place.choose') : t('residents.household.chooseHouseFirst')}
        nothingFoundMessage={t('residents.household.noneAtHouse')}
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

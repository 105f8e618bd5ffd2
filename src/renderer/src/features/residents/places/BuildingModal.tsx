import { useState } from 'react';
import { Alert, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildingInput, type Building } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { useCompounds, useGrids } from '../common/use-catalog';

interface BuildingValues {
  compoundId: string | null;
  gridId: string | null;
  name: string;
  floors: number | string;
  units: number | string;
  roomsPerFloor: number | string;
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);

/**
 * A building (楼栋). Created with a layout — units, floors, rooms per floor — so that its rooms exist at
 * once and the 楼盘表 is complete from day one. Later edits change its name, grid or height only.
 */
export function BuildingModal({ building, onClose, onSaved }: { building: Building | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const grids = useGrids();
  const compounds = useCompounds();
  const [error, setError] = useState<unknown>(null);
  const [shape, setShape] = useState({ units: 2, floors: building?.floors ?? 6, rooms: 2 });
  const initial: BuildingValues = {
    compoundId: building?.compoundId ?? null,
    gridId: building?.gridId ?? null,
    name: building?.name ?? '',
    floors: building?.floors ?? 6,
    units: 2,
    roomsPerFloor: 2,
  };
  const toInput = (v: BuildingValues) => ({
    id: building?.id,
    compoundId: v.compoundId ?? '',
    gridId: v.gridId ?? '',
    name: v.name,
    floors: num(v.floors),
    layout: building ? undefined : { units: num(v.units), roomsPerFloor: num(v.roomsPerFloor) },
  });
  const form = useForm<BuildingValues>({ mode: 'uncontrolled', initialValues: initial, validate: (v) => schemaErrors(t, buildingInput, toInput(v)) });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('residents.saveBuilding', toInput(v));
      onSaved();
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err, { 'layout.units': 'units', 'layout.roomsPerFloor': 'roomsPerFloor' })) setError(err);
    }
  });

  const track = (path: keyof BuildingValues, key: keyof typeof shape) => {
    const props = form.getInputProps(path);
    return { ...props, onChange: (v: number | string) => (props.onChange(v), setShape((s) => ({ ...s, [key]: num(v) }))) };
  };
  const rooms = Math.max(shape.units, 1) * shape.floors * shape.rooms;

  return (
    <Modal
      opened
      onClose={onClose}
      title={building ? t('residents.places.editBuilding', { name: building.label }) : t('residents.places.newBuilding')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('residents.place.compound')}
              data={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchable
              selectFirstOptionOnChange
              data-autofocus
              key={form.key('compoundId')}
              {...form.getInputProps('compoundId')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('residents.fields.grid')}
              data={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              searchable
              selectFirstOptionOnChange
              key={form.key('gridId')}
              {...form.getInputProps('gridId')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('residents.places.buildingName')}
              description={t('residents.places.buildingNameHint')}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <NumberInput label={t('residents.places.floors')} min={1} max={200} allowDecimal={false} key={form.key('floors')} {...track('floors', 'floors')} />
            {!building && (
              <>
                <NumberInput
                  label={t('residents.places.units')}
                  description={t('residents.places.unitsHint')}
                  min={0}
                  max={20}
                  allowDecimal={false}
                  key={form.key('units')}
                  {...track('units', 'units')}
                />
                <NumberInput
                  label={t('residents.places.roomsPerFloor')}
                  min={1}
                  max={30}
                  allowDecimal={false}
                  key={form.key('roomsPerFloor')}
                  {...track('roomsPerFloor', 'rooms')}
                />
              </>
            )}
          </SimpleGrid>
          {!building && Number.isFinite(rooms) && rooms > 0 && (
            <Alert color="indigo" variant="light">
              {t('residents.places.layoutPreview', {
                count: rooms,
                example:
                  shape.units > 0
                    ? t('residents.place.unitRoom', { unit: 1, room: `${shape.floors}0${Math.min(shape.rooms, 9)}` })
                    : `${shape.floors}0${Math.min(shape.rooms, 9)}`,
              })}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} saveLabel={building ? undefined : t('residents.places.createBuilding')} />
        </Stack>
      </form>
    </Modal>
  );
}

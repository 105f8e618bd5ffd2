import { useState } from 'react';
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { houseInput, houseUses, type House } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { DateField } from '../../../components/DateField';
import { houseUseLabel, isRented } from '../common/terms';

/** A room's use (自住/出租/空置/商用), owner, and for a rented one the landlord, lease and 登记备案号. */
export function HouseEditModal({ house, onClose, onSaved }: { house: House; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [use, setUse] = useState<House['use']>(house.use);
  const initial = {
    use: house.use as string,
    ownerName: house.ownerName,
    landlordName: house.landlordName,
    leaseStart: house.leaseStart,
    leaseEnd: house.leaseEnd,
    rentalRegistrationNo: house.rentalRegistrationNo,
  };
  const full = (v: typeof initial) => ({
    id: house.id,
    buildingId: house.buildingId,
    unit: house.unit,
    floor: house.floor,
    room: house.room,
    ...v,
    use: v.use as House['use'],
  });
  const form = useForm({ mode: 'uncontrolled', initialValues: initial, validate: (v) => schemaErrors(t, houseInput, full(v)) });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('residents.saveHouse', full(v));
      onSaved();
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('residents.house.editTitle', { address: house.address })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('residents.house.use')}
            data={houseUses.map((u) => ({ value: u, label: houseUseLabel(t, u) }))}
            allowDeselect={false}
            data-autofocus
            key={form.key('use')}
            {...form.getInputProps('use')}
            onChange={(v) => {
              form.setFieldValue('use', v);
              setUse(v as House['use']);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('residents.house.owner')} key={form.key('ownerName')} {...form.getInputProps('ownerName')} />
          {isRented(use) && (
            <>
              <TextInput label={t('residents.house.landlord')} key={form.key('landlordName')} {...form.getInputProps('landlordName')} />
              <SimpleGrid cols={2}>
                <DateField label={t('residents.house.leaseStart')} clearable key={form.key('leaseStart')} {...form.getInputProps('leaseStart')} />
                <DateField label={t('residents.house.leaseEnd')} clearable key={form.key('leaseEnd')} {...form.getInputProps('leaseEnd')} />
              </SimpleGrid>
              <TextInput label={t('residents.house.rentalNo')} key={form.key('rentalRegistrationNo')} {...form.getInputProps('rentalRegistrationNo')} />
            </>
          )}
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

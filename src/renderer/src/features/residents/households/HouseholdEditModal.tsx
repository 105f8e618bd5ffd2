import { useState } from 'react';
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { householdInput, residenceRelations, type Household, type ResidentRow } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { residenceRelationLabel } from '../common/terms';

/** 户号, 人户关系 and 户主 (one of the members). The house is changed through 变更户 of its people. */
export function HouseholdEditModal({
  household,
  members,
  onClose,
  onSaved,
}: {
  household: Household;
  members: ResidentRow[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const initial = { number: household.number, residenceRelation: household.residenceRelation as string, headResidentId: household.headResidentId };
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: (v) => schemaErrors(t, householdInput, { ...v, id: household.id, houseId: household.houseId }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('residents.saveHousehold', {
        id: household.id,
        houseId: household.houseId,
        number: v.number,
        residenceRelation: v.residenceRelation as Household['residenceRelation'],
        headResidentId: v.headResidentId,
      });
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
      title={t('residents.household.editTitle', { number: household.number })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('residents.household.number')} data-autofocus key={form.key('number')} {...form.getInputProps('number')} />
          <Select
            label={t('residents.household.residenceRelation')}
            data={residenceRelations.map((r) => ({ value: r, label: residenceRelationLabel(t, r) }))}
            allowDeselect={false}
            key={form.key('residenceRelation')}
            {...form.getInputProps('residenceRelation')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('residents.household.head')}
            data={members.filter((m) => !m.archived).map((m) => ({ value: m.id, label: m.name }))}
            clearable
            key={form.key('headResidentId')}
            {...form.getInputProps('headResidentId')}
            comboboxProps={{ withinPortal: true }}
          />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../components/form/use-form';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';

/** One name to give or change (a compound); the save call is the caller's. */
export function NameModal({
  title,
  label,
  initial,
  onClose,
  onSave,
}: {
  title: string;
  label: string;
  initial: string;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: initial },
    validate: (v) => ({ name: v.name.trim() ? null : t('errors.contract.required') }),
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await onSave(v.name.trim());
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });
  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={label} data-autofocus maxLength={40} key={form.key('name')} {...form.getInputProps('name')} />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Chip, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { people } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';

export type RevealField = 'idNumber' | 'phone';

/**
 * Asks why before showing a full ID number or phone (PIPL: purpose, least privilege). Main checks the
 * permission, requires the reason and writes the reveal to the audit trail.
 */
export function RevealModal({
  residentId,
  residentName,
  field,
  onClose,
  onRevealed,
}: {
  residentId: string;
  residentName: string;
  field: RevealField;
  onClose: () => void;
  onRevealed: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: (v) => schemaErrors(t, people['residents.reveal'].input, { id: residentId, field, reason: v.reason }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const { value } = await api.call('residents.reveal', { id: residentId, field, reason: v.reason });
      onRevealed(value);
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  const fieldName = field === 'idNumber' ? t('residents.fields.idNumber') : t('residents.fields.phone');
  // The usual reasons at the counter, one click away; anything else is typed.
  const quickReasons = [
    t('residents.reveal.quick.checkIdentity'),
    t('residents.reveal.quick.callResident'),
    t('residents.reveal.quick.fillForm'),
    t('residents.reveal.quick.verifyRecord'),
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('residents.reveal.title', { field: fieldName, name: residentName })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('residents.reveal.explain')}
          </Text>
          <TextInput label={t('residents.reveal.reason')} data-autofocus key={form.key('reason')} {...form.getInputProps('reason')} />
          <Group gap={6}>
            {quickReasons.map((r) => (
              <Chip key={r} size="xs" checked={false} onChange={() => form.setValues({ reason: r })}>
                {r}
              </Chip>
            ))}
          </Group>
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} saveLabel={t('residents.reveal.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { useForm } from '../../../components/form/use-form';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../../../components/DateField';
import { todayIn } from '../../../components/today';
import { FormFooter } from '../../../components/form/FormFooter';

interface DatedActionModalProps {
  title: string;
  explain: string;
  dateLabel: string;
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  /** Runs the call; a thrown error stays in the modal. */
  onConfirm: (on: string, note: string) => Promise<void>;
}

/** 迁出 and 登记死亡: a date (today unless told otherwise) and a short note. The person is archived, never deleted. */
export function DatedActionModal({ title, explain, dateLabel, confirmLabel, danger, onClose, onConfirm }: DatedActionModalProps) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { on: todayIn(settings.timeZone) as string | null, note: '' },
    validate: (v) => ({ on: v.on ? null : t('errors.contract.required') }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await onConfirm(v.on!, v.note.trim());
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{explain}</Text>
          <DateField label={dateLabel} data-autofocus key={form.key('on')} {...form.getInputProps('on')} maxDate={todayIn(settings.timeZone)} />
          <Textarea label={t('residents.actions.note')} autosize minRows={2} maxLength={200} key={form.key('note')} {...form.getInputProps('note')} />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} saveLabel={confirmLabel} danger={danger} />
        </Stack>
      </form>
    </Modal>
  );
}

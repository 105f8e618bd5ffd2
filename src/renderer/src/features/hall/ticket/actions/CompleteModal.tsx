import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

/** 办结: the decision or reply, as the department gave it. */
export function CompleteModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.complete'].input,
    initialValues: { result: '' },
    write: (v) => api.call('hall.complete', { id: ticket.id, result: v.result }),
    onDone,
  });
  return (
    <ActionModal
      title={t('hall.actions.complete')}
      saveLabel={t('hall.actions.completeSave')}
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Textarea
        label={t('hall.fields.result')}
        description={t('hall.actions.resultHint')}
        required
        autosize
        minRows={4}
        maxRows={12}
        data-autofocus
        key={form.key('result')}
        {...form.getInputProps('result')}
      />
    </ActionModal>
  );
}

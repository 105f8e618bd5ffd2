import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

/**
 * 不予受理 (or 不予办理 once accepted): the reason, and the applicant's remedies, prefilled with the usual
 * wording (行政复议 within sixty days, 行政诉讼 within six months) for the clerk to adjust.
 */
export function RefuseModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.refuse'].input,
    initialValues: { reason: '', remedies: t('hall.actions.remediesDefault') },
    write: (v) => api.call('hall.refuse', { id: ticket.id, ...v }),
    onDone,
  });
  return (
    <ActionModal
      title={ticket.status === 'notified' ? t('hall.actions.refuse') : t('hall.actions.refuseAccepted')}
      saveLabel={t('hall.actions.refuseSave')}
      danger
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Textarea
        label={t('hall.fields.refusedReason')}
        required
        autosize
        minRows={3}
        maxRows={8}
        data-autofocus
        key={form.key('reason')}
        {...form.getInputProps('reason')}
      />
      <Textarea label={t('hall.fields.remedies')} autosize minRows={2} maxRows={6} key={form.key('remedies')} {...form.getInputProps('remedies')} />
    </ActionModal>
  );
}

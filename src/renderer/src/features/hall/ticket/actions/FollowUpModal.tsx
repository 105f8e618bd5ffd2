import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { DateField } from '../../../../components/DateField';
import { useHallToday } from '../../../../components/today';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

/** 差评回访 (核实整改反馈), once: when the applicant was contacted, what was verified, what was put right, what they were told. */
export function FollowUpModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const today = useHallToday();
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.followUp'].input,
    initialValues: { contactedOn: today as string | null, verified: '', rectification: '', feedback: '' },
    extraChecks: (v) => ({ contactedOn: v.contactedOn && v.contactedOn > today ? t('hall.actions.contactedInFuture') : undefined }),
    write: (v) =>
      api.call('hall.followUp', {
        id: ticket.id,
        contactedOn: v.contactedOn ?? '',
        verified: v.verified,
        rectification: v.rectification,
        feedback: v.feedback,
      }),
    onDone,
  });
  return (
    <ActionModal
      title={t('hall.actions.followUp')}
      saveLabel={t('hall.actions.followUpSave')}
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {ticket.rating?.followUpDueOn && (
        <Text size="sm" c={ticket.rating.followUpDueOn < today ? 'red' : 'dimmed'}>
          {t('hall.actions.followUpDue', { date: ticket.rating.followUpDueOn })}
        </Text>
      )}
      <DateField label={t('hall.followUp.contactedOn')} maxDate={today} required w={200} key={form.key('contactedOn')} {...form.getInputProps('contactedOn')} />
      <Textarea
        label={t('hall.followUp.verified')}
        required
        autosize
        minRows={2}
        maxRows={6}
        data-autofocus
        key={form.key('verified')}
        {...form.getInputProps('verified')}
      />
      <Textarea
        label={t('hall.followUp.rectification')}
        autosize
        minRows={2}
        maxRows={6}
        key={form.key('rectification')}
        {...form.getInputProps('rectification')}
      />
      <Textarea label={t('hall.followUp.feedback')} autosize minRows={2} maxRows={6} key={form.key('feedback')} {...form.getInputProps('feedback')} />
    </ActionModal>
  );
}

import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { itemsToSupplement } from '../actions';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

/**
 * 补正材料: the applicant brings items that were missing. A notified ticket is accepted once every required
 * one is in (its time limit starts that day); a 容缺 ticket's pledged items are marked received.
 */
export function SupplementModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const owed = itemsToSupplement(ticket);
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.supplement'].input,
    initialValues: { items: [] as string[], note: '' },
    extraChecks: (v) => ({ items: v.items.length === 0 ? t('hall.actions.supplementPick') : undefined }),
    write: (v) => api.call('hall.supplement', { id: ticket.id, items: v.items, note: v.note }),
    onDone,
  });
  return (
    <ActionModal
      title={t('hall.actions.supplement')}
      saveLabel={t('hall.actions.supplementSave')}
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {ticket.status === 'notified' ? t('hall.actions.supplementNotified') : t('hall.actions.supplementDeficient', { date: ticket.supplementBy ?? '' })}
      </Text>
      <Checkbox.Group label={t('hall.actions.supplementItems')} required key={form.key('items')} {...form.getInputProps('items')}>
        <Stack gap={6} mt={6}>
          {owed.map((name, i) => (
            <Checkbox key={name} value={name} label={name} data-autofocus={i === 0 || undefined} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput label={t('hall.actions.note')} key={form.key('note')} {...form.getInputProps('note')} />
    </ActionModal>
  );
}

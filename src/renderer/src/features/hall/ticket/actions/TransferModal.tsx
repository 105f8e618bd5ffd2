import { Autocomplete, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { useLoad } from '../../../../components/use-load';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

/** 转办: to the department that decides (the catalogue's departments offered, any other typed), its 承办人, a note. */
export function TransferModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const services = useLoad(() => api.call('hall.listServices', { includeArchived: false, query: '' }), [], { live: false });
  const departments = [...new Set((services.data ?? []).map((s) => s.department).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.transfer'].input,
    initialValues: { department: ticket.transferredTo || ticket.department, handlerName: '', note: '' },
    write: (v) => api.call('hall.transfer', { id: ticket.id, ...v }),
    onDone,
  });
  return (
    <ActionModal
      title={t('hall.actions.transfer')}
      saveLabel={t('hall.actions.transferSave')}
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Autocomplete
        label={t('hall.fields.department')}
        data={departments}
        required
        data-autofocus
        key={form.key('department')}
        {...form.getInputProps('department')}
      />
      <TextInput
        label={t('hall.fields.handler')}
        description={t('hall.actions.handlerHint')}
        key={form.key('handlerName')}
        {...form.getInputProps('handlerName')}
      />
      <TextInput label={t('hall.actions.note')} key={form.key('note')} {...form.getInputProps('note')} />
    </ActionModal>
  );
}

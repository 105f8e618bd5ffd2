import { useState } from 'react';
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gridInput, type Grid } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { useLoad } from '../../../components/use-load';
import { withNote } from '../common/terms';

/**
 * A grid (网格) and what is published about it where residents gather: the worker's name and phone and
 * the complaint line (《网格化服务管理条例》第6条). The worker's account makes "my households" work.
 */
export function GridModal({ grid, onClose, onSaved }: { grid: Grid | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [error, setError] = useState<unknown>(null);
  // Only administrators may list accounts; others keep whatever account is linked.
  const users = useLoad(async () => (can('users.manage') ? api.call('users.list', { includeDisabled: false }) : []), [can]);
  const initial = {
    code: grid?.code ?? '',
    name: grid?.name ?? '',
    workerUserId: grid?.workerUserId ?? null,
    workerName: grid?.workerName ?? '',
    workerPhone: grid?.workerPhone ?? '',
    complaintPhone: grid?.complaintPhone ?? '',
  };
  const form = useForm({ mode: 'uncontrolled', initialValues: initial, validate: (v) => schemaErrors(t, gridInput, v) });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('residents.saveGrid', { ...v, id: grid?.id });
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
      title={grid ? t('residents.places.editGrid', { name: grid.name }) : t('residents.places.newGrid')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('residents.places.gridCode')} data-autofocus key={form.key('code')} {...form.getInputProps('code')} />
            <TextInput label={t('residents.places.gridName')} key={form.key('name')} {...form.getInputProps('name')} />
            <TextInput label={t('residents.places.workerName')} key={form.key('workerName')} {...form.getInputProps('workerName')} />
            <TextInput label={t('residents.places.workerPhone')} key={form.key('workerPhone')} {...form.getInputProps('workerPhone')} />
            <TextInput label={t('residents.places.complaintPhone')} key={form.key('complaintPhone')} {...form.getInputProps('complaintPhone')} />
            {can('users.manage') && (
              <Select
                label={t('residents.places.workerAccount')}
                description={t('residents.places.workerAccountHint')}
                data={(users.data ?? []).map((u) => ({ value: u.id, label: withNote(t, u.displayName, u.username) }))}
                clearable
                searchable
                selectFirstOptionOnChange
                key={form.key('workerUserId') + (users.data ? 'l' : '')}
                {...form.getInputProps('workerUserId')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </SimpleGrid>
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

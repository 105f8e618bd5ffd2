import { useState } from 'react';
import { Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Role } from '@shared/permissions';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RolesSelect } from './RolesSelect';
import { FormFooter } from '../../components/form/FormFooter';

const empty = { username: '', displayName: '', password: '', roles: [] as Role[] };

export function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ mode: 'uncontrolled', initialValues: empty, validate: (v) => schemaErrors(t, contract['users.create'].input, v) });

  function close() {
    form.reset();
    setError(null);
    onClose();
  }

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const user = await api.call('users.create', values);
      notifications.show({ color: 'green', message: t('users.created', { name: user.displayName, username: user.username }) });
      onCreated();
      close();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('users.create')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('users.fields.username')}
            description={t('users.hints.username')}
            autoComplete="off"
            data-autofocus
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fields.displayName')} key={form.key('displayName')} {...form.getInputProps('displayName')} />
          <PasswordInput
            label={t('users.fields.initialPassword')}
            description={t('users.hints.initialPassword')}
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <RolesSelect key={form.key('roles')} {...form.getInputProps('roles')} />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={close} saveLabel={t('users.createSubmit')} />
        </Stack>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { UserSummary } from '@shared/contract/users';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RolesSelect } from './RolesSelect';
import { FormFooter } from '../../components/form/FormFooter';

/** Changes an account's roles; mounted per account, so the form starts from that account's roles. */
export function RolesModal({ user, onClose, onSaved }: { user: UserSummary; onClose: () => void; onSaved: (u: UserSummary) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { roles: user.roles },
    validate: (v) => schemaErrors(t, contract['users.setRoles'].input, { userId: user.id, roles: v.roles }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const saved = await api.call('users.setRoles', { userId: user.id, roles: v.roles });
      notifications.show({ color: 'green', message: t('users.rolesSaved', { name: saved.displayName }) });
      onSaved(saved);
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.editRolesTitle', { name: user.displayName })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('users.editRolesHint')}
          </Text>
          <RolesSelect key={form.key('roles')} {...form.getInputProps('roles')} />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

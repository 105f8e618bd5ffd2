import { useState } from 'react';
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { UserSummary } from '@shared/contract/users';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/form/FormFooter';

/** Sets a new password for someone who forgot theirs; they sign in with it and change it themselves. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newPassword: '' },
    validate: (v) => schemaErrors(t, contract['users.resetPassword'].input, { userId: user.id, newPassword: v.newPassword }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('users.resetPassword', { userId: user.id, newPassword: v.newPassword });
      notifications.show({ color: 'green', message: t('users.passwordReset', { name: user.displayName }) });
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('users.resetPasswordHint', { username: user.username })}
          </Text>
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('users.hints.password')}
            autoComplete="new-password"
            data-autofocus
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} saveLabel={t('users.resetPassword')} />
        </Stack>
      </form>
    </Modal>
  );
}

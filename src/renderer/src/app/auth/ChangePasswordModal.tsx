import { useState } from 'react';
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorCode } from '../../i18n/errors';
import { FormFooter } from '../../components/form/FormFooter';

/** The signed-in user changes their own password; a wrong current password lands on its field. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (v) => ({
      ...schemaErrors(t, contract['auth.changePassword'].input, { currentPassword: v.currentPassword, newPassword: v.newPassword }),
      confirmPassword: v.confirmPassword === v.newPassword ? null : t('auth.passwordsDiffer'),
    }),
  });

  function close() {
    form.reset();
    setError(null);
    onClose();
  }

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      notifications.show({ color: 'green', message: t('auth.passwordChanged') });
      close();
    } catch (err) {
      // The server names the field; "user name or password" would be the wrong words for it here.
      if (errorCode(err) === 'auth.bad_credentials') form.setErrors({ currentPassword: t('auth.currentPasswordWrong') });
      else if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('shell.changePassword')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            data-autofocus
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('users.hints.password')}
            autoComplete="new-password"
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('auth.confirmNewPassword')}
            autoComplete="new-password"
            key={form.key('confirmPassword')}
            {...form.getInputProps('confirmPassword')}
          />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../session-context';
import { useForm } from '../../components/form/use-form';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCountdown } from '../../components/use-countdown';
import { AuthFrame } from './AuthFrame';
import { throttledSeconds } from './throttle';

export function SignInScreen() {
  const { t } = useTranslation();
  const { signedIn, signOutReason } = useSession();
  const [error, setError] = useState<unknown>(null);
  const countdown = useCountdown();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: (v) => ({
      username: v.username.trim() ? null : t('errors.contract.required'),
      password: v.password ? null : t('errors.contract.required'),
    }),
  });

  const usernameProps = form.getInputProps('username');

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      signedIn(await api.call('auth.login', { username: values.username.trim(), password: values.password }));
    } catch (err) {
      const wait = throttledSeconds(err);
      if (wait) countdown.start(wait);
      else setError(err);
    }
  });

  return (
    <AuthFrame title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {signOutReason && (
            <Alert color="yellow" variant="light" role="status" style={{ overflowWrap: 'anywhere' }}>
              {signOutReason}
            </Alert>
          )}
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            autoFocus
            data-autofocus
            key={form.key('username')}
            {...usernameProps}
            onChange={(e) => {
              // The wait belongs to the name that failed; another name may try at once.
              countdown.stop();
              usernameProps.onChange(e);
            }}
          />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" key={form.key('password')} {...form.getInputProps('password')} />
          {countdown.running ? (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.auth.throttled', { seconds: countdown.remaining })}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Button type="submit" loading={form.submitting} disabled={countdown.running} fullWidth>
            {countdown.running ? t('signIn.waitButton', { seconds: countdown.remaining }) : t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

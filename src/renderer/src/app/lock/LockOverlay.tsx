import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Center, FocusTrap, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSignedIn } from '../session-context';
import { useForm } from '../../components/form/use-form';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCountdown } from '../../components/use-countdown';
import { throttledSeconds } from '../auth/throttle';
import { errorCode } from '../../i18n/errors';
import { guardKeysFor } from './key-guard';

/**
 * Covers everything while the session is locked. The app stays mounted underneath, so a half-filled form
 * is still there after unlocking; everything else on the page (including open dialogs) is made inert.
 */
export function LockOverlay() {
  const { t } = useTranslation();
  const { session, status, unlocked, signOut } = useSignedIn();
  const [error, setError] = useState<unknown>(null);
  const countdown = useCountdown();
  const root = useRef<HTMLDivElement | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: (v) => ({ password: v.password ? null : t('errors.contract.required') }),
  });

  useInertSiblings(root);
  useEffect(() => {
    guardKeysFor(root.current);
    return () => guardKeysFor(null);
  }, []);

  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      unlocked(await api.call('auth.unlock', { password }));
    } catch (err) {
      form.setValues({ password: '' });
      const wait = throttledSeconds(err);
      if (wait) countdown.start(wait);
      // Only a password was asked for, so "user name or password" would mislead.
      else if (errorCode(err) === 'auth.bad_credentials') form.setErrors({ password: t('lock.badPassword') });
      else setError(err);
    }
  });

  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-labelledby="linli-lock-title"
      style={{ position: 'fixed', inset: 0, zIndex: 10_000, background: 'var(--mantine-color-gray-1)' }}
    >
      <FocusTrap active>
        <Center h="100%" p="md">
          <Paper withBorder shadow="md" p="xl" w="100%" maw={400}>
            <form onSubmit={submit} noValidate>
              <Stack>
                {status?.communityName && (
                  <Text fw={700} c="indigo.8">
                    {t('app.titleWithCommunity', { community: status.communityName })}
                  </Text>
                )}
                <Group gap="sm">
                  <IconLock size={28} aria-hidden />
                  <Title order={1} fz="h3" id="linli-lock-title">
                    {t('lock.title')}
                  </Title>
                </Group>
                <Text size="sm">{t('lock.explain', { name: session.user.displayName, community: status?.communityName ?? '' })}</Text>
                <Text size="xs" c="dimmed">
                  {t('app.workstation', { name: session.workstation })}
                </Text>
                <PasswordInput
                  label={t('lock.password')}
                  autoComplete="current-password"
                  data-autofocus
                  autoFocus
                  key={form.key('password')}
                  {...form.getInputProps('password')}
                />
                {countdown.running ? (
                  <Alert color="orange" variant="light" role="alert">
                    {t('errors.auth.throttled', { seconds: countdown.remaining })}
                  </Alert>
                ) : (
                  <ErrorAlert error={error} />
                )}
                <Button type="submit" loading={form.submitting} disabled={countdown.running}>
                  {countdown.running ? t('signIn.waitButton', { seconds: countdown.remaining }) : t('lock.unlock')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => void signOut()}>
                  {t('lock.signOut')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Center>
      </FocusTrap>
    </div>,
    document.body,
  );
}

/**
 * Makes every other child of <body> (the app, open dialogs, notifications) inert while mounted, and
 * hidden from assistive technology: only the lock is on the page.
 */
function useInertSiblings(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const touched: { el: HTMLElement; ariaHidden: string | null }[] = [];
    for (const el of Array.from(document.body.children)) {
      if (el instanceof HTMLElement && el !== root.current && !el.inert) {
        touched.push({ el, ariaHidden: el.getAttribute('aria-hidden') });
        el.inert = true;
        el.setAttribute('aria-hidden', 'true');
      }
    }
    return () => {
      for (const { el, ariaHidden } of touched) {
        el.inert = false;
        if (ariaHidden === null) el.removeAttribute('aria-hidden');
        else el.setAttribute('aria-hidden', ariaHidden);
      }
    };
  }, [root]);
}

import { useState } from 'react';
import { Button, Divider, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { api } from '../../api/client';
import { useSession } from '../session-context';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunityFields, emptyCommunity } from '../../components/community/CommunityFields';
import { AuthFrame } from './AuthFrame';

/** First run on a new workstation: the community's profile and the first administrator, in one step. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { community: emptyCommunity, admin: { username: '', displayName: '', password: '', confirmPassword: '' } },
    validate: (v) => ({
      ...schemaErrors(t, contract['auth.setup'].input, toInput(v)),
      'admin.confirmPassword': v.admin.confirmPassword === v.admin.password ? null : t('auth.passwordsDiffer'),
    }),
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      signedIn(await api.call('auth.setup', toInput(values)));
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <AuthFrame title={t('setup.title')} width={760}>
      <Text size="sm">{t('setup.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t('setup.communitySection')}
          </Title>
          <CommunityFields form={form} prefix="community." autoFocus />
          <Divider my="xs" />
          <Title order={2} fz="h4">
            {t('setup.adminSection')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('setup.adminHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t('users.fields.username')}
              description={t('users.hints.username')}
              autoComplete="username"
              key={form.key('admin.username')}
              {...form.getInputProps('admin.username')}
            />
            <TextInput
              label={t('users.fields.displayName')}
              description={t('users.hints.displayName')}
              key={form.key('admin.displayName')}
              {...form.getInputProps('admin.displayName')}
            />
            <PasswordInput
              label={t('users.fields.password')}
              description={t('users.hints.password')}
              autoComplete="new-password"
              key={form.key('admin.password')}
              {...form.getInputProps('admin.password')}
            />
            <PasswordInput
              label={t('users.fields.confirmPassword')}
              description={t('users.hints.confirmPassword')}
              autoComplete="new-password"
              key={form.key('admin.confirmPassword')}
              {...form.getInputProps('admin.confirmPassword')}
            />
          </SimpleGrid>
          <ErrorAlert error={error} />
          <Button type="submit" loading={form.submitting} size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

function toInput(v: { community: typeof emptyCommunity; admin: { username: string; displayName: string; password: string } }) {
  return { community: v.community, admin: { username: v.admin.username, displayName: v.admin.displayName, password: v.admin.password } };
}

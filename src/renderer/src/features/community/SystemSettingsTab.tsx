import { useMemo, useState } from 'react';
import { Button, Card, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Settings } from '@shared/contract/community';
import { api } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { useLoad } from '../../components/use-load';

export function SystemSettingsTab() {
  const { t } = useTranslation();
  const { data, error, loading, setData } = useLoad(() => api.call('community.settings', {}), []);
  if (loading && !data) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack>
      <ErrorAlert error={error} />
      {data && <SettingsForm settings={data} onSaved={setData} />}
    </Stack>
  );
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const { can, settingsChanged } = useSignedIn();
  const [error, setError] = useState<unknown>(null);
  const readOnly = !can('community.manage');
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const form = useForm({ mode: 'uncontrolled', initialValues: settings, validate: (v) => schemaErrors(t, contract['community.updateSettings'].input, v) });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await api.call('community.updateSettings', values);
      settingsChanged(saved);
      onSaved(saved);
      notifications.show({ color: 'green', message: t('settings.saved') });
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {readOnly && (
          <Text size="sm" c="dimmed">
            {t('settings.readOnlyHint')}
          </Text>
        )}
        <Card withBorder padding="lg">
          <Stack>
            <Title order={3} fz="h5">
              {t('settings.sessionSection')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('settings.fields.idleLockMinutes')}
                description={t('settings.hints.idleLockMinutes')}
                min={1}
                max={240}
                allowDecimal={false}
                hideControls={readOnly}
                readOnly={readOnly}
                autoFocus={!readOnly}
                key={form.key('idleLockMinutes')}
                {...form.getInputProps('idleLockMinutes')}
              />
              <Select
                label={t('settings.fields.timeZone')}
                description={t('settings.hints.timeZone')}
                data={zones}
                searchable
                allowDeselect={false}
                readOnly={readOnly}
                key={form.key('timeZone')}
                {...form.getInputProps('timeZone')}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack>
            <Title order={3} fz="h5">
              {t('settings.retentionSection')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.hints.retention')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('settings.fields.keepDaily')}
                min={1}
                max={60}
                allowDecimal={false}
                hideControls={readOnly}
                readOnly={readOnly}
                key={form.key('backupKeep.daily')}
                {...form.getInputProps('backupKeep.daily')}
              />
              <NumberInput
                label={t('settings.fields.keepWeekly')}
                min={0}
                max={52}
                allowDecimal={false}
                hideControls={readOnly}
                readOnly={readOnly}
                key={form.key('backupKeep.weekly')}
                {...form.getInputProps('backupKeep.weekly')}
              />
              <NumberInput
                label={t('settings.fields.keepMonthly')}
                min={0}
                max={120}
                allowDecimal={false}
                hideControls={readOnly}
                readOnly={readOnly}
                key={form.key('backupKeep.monthly')}
                {...form.getInputProps('backupKeep.monthly')}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <ErrorAlert error={error} />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The IANA zones this browser knows, with the current one first in case it is not among them. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

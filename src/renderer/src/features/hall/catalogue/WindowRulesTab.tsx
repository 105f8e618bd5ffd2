import { useState } from 'react';
import { Button, Card, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { HallSettings } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useForm } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { useLoad } from '../../../components/use-load';

/**
 * 窗口规则: the hall's local deadlines (DOMAIN.md §9: they differ from place to place). Everyone with
 * hall.read sees the rules the counter counts with; hall.manage changes them.
 */
export function WindowRulesTab() {
  const { t } = useTranslation();
  const { data, error, loading, setData } = useLoad(() => api.call('hall.settings', {}), []);
  if (loading && !data) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack>
      <ErrorAlert error={error} />
      {data && <RulesForm rules={data} onSaved={setData} />}
    </Stack>
  );
}

/** The three numbers, the contract's limits on each field. */
const fields: { name: keyof HallSettings; min: number; max: number }[] = [
  { name: 'replyWorkingDays', min: 1, max: 60 },
  { name: 'followUpWorkingDays', min: 1, max: 30 },
  { name: 'dueSoonWorkingDays', min: 0, max: 10 },
];

function RulesForm({ rules, onSaved }: { rules: HallSettings; onSaved: (r: HallSettings) => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const readOnly = !can('hall.manage');
  const [error, setError] = useState<unknown>(null);
  // Said only once the call has succeeded; any edit after it clears it, so it never vouches for unsaved numbers.
  const [saved, setSaved] = useState(false);
  const form = useForm({ mode: 'uncontrolled', initialValues: rules, validate: (v) => schemaErrors(t, contract['hall.saveSettings'].input, v) });
  // Typing and the steppers alike (the steppers fire no input event the form's onChange would see).
  form.watch('replyWorkingDays', () => setSaved(false));
  form.watch('followUpWorkingDays', () => setSaved(false));
  form.watch('dueSoonWorkingDays', () => setSaved(false));

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      const next = await api.call('hall.saveSettings', values);
      onSaved(next);
      setSaved(true);
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Card withBorder padding="lg" maw={720}>
        <Stack>
          <Stack gap={2}>
            <Title order={3} fz="h5">
              {t('hall.rules.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('hall.rules.intro')}
            </Text>
            {readOnly && (
              <Text size="sm" c="dimmed">
                {t('hall.rules.readOnlyHint')}
              </Text>
            )}
          </Stack>
          {fields.map((f) => (
            <NumberInput
              key={form.key(f.name)}
              label={t(`hall.rules.fields.${f.name}`)}
              description={t(`hall.rules.hints.${f.name}`)}
              min={f.min}
              max={f.max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              hideControls={readOnly}
              readOnly={readOnly}
              w={{ base: '100%', sm: 460 }}
              {...form.getInputProps(f.name)}
            />
          ))}
          <ErrorAlert error={error} />
          {!readOnly && (
            <Group justify="flex-end" gap="md">
              {saved && (
                <Group gap={4} c="green.8" role="status">
                  <IconCheck size={16} aria-hidden />
                  <Text size="sm" fw={500}>
                    {t('hall.rules.saved')}
                  </Text>
                </Group>
              )}
              <Button type="submit" loading={form.submitting}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </form>
  );
}

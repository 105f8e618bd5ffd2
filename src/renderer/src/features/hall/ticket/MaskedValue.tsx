import { useState } from 'react';
import { Alert, Button, Chip, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hall } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { useForm } from '../../../components/form/use-form';

type Field = 'idNumber' | 'phone';

/**
 * The applicant's ID number or phone as the ticket stores it, masked, with 查看 for users who may act on
 * tickets: the full value comes from hall.reveal after a reason (audited), is shown once in the dialog and
 * is gone when it closes.
 */
export function MaskedValue({ ticketId, field, masked }: { ticketId: string; field: Field; masked: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [asking, setAsking] = useState(false);
  if (!masked)
    return (
      <Text size="sm" c="dimmed">
        {t('hall.detail.notGiven')}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      <Text size="sm" ff="monospace">
        {masked}
      </Text>
      {can('hall.accept') && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={14} />}
          onClick={() => setAsking(true)}
          aria-label={t('hall.reveal.buttonFor', { field: t(`hall.reveal.fields.${field}`) })}
        >
          {t('hall.reveal.button')}
        </Button>
      )}
      {asking && <RevealModal ticketId={ticketId} field={field} onClose={() => setAsking(false)} />}
    </Group>
  );
}

function RevealModal({ ticketId, field, onClose }: { ticketId: string; field: Field; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [value, setValue] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: (v) => schemaErrors(t, hall['hall.reveal'].input, { id: ticketId, field, reason: v.reason }),
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      setValue((await api.call('hall.reveal', { id: ticketId, field, reason: v.reason })).value);
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });
  const quick = [t('hall.reveal.quick.callBack'), t('hall.reveal.quick.checkIdentity'), t('hall.reveal.quick.transfer')];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('hall.reveal.title', { field: t(`hall.reveal.fields.${field}`) })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {value !== null ? (
        <Stack>
          <Alert color="red" variant="light">
            <Text ff="monospace" fw={700} fz="lg" data-testid="hall-revealed-value">
              {value}
            </Text>
          </Alert>
          <Text size="xs" c="dimmed">
            {t('hall.reveal.once')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('hall.reveal.explain')}
            </Text>
            <TextInput label={t('hall.reveal.reason')} data-autofocus key={form.key('reason')} {...form.getInputProps('reason')} />
            <Group gap={6}>
              {quick.map((r) => (
                <Chip key={r} size="xs" checked={false} onChange={() => form.setValues({ reason: r })}>
                  {r}
                </Chip>
              ))}
            </Group>
            <ErrorAlert error={error} />
            <FormFooter submitting={form.submitting} onCancel={onClose} saveLabel={t('hall.reveal.submit')} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

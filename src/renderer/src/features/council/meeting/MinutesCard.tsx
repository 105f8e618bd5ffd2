import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SignerRole } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CardProps } from './MeetingPage';
import { useAction } from './use-action';

/**
 * 会议记录: drafted while the meeting runs, signed after it closes (chair and recorder; every participant of a
 * 民主评议), then locked. A correction is a new version with its reason; the signed one stays as it was.
 */
export function MinutesCard({ view, editable, reload }: CardProps) {
  const { t } = useTranslation();
  const { meeting } = view;
  const latest = view.minutes.at(-1);
  const action = useAction(reload);
  const [text, setText] = useState(latest?.text ?? '');
  const [chair, setChair] = useState(meeting.chairName);
  const [recorder, setRecorder] = useState(meeting.recorderName);
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => setText(latest?.text ?? ''), [latest?.id, latest?.text]);

  if (!latest) {
    return (
      <Card withBorder padding="md">
        <Title order={3} fz="h5" mb="sm">
          {t('council.minutes.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('council.minutes.notYet')}
        </Text>
      </Card>
    );
  }
  const signed = latest.state === 'signed';
  const participants = view.body.kind === 'dibao_panel' ? view.roll.filter((r) => r.status === 'present').map((r) => r.name) : [];

  async function sign() {
    const signers: { role: SignerRole; name: string }[] = [
      { role: 'chair', name: chair },
      { role: 'recorder', name: recorder },
      ...participants.filter((p) => p !== chair && p !== recorder).map((name) => ({ role: 'participant' as const, name })),
    ];
    await action.run(() => api.call('council.signMinutes', { meetingId: meeting.id, signers }));
  }

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {t('council.minutes.title')}
        </Title>
        <Group gap="xs">
          {view.minutes.map((v) => (
            <Badge
              key={v.id}
              color={v.state === 'signed' ? 'dark' : 'yellow'}
              variant="light"
              leftSection={v.state === 'signed' ? <IconLock size={12} /> : undefined}
            >
              {t(v.state === 'signed' ? 'council.minutes.signedVersion' : 'council.minutes.draftVersion', { version: v.version })}
            </Badge>
          ))}
        </Group>
      </Group>
      <Stack gap="sm">
        <ErrorAlert error={action.error} onClose={action.clearError} />
        {latest.amendReason && <Text size="sm">{t('council.minutes.amendedBecause', { reason: latest.amendReason })}</Text>}
        <Textarea
          label={t('council.minutes.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          readOnly={signed || !editable}
          autosize
          minRows={6}
          data-testid="minutes-text"
        />
        {signed && (
          <Alert color="gray" icon={<IconLock size={16} />} data-testid="minutes-locked">
            {t('council.minutes.locked', {
              names: latest.signatures.map((s) => s.name).join(t('common.listSeparator')),
              at: latest.signedAt?.slice(0, 10) ?? '',
            })}
          </Alert>
        )}
        {editable && !signed && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => void action.run(() => api.call('council.saveMinutes', { meetingId: meeting.id, text }))}
              loading={action.busy}
            >
              {t('council.minutes.save')}
            </Button>
          </Group>
        )}
        {editable && !signed && meeting.state === 'closed' && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('council.minutes.signTitle')}
            </Text>
            <Group grow>
              <TextInput label={t('council.meetings.chair')} value={chair} onChange={(e) => setChair(e.currentTarget.value)} />
              <TextInput label={t('council.meetings.recorder')} value={recorder} onChange={(e) => setRecorder(e.currentTarget.value)} />
            </Group>
            {participants.length > 0 && <Text size="sm">{t('council.minutes.participants', { names: participants.join(t('common.listSeparator')) })}</Text>}
            <Text size="xs" c="dimmed">
              {t('council.minutes.signHint')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => void sign()} loading={action.busy} disabled={text !== latest.text}>
                {t('council.minutes.sign')}
              </Button>
            </Group>
          </Stack>
        )}
        {editable && signed && !amending && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAmending(true)}>
              {t('council.minutes.amend')}
            </Button>
          </Group>
        )}
        {editable && signed && amending && (
          <Stack gap="xs">
            <TextInput label={t('council.minutes.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAmending(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() =>
                  void action.run(async () => {
                    await api.call('council.amendMinutes', { meetingId: meeting.id, text: latest.text, reason });
                    setAmending(false);
                    setReason('');
                  })
                }
                loading={action.busy}
              >
                {t('council.minutes.startAmendment')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

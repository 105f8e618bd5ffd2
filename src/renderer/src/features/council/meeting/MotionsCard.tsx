import { useState } from 'react';
import { Badge, Button, Card, Divider, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { thresholds, voteMethods, type Threshold, type VoteMethod } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CardProps } from './MeetingPage';
import { VoteEntry } from './VoteEntry';
import { useAction } from './use-action';

/** 动议 and 表决: moved while the meeting is open, each with its method, threshold, recusals and result. */
export function MotionsCard({ view, editable, reload }: CardProps) {
  const { t } = useTranslation();
  const open = view.meeting.state === 'open';
  const action = useAction(reload);
  const [title, setTitle] = useState('');
  const [discussion, setDiscussion] = useState('');
  const [method, setMethod] = useState<VoteMethod>('hands');
  const [threshold, setThreshold] = useState<Threshold>(view.body.defaultThreshold);
  const [recused, setRecused] = useState<string[]>([]);
  const [recusalReason, setRecusalReason] = useState('');
  const onRoll = view.roll.filter((r) => r.memberId && r.votes);

  async function add() {
    const ok = await action.run(() =>
      api.call('council.addMotion', {
        meetingId: view.meeting.id,
        title,
        discussion,
        method,
        threshold,
        recusals: recused.map((memberId) => ({ memberId, reason: recusalReason })),
      }),
    );
    if (ok) {
      setTitle('');
      setDiscussion('');
      setRecused([]);
      setRecusalReason('');
    }
  }

  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5" mb="sm">
        {t('council.motions.title')}
      </Title>
      <Stack gap="sm">
        {open && !view.quorum.quorate && (
          <Text size="sm" c="orange">
            {t('council.motions.noQuorum')}
          </Text>
        )}
        {view.motions.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('council.motions.none')}
          </Text>
        )}
        {view.motions.map((m) => (
          <Stack key={m.id} gap={4} data-testid={`motion-${m.seq}`}>
            <Group gap="xs">
              <Text fw={600}>{`${m.seq}. ${m.title}`}</Text>
              <Badge variant="outline">{t(`council.methods.${m.method}`)}</Badge>
              <Badge variant="outline" color="gray">
                {t(`council.thresholds.${m.threshold}`)}
              </Badge>
              {m.passed !== null && <Badge color={m.passed ? 'green' : 'red'}>{t(m.passed ? 'council.motions.passed' : 'council.motions.failed')}</Badge>}
              {m.state === 'entered' && <Badge color="yellow">{t('council.motions.awaitingCheck')}</Badge>}
            </Group>
            {m.tally && <Text size="sm">{t('council.motions.tally', { ...m.tally, eligible: m.eligible })}</Text>}
            {m.discussion && (
              <Text size="sm" c="dimmed">
                {m.discussion}
              </Text>
            )}
            {m.recusals.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('council.motions.recusals', {
                  names: m.recusals.map((r) => t('council.motions.recusalEntry', { name: r.name, reason: r.reason })).join(t('common.listSeparator')),
                })}
              </Text>
            )}
            {editable && open && m.state !== 'decided' && <VoteEntry motion={m} view={view} reload={reload} />}
            <Divider />
          </Stack>
        ))}
        {view.resolutions.length > 0 && (
          <Stack gap={2}>
            <Text fw={600}>{t('council.motions.resolutions')}</Text>
            {view.resolutions.map((r) => (
              <Text key={r.id} size="sm">
                {t('council.motions.resolutionEntry', { number: r.number, text: r.text })}
              </Text>
            ))}
          </Stack>
        )}
        {editable && open && (
          <Stack gap="xs">
            <ErrorAlert error={action.error} onClose={action.clearError} />
            <TextInput label={t('council.motions.motion')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea label={t('council.motions.discussion')} value={discussion} onChange={(e) => setDiscussion(e.currentTarget.value)} autosize minRows={2} />
            <Group grow>
              <Select
                label={t('council.motions.method')}
                data={voteMethods.map((v) => ({ value: v, label: t(`council.methods.${v}`) }))}
                value={method}
                onChange={(v) => v && setMethod(v as VoteMethod)}
                allowDeselect={false}
              />
              <Select
                label={t('council.motions.threshold')}
                data={thresholds.map((v) => ({ value: v, label: t(`council.thresholds.${v}`) }))}
                value={threshold}
                onChange={(v) => v && setThreshold(v as Threshold)}
                allowDeselect={false}
              />
            </Group>
            <Group grow>
              <MultiSelect
                label={t('council.motions.recused')}
                data={onRoll.map((r) => ({ value: r.memberId!, label: r.name }))}
                value={recused}
                onChange={setRecused}
                clearable
              />
              <TextInput
                label={t('council.motions.recusalReason')}
                value={recusalReason}
                onChange={(e) => setRecusalReason(e.currentTarget.value)}
                disabled={recused.length === 0}
              />
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => void add()} loading={action.busy}>
                {t('council.motions.add')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

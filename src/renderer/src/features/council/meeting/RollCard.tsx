import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quorumNeeded, type RollStatus } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import type { CardProps } from './MeetingPage';
import { useAction } from './use-action';

interface Mark {
  memberId: string | null;
  name: string;
  role: string;
  votes: boolean;
  status: RollStatus;
  reason: string;
}

/**
 * 签到: while the meeting is prepared, each member is marked present, on leave or absent, observers (列席)
 * are added by name, and the quorum is shown live; from the opening on the roll is frozen.
 */
export function RollCard({ view, editable, reload }: CardProps) {
  const { t } = useTranslation();
  const preparing = view.meeting.state === 'draft' || view.meeting.state === 'notified';
  const members = useLoad(() => api.call('council.listMembers', { bodyId: view.body.id }), [view.body.id], { live: false });
  const [marks, setMarks] = useState<Mark[]>([]);
  const [observer, setObserver] = useState('');
  const [dirty, setDirty] = useState(false);
  const action = useAction(async () => {
    setDirty(false);
    await reload();
  });

  // Start from the roll as saved, then every member not on it yet (absent until marked).
  useEffect(() => {
    if (!members.data || dirty) return;
    const saved = new Map(view.roll.filter((r) => r.memberId).map((r) => [r.memberId!, r]));
    const fromMembers = members.data.map((m): Mark => {
      const r = saved.get(m.id);
      return { memberId: m.id, name: m.name, role: m.role, votes: m.votes, status: r?.status ?? (m.votes ? 'absent' : 'observer'), reason: r?.reason ?? '' };
    });
    const observers = view.roll
      .filter((r) => !r.memberId)
      .map((r): Mark => ({ memberId: null, name: r.name, role: r.role, votes: false, status: 'observer', reason: '' }));
    setMarks([...fromMembers, ...observers]);
  }, [members.data, view.roll, dirty]);

  const update = (i: number, patch: Partial<Mark>) => {
    setMarks(marks.map((m, j) => (j === i ? { ...m, ...patch } : m)));
    setDirty(true);
  };
  const quorum = preparing
    ? (() => {
        const present = marks.filter((m) => m.status === 'present' && m.votes).length;
        const needed = quorumNeeded(view.quorum.base, view.body.quorum);
        return { base: view.quorum.base, needed, present, quorate: present >= needed, frozen: false };
      })()
    : view.quorum;

  async function save() {
    await action.run(() =>
      api.call('council.markAttendance', {
        meetingId: view.meeting.id,
        entries: marks.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role, status: m.status, reason: m.reason })),
      }),
    );
  }

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {t('council.roll.title')}
        </Title>
        {quorum.frozen && <Badge color="gray">{t('council.roll.frozen')}</Badge>}
      </Group>
      <Alert color={quorum.quorate ? 'green' : 'orange'} variant="light" mb="sm" aria-live="polite" data-testid="quorum">
        {t(quorum.quorate ? 'council.roll.quorate' : 'council.roll.notQuorate', { ...quorum })}
      </Alert>
      <ErrorAlert error={action.error ?? members.error} onClose={action.clearError} />
      {preparing && editable ? (
        <Stack gap="xs">
          {marks.map((m, i) => (
            <Group key={m.memberId ?? `o-${m.name}`} gap="xs" wrap="nowrap">
              <Text size="sm" w={90}>
                {m.name}
              </Text>
              <Text size="xs" c="dimmed" w={70}>
                {m.votes ? m.role : t('council.roll.noVote')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-label={t('council.roll.statusOf', { name: m.name })}
                value={m.status}
                onChange={(v) => update(i, { status: v as RollStatus })}
                data={(m.memberId && m.votes ? (['present', 'leave', 'absent'] as const) : (['observer', 'absent'] as const)).map((s) => ({
                  value: s,
                  label: t(`council.rollStatus.${s}`),
                }))}
              />
              {(m.status === 'leave' || m.status === 'absent') && m.memberId && (
                <TextInput
                  size="xs"
                  placeholder={t('council.roll.reason')}
                  aria-label={t('council.roll.reasonOf', { name: m.name })}
                  value={m.reason}
                  onChange={(e) => update(i, { reason: e.currentTarget.value })}
                />
              )}
            </Group>
          ))}
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label={t('council.roll.observer')} value={observer} onChange={(e) => setObserver(e.currentTarget.value)} />
            <Button
              size="xs"
              variant="default"
              disabled={!observer.trim()}
              onClick={() => {
                setMarks([...marks, { memberId: null, name: observer.trim(), role: '', votes: false, status: 'observer', reason: '' }]);
                setObserver('');
                setDirty(true);
              }}
            >
              {t('council.roll.addObserver')}
            </Button>
          </Group>
          <Group justify="flex-end" gap="sm">
            {dirty && (
              <Text size="xs" c="orange">
                {t('council.roll.unsaved')}
              </Text>
            )}
            <Button onClick={() => void save()} loading={action.busy}>
              {t('council.roll.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Table>
          <Table.Tbody>
            {view.roll.map((r) => (
              <Table.Tr key={r.seq}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.role}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.status === 'present' ? 'green' : r.status === 'observer' ? 'blue' : 'gray'}>
                    {t(`council.rollStatus.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

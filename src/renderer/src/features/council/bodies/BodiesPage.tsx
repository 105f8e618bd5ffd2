import { useState } from 'react';
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Body, Member } from '@shared/contract/council';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useLoad } from '../../../components/use-load';
import { todayIn } from '../../../components/today';
import { BodyModal } from './BodyModal';
import { MemberModal } from './MemberModal';

/** 议事组织 and their members: who sits, with what role and term, and who votes. */
export function BodiesPage() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const bodies = useLoad(() => api.call('council.listBodies', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const body = bodies.data?.find((b) => b.id === selected) ?? bodies.data?.[0] ?? null;
  return (
    <Stack gap="md">
      <ErrorAlert error={bodies.error} />
      <Group justify="flex-end">
        {can('council.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('council.bodies.new')}
          </Button>
        )}
      </Group>
      {bodies.loading && !bodies.data && <Loader size="sm" aria-label={t('common.loading')} />}
      {bodies.data?.length === 0 && <Text c="dimmed">{t('council.bodies.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {bodies.data?.map((b) => (
          <Card
            key={b.id}
            withBorder
            padding="sm"
            onClick={() => setSelected(b.id)}
            style={{ cursor: 'pointer', outline: body?.id === b.id ? '2px solid var(--mantine-primary-color-filled)' : undefined }}
          >
            <Text fw={600}>{b.name}</Text>
            <Text size="sm" c="dimmed">
              {t(`council.kinds.${b.kind}`)}
              {b.assemblyForm ? ` · ${t(`council.forms.${b.assemblyForm}`)}` : ''}
            </Text>
            <Text size="sm">{t(b.quorum.strict ? 'council.quorum.moreThan' : 'council.quorum.atLeast', { ...b.quorum })}</Text>
            <Text size="sm">{t('council.bodies.counts', { members: b.memberCount, voting: b.votingCount })}</Text>
          </Card>
        ))}
      </SimpleGrid>
      {body && <Members body={body} onChanged={() => void bodies.reload()} />}
      {creating && <BodyModal onClose={() => setCreating(false)} onSaved={() => void bodies.reload()} />}
    </Stack>
  );
}

function Members({ body, onChanged }: { body: Body; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can, settings } = useSignedIn();
  const members = useLoad(() => api.call('council.listMembers', { bodyId: body.id }), [body.id]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [error, setError] = useState<unknown>(null);
  const drawable = body.kind === 'resident_assembly' && body.assemblyForm === 'household_reps';
  async function draw() {
    setError(null);
    try {
      await api.call('council.drawHouseholdRoll', { bodyId: body.id, termStart: todayIn(settings.timeZone) });
      await members.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  }
  const columns: Column<Member>[] = [
    { key: 'name', title: t('council.members.name'), nowrap: true, render: (m) => m.name },
    { key: 'role', title: t('council.members.role'), render: (m) => m.role },
    { key: 'term', title: t('council.members.term'), nowrap: true, render: (m) => t('council.members.termRange', { from: m.termStart, to: m.termEnd ?? '' }) },
    {
      key: 'vote',
      title: t('council.members.vote'),
      nowrap: true,
      render: (m) => (
        <Badge variant="light" color={m.votes ? 'green' : 'gray'}>
          {t(m.votes ? 'council.members.votes' : 'council.members.voiceOnly')}
        </Badge>
      ),
    },
    {
      key: 'actions',
      title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      render: (m) =>
        can('council.write') && (
          <Button size="xs" variant="subtle" onClick={() => setEditing(m)}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {t('council.bodies.membersOf', { name: body.name })}
        </Title>
        {can('council.write') && (
          <Group gap="xs">
            {drawable && (
              <Button variant="default" onClick={() => void draw()}>
                {t('council.bodies.drawHouseholds')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('council.bodies.addMember')}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <DataTable
        label={t('council.bodies.membersOf', { name: body.name })}
        columns={columns}
        rows={members.data}
        rowKey={(m) => m.id}
        loading={members.loading}
        error={members.error}
        empty={t('council.members.none')}
        total={members.data?.length}
        totalLabel={(formatted) => t('council.members.total', { formatted })}
        maxHeight={600}
      />
      {(adding || editing) && (
        <MemberModal
          body={body}
          member={editing ?? undefined}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={() => {
            void members.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

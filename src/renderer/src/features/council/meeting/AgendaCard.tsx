import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agendaCategories, agendaSources, type AgendaCategory, type AgendaSource } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import type { CardProps } from './MeetingPage';
import { useAction } from './use-action';

/** 议题, each with its 三事分流 category and where it came from; added while the meeting is being prepared. */
export function AgendaCard({ view, editable, reload }: CardProps) {
  const { t } = useTranslation();
  const preparing = view.meeting.state === 'draft' || view.meeting.state === 'notified';
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<AgendaCategory>(agendaCategories[1]); // 小事: most agenda items are the community's own
  const [source, setSource] = useState<AgendaSource>('register');
  const action = useAction(reload);
  const [issueId, setIssueId] = useState<string | null>(null);
  const issues = useLoad(() => api.call('council.listIssues', { limit: 200 }), [], { live: false });
  const openIssues = (issues.data?.rows ?? []).filter((i) => i.status === 'raised');
  function pickIssue(id: string | null) {
    setIssueId(id);
    const issue = openIssues.find((i) => i.id === id);
    if (issue) {
      setTitle(issue.title);
      setCategory(issue.category);
    }
  }
  async function add() {
    const sourceRef = source === 'register' && issueId ? issueId : '';
    if (await action.run(() => api.call('council.saveAgendaItem', { meetingId: view.meeting.id, title, category, source, sourceRef }))) {
      setTitle('');
      setIssueId(null);
      void issues.reload();
    }
  }
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5" mb="sm">
        {t('council.agenda.title')}
      </Title>
      <Stack gap="xs">
        {view.agenda.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('council.agenda.none')}
          </Text>
        )}
        {view.agenda.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap">
            <Text size="sm">{`${a.seq}.`}</Text>
            <Text size="sm" style={{ flex: 1 }}>
              {a.title}
            </Text>
            <Badge variant="light">{a.category}</Badge>
            <Text size="xs" c="dimmed">
              {t(`council.sources.${a.source}`)}
            </Text>
          </Group>
        ))}
        {editable && preparing && (
          <>
            <ErrorAlert error={action.error} onClose={action.clearError} />
            {source === 'register' && openIssues.length > 0 && (
              <Select
                label={t('council.agenda.fromRegister')}
                data={openIssues.map((i) => ({ value: i.id, label: `${i.raisedOn} ${i.title}` }))}
                value={issueId}
                onChange={pickIssue}
                clearable
                searchable
              />
            )}
            <Group align="flex-end" gap="xs">
              <TextInput label={t('council.agenda.item')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} />
              <Select
                label={t('council.agenda.category')}
                data={agendaCategories.map((c) => ({ value: c, label: t(`council.categories.${c}`) }))}
                value={category}
                onChange={(v) => v && setCategory(v as AgendaCategory)}
                allowDeselect={false}
                w={170}
              />
              <Select
                label={t('council.agenda.source')}
                data={agendaSources.map((s) => ({ value: s, label: t(`council.sources.${s}`) }))}
                value={source}
                onChange={(v) => v && setSource(v as AgendaSource)}
                allowDeselect={false}
                w={150}
              />
              <Button onClick={() => void add()} loading={action.busy}>
                {t('council.agenda.add')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

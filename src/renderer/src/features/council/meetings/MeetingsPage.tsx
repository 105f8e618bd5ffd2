import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '@shared/contract/council';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useKeysetList } from '../../../components/list/use-keyset-list';
import { stateColour } from '../labels';
import { NewMeetingModal } from './NewMeetingModal';

/** Every meeting, newest first, a page of 50 at a time. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const meetings = useKeysetList('council.meetings', (cursor) => api.call('council.listMeetings', { cursor, limit: 50 }));
  const [creating, setCreating] = useState(false);
  const columns: Column<MeetingSummary>[] = [
    { key: 'date', title: t('council.meetings.date'), nowrap: true, render: (m) => m.heldOn },
    {
      key: 'title',
      title: t('council.meetings.title'),
      render: (m) => (
        <Anchor href={hrefOf('council', 'meeting', m.id)} size="sm">
          {m.title}
        </Anchor>
      ),
    },
    { key: 'body', title: t('council.meetings.body'), render: (m) => m.bodyName },
    { key: 'place', title: t('council.meetings.place'), render: (m) => m.place },
    {
      key: 'state',
      title: t('council.meetings.state'),
      nowrap: true,
      render: (m) => (
        <Badge color={stateColour[m.state]} variant="light">
          {t(`council.states.${m.state}`)}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {can('council.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('council.meetings.new')}
          </Button>
        )}
      </Group>
      <Card withBorder padding={0}>
        <DataTable
          label={t('council.meetings.tableLabel')}
          columns={columns}
          rows={meetings.data?.rows}
          rowKey={(m) => m.id}
          loading={meetings.loading}
          error={meetings.error}
          empty={t('council.meetings.none')}
          total={meetings.total}
          pager={meetings.pager}
          minWidth={760}
        />
      </Card>
      {creating && <NewMeetingModal onClose={() => setCreating(false)} />}
    </>
  );
}

import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Loader, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { Pager } from '../../../components/list/Pager';
import { usePager } from '../../../components/list/use-pager';
import { stateColour } from '../labels';
import { NewMeetingModal } from './NewMeetingModal';

/** Every meeting, newest first. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const pager = usePager('council.meetings');
  const meetings = useLoad(() => api.call('council.listMeetings', { cursor: pager.cursor, limit: 50 }), [pager.cursor]);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {can('council.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('council.meetings.new')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={meetings.error} />
      <Card withBorder padding={0}>
        {meetings.loading && !meetings.data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : meetings.data?.rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t('council.meetings.none')}
          </Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('council.meetings.date')}</Table.Th>
                <Table.Th>{t('council.meetings.title')}</Table.Th>
                <Table.Th>{t('council.meetings.body')}</Table.Th>
                <Table.Th>{t('council.meetings.place')}</Table.Th>
                <Table.Th>{t('council.meetings.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data?.rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.heldOn}</Table.Td>
                  <Table.Td>
                    <Anchor href={hrefOf('council', 'meeting', m.id)}>{m.title}</Anchor>
                  </Table.Td>
                  <Table.Td>{m.bodyName}</Table.Td>
                  <Table.Td>{m.place}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColour[m.state]} variant="light">
                      {t(`council.states.${m.state}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        nextCursor={meetings.data?.nextCursor ?? null}
        onPrevious={pager.previous}
        onNext={pager.next}
        loading={meetings.loading}
      />
      {creating && <NewMeetingModal onClose={() => setCreating(false)} />}
    </>
  );
}

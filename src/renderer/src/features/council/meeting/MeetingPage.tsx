import { useState } from 'react';
import { Anchor, Badge, Button, Card, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '@shared/contract/council';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/use-load';
import { stateColour } from '../labels';
import { NewMeetingModal } from '../meetings/NewMeetingModal';
import { ActionItemsCard } from './ActionItemsCard';
import { AgendaCard } from './AgendaCard';
import { MinutesCard } from './MinutesCard';
import { MotionsCard } from './MotionsCard';
import { PrintCard } from './PrintCard';
import { RollCard } from './RollCard';
import { useAction } from './use-action';

export interface CardProps {
  view: MeetingView;
  editable: boolean;
  reload: () => Promise<void>;
}

/** One meeting: particulars, agenda, roll with its quorum, motions and votes, resolutions, action items, minutes. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const loaded = useLoad(() => api.call('council.getMeeting', { id }), [id]);
  const reload = async () => void (await loaded.reload());
  const action = useAction(reload);
  const [editing, setEditing] = useState(false);
  const view = loaded.data;
  if (!view) return loaded.error ? <ErrorAlert error={loaded.error} /> : <Loader size="sm" aria-label={t('common.loading')} />;
  const { meeting } = view;
  const editable = can('council.write');
  const step = (label: string, write: () => Promise<unknown>) => (
    <Button onClick={() => void action.run(write)} loading={action.busy}>
      {label}
    </Button>
  );
  return (
    <Stack gap="md" maw={1400}>
      <Anchor href={hrefOf('council')} size="sm">
        {t('council.meeting.back')}
      </Anchor>
      <PageHeader
        title={meeting.title}
        description={t('council.meeting.summary', { body: meeting.bodyName, date: meeting.heldOn, time: meeting.startTime, place: meeting.place })}
        actions={
          <>
            <Badge size="lg" color={stateColour[meeting.state]} variant="light">
              {t(`council.states.${meeting.state}`)}
            </Badge>
            {editable && (meeting.state === 'draft' || meeting.state === 'notified') && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {editable && meeting.state === 'draft' && step(t('council.meeting.notify'), () => api.call('council.notifyMeeting', { id }))}
            {editable &&
              (meeting.state === 'draft' || meeting.state === 'notified') &&
              step(t('council.meeting.open'), () => api.call('council.openMeeting', { id }))}
            {editable && meeting.state === 'open' && step(t('council.meeting.close'), () => api.call('council.closeMeeting', { id }))}
          </>
        }
      />
      <ErrorAlert error={action.error} onClose={action.clearError} />
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label={t('council.meetings.chair')} value={meeting.chairName} />
          <Fact label={t('council.meetings.recorder')} value={meeting.recorderName} />
          <Fact label={t('council.meeting.notifiedOn')} value={meeting.notifiedOn ?? ''} />
          <Fact
            label={t('council.meeting.rule')}
            value={t(view.body.quorum.strict ? 'council.quorum.moreThan' : 'council.quorum.atLeast', { ...view.body.quorum })}
          />
        </SimpleGrid>
      </Card>
      <PrintCard view={view} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AgendaCard view={view} editable={editable} reload={reload} />
        <RollCard view={view} editable={editable} reload={reload} />
      </SimpleGrid>
      <MotionsCard view={view} editable={editable} reload={reload} />
      <ActionItemsCard view={view} editable={editable} reload={reload} />
      <MinutesCard view={view} editable={editable} reload={reload} />
      {editing && <NewMeetingModal meeting={meeting} onClose={() => setEditing(false)} onSaved={() => void reload()} />}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || t('common.notSet')}</Text>
    </Stack>
  );
}

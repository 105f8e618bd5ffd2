import { Anchor, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { ticketsRouteId } from '../hrefs';
import { daysLeftColour, daysLeftLabel, kindLabel } from '../labels';
import { FactsCard } from './FactsCard';
import { MaterialsCard } from './MaterialsCard';
import { OutcomeCard } from './OutcomeCard';
import { RatingCard } from './RatingCard';
import { StatusBadge } from './StatusBadge';
import { TicketActions } from './TicketActions';
import { TimelineCard } from './TimelineCard';

/**
 * 办件详情 (#/hall-tickets/ID): every field of the ticket, its actions as its state allows (for users who
 * may act on tickets), and its history. Reloads when anyone changes a ticket (data.changed); an action's
 * answer is shown at once.
 */
export function TicketDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const view = useLoad(() => api.call('hall.getTicket', { id }), [id]);
  const ticket = view.data;
  const back = (
    <Anchor href={hrefOf(ticketsRouteId)} size="sm">
      {t('hall.detail.back')}
    </Anchor>
  );
  if (!ticket)
    return (
      <Stack gap="md">
        {back}
        {view.error ? <ErrorAlert error={view.error} /> : <Loader size="sm" aria-label={t('common.loading')} />}
      </Stack>
    );
  return (
    <Stack gap="md" maw={1400}>
      {back}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz="h3" ff="monospace">
              {ticket.number}
            </Title>
            <StatusBadge status={ticket.status} size="lg" />
            {ticket.workingDaysLeft !== null && (
              <Text size="sm" fw={600} c={daysLeftColour(ticket.workingDaysLeft)}>
                {daysLeftLabel(t, ticket.workingDaysLeft)}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[kindLabel(t, ticket.kind), ticket.serviceName, ticket.applicantName].filter(Boolean).join(t('hall.common.separator'))}
          </Text>
        </Stack>
      </Group>
      <ErrorAlert error={view.error} />
      {can('hall.accept') && <TicketActions ticket={ticket} onChanged={view.setData} />}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <FactsCard ticket={ticket} />
            <MaterialsCard ticket={ticket} />
            <OutcomeCard ticket={ticket} />
            <RatingCard ticket={ticket} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <TimelineCard events={ticket.events} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

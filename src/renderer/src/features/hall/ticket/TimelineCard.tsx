import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '@shared/contract/hall';
import { useSignedIn } from '../../../app/session-context';
import { formatDateTimeShort } from '../../../i18n/format';
import { eventLabel } from '../labels';

/** 办理过程: every event of the ticket, oldest first, as core recorded them (append-only). */
export function TimelineCard({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="sm">
        {t('hall.detail.timeline')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('hall.detail.noEvents')}
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
          {events.map((e, i) => (
            <Timeline.Item key={`${e.at}-${i}`} title={eventLabel(t, e.action)}>
              <Text size="xs" c="dimmed">
                {t('hall.detail.eventBy', { at: formatDateTimeShort(e.at, settings.timeZone), name: e.actorName })}
              </Text>
              {e.detail && (
                <Text size="sm" mt={2} style={{ wordBreak: 'break-word' }}>
                  {e.detail}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { openTicket } from '../hrefs';
import { kindLabel } from '../labels';
import { PrintButtons } from '../ticket/PrintButtons';
import { StatusBadge } from '../ticket/StatusBadge';

/**
 * What the counter shows once hall.register succeeded: the 受理编号 to tell the applicant, the status and
 * the promised date, the documents to print for them, and the way on — open the ticket, or the next one
 * (继续受理下一位, focused, so Enter starts the next applicant).
 */
export function ResultPanel({ ticket, onNext }: { ticket: TicketView; onNext: () => void }) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const notified = ticket.status === 'notified';
  return (
    <Card withBorder padding="lg" maw={880}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          {notified ? <IconInfoCircle size={28} color="var(--mantine-color-orange-6)" /> : <IconCircleCheck size={28} color="var(--mantine-color-green-6)" />}
          <Title order={3} fz="lg" role="status">
            {t(doneKey(ticket))}
          </Title>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Big label={t('hall.fields.number')} testId="hall-result-number">
            <Text ff="monospace" fw={700} fz={22}>
              {ticket.number}
            </Text>
          </Big>
          <Big label={t('hall.fields.status')}>
            <StatusBadge status={ticket.status} size="lg" />
          </Big>
          <Big label={t('hall.fields.dueOn')}>
            <Text ff="monospace" fw={700} fz={22}>
              {ticket.dueOn ?? '—'}
            </Text>
          </Big>
        </SimpleGrid>
        <Text size="sm">{[kindLabel(t, ticket.kind), ticket.serviceName, ticket.applicantName].filter(Boolean).join(t('hall.common.separator'))}</Text>
        {ticket.deficientItems.length > 0 && (
          <Alert color="orange" variant="light" title={t('hall.counter.deficientSummary', { date: ticket.supplementBy ?? '' })}>
            <List size="sm">
              {ticket.deficientItems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {ticket.missingItems.length > 0 && (
          <Alert color="orange" variant="light" title={t('hall.counter.missingSummary')}>
            <List size="sm">
              {ticket.missingItems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="space-between" align="flex-start">
          <PrintButtons ticket={ticket} />
          <Group gap="xs">
            <Button variant="default" rightSection={<IconArrowRight size={14} />} onClick={() => openTicket(ticket.id)}>
              {t('hall.counter.openTicket')}
            </Button>
            <Button ref={next} onClick={onNext}>
              {t('hall.counter.next')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

/** The headline: told what is missing, answered on the spot, accepted with items pending, or accepted. */
function doneKey(ticket: TicketView) {
  if (ticket.status === 'notified') return 'hall.counter.doneNotified' as const;
  if (ticket.status === 'completed') return 'hall.counter.doneAnswered' as const;
  return ticket.deficientItems.length > 0 ? ('hall.counter.doneDeficient' as const) : ('hall.counter.doneAccepted' as const);
}

function Big({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

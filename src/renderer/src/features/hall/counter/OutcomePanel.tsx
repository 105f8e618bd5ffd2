import type { ReactNode } from 'react';
import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueDate, HallService, RegisterOutcome, TicketKind } from '@shared/contract/hall';
import { outcomeLabel, timeLimitLabel } from '../labels';
import type { OutcomeChoice } from './outcomes';

const outcomeColour: Record<RegisterOutcome, string> = { accept: 'blue', accept_deficient: 'orange', notify: 'orange', answer: 'teal' };

/**
 * The right-hand column of the counter: what the applicant is promised (承办部门, 办结时限, 承诺办结日期)
 * and the outcome buttons, each enabled only when the materials allow it, with the server's refusal
 * under them in the user's language.
 */
export function OutcomePanel({
  kind,
  service,
  due,
  choices,
  busy,
  error,
  onChoose,
}: {
  kind: TicketKind;
  service: HallService | null;
  due: DueDate | null;
  choices: OutcomeChoice[];
  busy: RegisterOutcome | null;
  error: string | null;
  onChoose: (outcome: RegisterOutcome) => void;
}) {
  const { t } = useTranslation();
  const blockedHint = (c: OutcomeChoice) =>
    c.blockedBy === 'no_service'
      ? t('hall.counter.blocked.noService')
      : c.blockedBy === 'materials_missing'
        ? t('hall.counter.blocked.materialsMissing')
        : c.blockedBy === 'nothing_missing'
          ? t('hall.counter.blocked.nothingMissing')
          : null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t('hall.counter.promise')}
        </Title>
        <Fact label={t('hall.fields.department')} value={service?.department} />
        <Fact label={t('hall.fields.timeLimit')} value={service && kind !== 'enquiry' ? timeLimitLabel(t, service.timeLimitDays) : undefined} />
        <Fact
          label={t('hall.fields.dueOn')}
          value={
            kind === 'enquiry' ? (
              t('hall.counter.answeredOnSpot')
            ) : !service ? undefined : due ? (
              <Text span fw={700} fz="lg" ff="monospace" data-testid="hall-due-on">
                {due.dueOn}
              </Text>
            ) : (
              <Loader size={14} />
            )
          }
        />
        {due && !due.calendarKnown && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="xs">{t('hall.counter.calendarUnknown')}</Text>
          </Alert>
        )}
        {service?.fee && <Fact label={t('hall.fields.fee')} value={service.fee} />}
        <Divider />
        <Stack gap="xs">
          {choices.map((c) => {
            const hint = blockedHint(c);
            const button = (
              <Button
                key={c.outcome}
                fullWidth
                color={outcomeColour[c.outcome]}
                variant={c.outcome === 'accept' || c.outcome === 'answer' ? 'filled' : 'light'}
                disabled={!c.enabled || (busy !== null && busy !== c.outcome)}
                loading={busy === c.outcome}
                onClick={() => onChoose(c.outcome)}
              >
                {kind === 'enquiry' && c.outcome === 'accept' ? t('hall.counter.acceptEnquiry') : outcomeLabel(t, c.outcome)}
              </Button>
            );
            return hint && !c.enabled ? (
              <Tooltip key={c.outcome} label={hint} multiline w={240} withArrow>
                <div>{button}</div>
              </Tooltip>
            ) : (
              button
            );
          })}
        </Stack>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('hall.counter.keys')}
        </Text>
      </Stack>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="baseline">
      <Text size="sm" c="dimmed" className="linli-nowrap">
        {label}
      </Text>
      <Text size="sm" ta="right" component="div">
        {value ?? '—'}
      </Text>
    </Group>
  );
}

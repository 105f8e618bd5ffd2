import { Card, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { Field } from './Field';

/** 办理情况: where it was transferred, the result it was closed with, or why it was refused and the remedies. */
export function OutcomeCard({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const transferred = ticket.transferredTo !== '';
  const refused = ticket.status === 'refused';
  if (!transferred && !ticket.result && !refused) return null;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="sm">
        {t('hall.detail.outcome')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {transferred && (
          <>
            <Field label={t('hall.fields.transferredTo')}>{ticket.transferredTo}</Field>
            <Field label={t('hall.fields.transferredOn')}>{ticket.transferredOn ?? ''}</Field>
          </>
        )}
        {ticket.result && (
          <Field label={t('hall.fields.result')} span>
            {ticket.result}
          </Field>
        )}
        {refused && (
          <>
            <Field label={t('hall.fields.refusedReason')} span>
              {ticket.refusedReason}
            </Field>
            <Field label={t('hall.fields.remedies')} span>
              {ticket.remedies}
            </Field>
          </>
        )}
      </SimpleGrid>
    </Card>
  );
}

import { Anchor, Card, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { useSignedIn } from '../../../app/session-context';
import { formatDateTimeShort } from '../../../i18n/format';
import { residentHref } from '../../residents';
import { kindLabel } from '../labels';
import { Field } from './Field';
import { MaskedValue } from './MaskedValue';

/** 登记信息: who applied (ID and phone masked, 查看 with a reason), for what, when, and who owns it (首问负责制). */
export function FactsCard({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const { can, settings } = useSignedIn();
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="sm">
        {t('hall.detail.facts')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <Field label={t('hall.fields.applicant')}>
          {ticket.residentId && can('residents.read') ? (
            <Anchor href={residentHref(ticket.residentId)} size="sm">
              {ticket.applicantName}
            </Anchor>
          ) : (
            ticket.applicantName
          )}
        </Field>
        <Field label={t('hall.fields.idNumber')}>
          <MaskedValue ticketId={ticket.id} field="idNumber" masked={ticket.applicantIdMasked} />
        </Field>
        <Field label={t('hall.fields.phone')}>
          <MaskedValue ticketId={ticket.id} field="phone" masked={ticket.applicantPhoneMasked} />
        </Field>
        <Field label={t('hall.fields.kind')}>{kindLabel(t, ticket.kind)}</Field>
        <Field label={t('hall.fields.service')}>{ticket.serviceName ? `${ticket.serviceCode} ${ticket.serviceName}` : ''}</Field>
        <Field label={t('hall.fields.department')}>{ticket.department}</Field>
        <Field label={t('hall.fields.registeredAt')}>{formatDateTimeShort(ticket.registeredAt, settings.timeZone)}</Field>
        <Field label={t('hall.fields.acceptedOn')}>{ticket.acceptedOn ?? ''}</Field>
        <Field label={t('hall.fields.dueOn')}>{ticket.dueOn ?? ''}</Field>
        <Field label={t('hall.fields.firstOfficer')}>{ticket.firstOfficerName}</Field>
        <Field label={t('hall.fields.handler')}>{ticket.handlerName}</Field>
        <Field label={t('hall.fields.completedOn')}>{ticket.completedOn ?? ''}</Field>
        <Field label={t('hall.fields.summary')} span>
          {ticket.summary}
        </Field>
      </SimpleGrid>
    </Card>
  );
}

import { Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '@shared/contract/hall';
import { api } from '../../../api/client';
import type { SearchProvider } from '../../../app/navigation';
import { openTicket } from '../hrefs';
import { kindLabel, statusLabel } from '../labels';
import { StatusBadge } from '../ticket/StatusBadge';
import { spotlightTicketQuery } from './spotlight-query';

/** How many tickets one search lists: a number finds one per year, a name's start the newest few. */
const LIMIT = 8;

/** A complaint or an enquiry has no service: its kind (投诉, 咨询) says what it is instead. */
function serviceOf(t: TFunction, row: TicketRow): string {
  return row.serviceName || kindLabel(t, row.kind);
}

/** The words a screen reader announces: number, service, applicant, status. */
function ticketLabel(t: TFunction, row: TicketRow): string {
  return [row.number, serviceOf(t, row), row.applicantName, statusLabel(t, row.status)].join(' ');
}

/** One hit: 受理编号, service, applicant, and the status badge at the right. */
function TicketHitRow({ row }: { row: TicketRow }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
      <Group gap={8} wrap="nowrap" miw={0}>
        <Text fw={600} ff="monospace" className="linli-nowrap">
          {row.number}
        </Text>
        <Text size="sm" truncate="end">
          {serviceOf(t, row)}
        </Text>
        <Text size="sm" c="dimmed" className="linli-nowrap">
          {row.applicantName}
        </Text>
      </Group>
      <StatusBadge status={row.status} size="sm" />
    </Group>
  );
}

/**
 * Ctrl+K at the service counter: a ticket by its 受理编号 (whole, or with at least three digits after the
 * year), its digits as on a receipt (123), a scanned receipt's QR payload, or the applicant's name from its
 * start. Other text is not sent (see spotlightTicketQuery). A hit opens the ticket's page.
 */
export const ticketSearchProvider: SearchProvider = {
  id: 'hall-tickets',
  permission: 'hall.read',
  label: (t) => t('hall.search.group'),
  hint: (t) => t('hall.search.hint'),
  async search(text, t) {
    const query = spotlightTicketQuery(text);
    if (query === null) return [];
    const page = await api.call('hall.listTickets', { query, limit: LIMIT });
    return page.rows.map((row) => ({
      key: `ticket:${row.id}`,
      label: ticketLabel(t, row),
      content: <TicketHitRow row={row} />,
      open: () => openTicket(row.id),
    }));
  },
};

import { Card, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable } from '../../../components/list/DataTable';
import { useKeysetList } from '../../../components/list/use-keyset-list';
import { useLoad } from '../../../components/use-load';
import { useSessionState } from '../../../components/use-session-state';
import { openTicket } from '../hrefs';
import { TicketDetail } from '../ticket/TicketDetail';
import { TicketFilters, noFilters, type TicketFilterValues } from './TicketFilters';
import { ticketColumns } from './ticket-columns';
import { ticketQuery } from './ticket-query';

/**
 * 办件: #/hall-tickets lists every ticket, newest first, 50 to a page, filtered on the server;
 * #/hall-tickets/ID shows one (ticketHref). The filters are kept for the visit, so coming back from a
 * ticket finds the same list.
 */
export function TicketsScreen({ rest }: { rest: string[] }) {
  const [id] = rest;
  if (id) return <TicketDetail id={id} />;
  return <TicketsList />;
}

function TicketsList() {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const [filters, setFilters] = useSessionState<TicketFilterValues>('hall.tickets.filters', noFilters);
  const [search] = useDebouncedValue(ticketQuery(filters.search), 200);
  const services = useLoad(() => api.call('hall.listServices', { includeArchived: true, query: '' }), []);
  const input = { status: filters.status, kind: filters.kind, serviceId: filters.serviceId, from: filters.from, to: filters.to, query: search };
  // A date still being typed is not sent: the list waits for a whole date.
  const datesReady = [filters.from, filters.to].every((d) => d === null || /^\d{4}-\d{2}-\d{2}$/.test(d));
  const scope = JSON.stringify(datesReady ? input : { ...input, from: null, to: null });
  const filtered = Object.values(input).some((v) => v !== null && v !== '');
  const list = useKeysetList(`hall.tickets:${scope}`, (cursor) => api.call('hall.listTickets', { ...(JSON.parse(scope) as typeof input), cursor, limit: 50 }));
  return (
    <Stack gap="md" maw={1500}>
      <PageHeader title={t('hall.tickets.title')} description={t('hall.tickets.intro')} />
      <TicketFilters value={filters} onChange={setFilters} services={services.data ?? []} />
      <Card withBorder padding={0}>
        <DataTable
          label={t('hall.tickets.tableLabel')}
          columns={ticketColumns(t, settings.timeZone)}
          rows={list.data?.rows}
          rowKey={(r) => r.id}
          loading={list.loading}
          error={list.error}
          empty={filtered ? t('hall.tickets.noneMatching') : t('hall.tickets.none')}
          total={list.total}
          pager={list.pager}
          onRowClick={(r) => openTicket(r.id)}
          rowTestId={(r) => `ticket-${r.number}`}
          minWidth={1100}
        />
      </Card>
    </Stack>
  );
}

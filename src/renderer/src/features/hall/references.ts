import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';

/**
 * Services as other screens pick them (the report centre's hall.service parameter, the 办事指南): every
 * service, stopped ones too (a guide may be reprinted for the record), labelled with code and name.
 */
export function useServiceOptions() {
  const { t } = useTranslation();
  const list = useLoad(() => api.call('hall.listServices', { includeArchived: true }), []);
  return {
    data: (list.data ?? []).map((s) => ({ value: s.id, label: s.archived ? `${s.code} ${s.name}（${t('hall.catalogue.archived')}）` : `${s.code} ${s.name}` })),
    loading: list.loading,
    error: list.error,
  };
}

/** Tickets for the report centre's hall.ticket parameter: the newest 200, by number, service and applicant. */
export function useTicketOptions() {
  const list = useLoad(() => api.call('hall.listTickets', { limit: 200 }), []);
  return {
    data: (list.data?.rows ?? []).map((t) => ({ value: t.id, label: `${t.number} ${t.serviceName || '—'}（${t.applicantName}）` })),
    loading: list.loading,
    error: list.error,
  };
}

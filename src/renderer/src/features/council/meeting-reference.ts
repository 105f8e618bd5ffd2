import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';

/**
 * Meetings as other screens pick them (the report centre's council.meeting parameter): the newest 200,
 * each labelled with its date, title and body, so that typing any of those finds it.
 */
export function useMeetingOptions() {
  const list = useLoad(() => api.call('council.listMeetings', { limit: 200 }), []);
  return {
    data: (list.data?.rows ?? []).map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}（${m.bodyName}）` })),
    loading: list.loading,
    error: list.error,
  };
}

import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';

/** Funds and donors for the pickers of the charity forms. */
export function useFundsAndDonors() {
  const funds = useLoad(() => api.call('charity.listFunds', {}), []);
  const donors = useLoad(() => api.call('charity.listDonors', { limit: 200 }), []);
  return {
    fundOptions: (funds.data ?? []).filter((f) => !f.archived).map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` })),
    donorOptions: (donors.data?.rows ?? []).map((d) => ({ value: d.id, label: d.name })),
    funds: funds.data ?? [],
    /** Each donor's wish for how to be named and whether they consented (the batch line's default). */
    donors: donors.data?.rows ?? [],
  };
}

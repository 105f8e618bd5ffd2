import type { TFunction } from 'i18next';
import type { SearchHit } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import type { SearchProvider } from '../../../app/navigation';
import { residentsScreen } from '../common/hrefs';
import { SearchHitRow } from './SearchHitRow';

/** The words a screen reader announces for a hit (the row itself is drawn for the eye). */
export function hitLabel(t: TFunction, hit: SearchHit): string {
  if (hit.type === 'resident') return `${hit.name} ${hit.idMasked} ${hit.address}`;
  return `${t('residents.household.title', { number: hit.number })} ${hit.headName ?? t('residents.household.noHead')} ${hit.address}`;
}

/**
 * Ctrl+K in the registry: a resident by name, pinyin or initials (zs → 张三), ID number or its last digits,
 * phone's last four, or an address; or a household by its 户号.
 */
export const residentSearchProvider: SearchProvider = {
  id: 'residents',
  permission: 'residents.read',
  label: (t) => t('residents.search.group'),
  hint: (t) => t('residents.search.hint'),
  async search(q, t) {
    const hits = await api.call('residents.search', { q, limit: 20 });
    return hits.map((hit) => ({
      key: `${hit.type}:${hit.id}`,
      label: hitLabel(t, hit),
      content: <SearchHitRow hit={hit} />,
      open: () => (hit.type === 'resident' ? navigate(residentsScreen, hit.id) : navigate(residentsScreen, 'household', hit.id)),
    }));
  },
};

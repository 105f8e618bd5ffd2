import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Donor } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import type { SearchProvider } from '../../app/navigation';
import { yuan } from './money';

/** The words a screen reader announces for a hit: name, kind, masked contact, what the donor has given. */
function donorLabel(t: TFunction, d: Donor): string {
  return [d.name, t(`charity.donorKinds.${d.kind}`), d.contactMasked, t('charity.search.given', { amount: yuan(d.totalFen) })].filter(Boolean).join(' ');
}

/**
 * Ctrl+K in the charity ledger: a donor by the start of the name (the donors list's indexed prefix search);
 * the hit opens the donors tab filtered to that name. Contacts show masked, as on the donors tab.
 */
export const donorSearchProvider: SearchProvider = {
  id: 'charity-donors',
  permission: 'charity.read',
  label: (t) => t('charity.search.group'),
  hint: (t) => t('charity.search.hint'),
  async search(q, t) {
    const query = q.trim();
    if (!query) return [];
    const page = await api.call('charity.listDonors', { query, limit: 10 });
    return page.rows.map((d) => ({
      key: `donor:${d.id}`,
      label: donorLabel(t, d),
      content: (
        <Group gap="xs" wrap="nowrap">
          <Text fw={600}>{d.name}</Text>
          <Badge variant="light">{t(`charity.donorKinds.${d.kind}`)}</Badge>
          {d.contactMasked && (
            <Text size="sm" c="dimmed" className="linli-mono">
              {d.contactMasked}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('charity.search.given', { amount: yuan(d.totalFen) })}
          </Text>
        </Group>
      ),
      open: () => navigate('charity', 'donors', d.name),
    }));
  },
};

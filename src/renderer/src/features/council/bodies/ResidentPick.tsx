import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentHit } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';

/**
 * A member who lives here links to the resident: found with the registry's own search (name, pinyin,
 * initials), shown masked as the search returns them. Hidden without residents.read.
 */
export function ResidentPick({ onPick }: { onPick: (r: { id: string; name: string } | null) => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<ResidentHit[]>([]);
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    if (q.trim().length < 1) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .call('residents.search', { q: q.trim(), limit: 10, includeArchived: false })
        .then((found) => live && setHits(found.filter((h): h is ResidentHit => h.type === 'resident')))
        .catch(() => live && setHits([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  if (!can('residents.read')) return null;
  return (
    <Select
      label={t('council.members.resident')}
      placeholder={t('council.members.residentHint')}
      searchable
      clearable
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options }) => options}
      data={hits.map((h) => ({ value: h.id, label: t('council.members.residentOption', { name: h.name, address: h.address }) }))}
      value={value}
      onChange={(id) => {
        setValue(id);
        const hit = hits.find((h) => h.id === id);
        onPick(hit ? { id: hit.id, name: hit.name } : null);
      }}
      nothingFoundMessage={q.trim() ? t('council.members.noResident') : undefined}
    />
  );
}

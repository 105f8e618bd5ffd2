import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';

/**
 * Picks the council's resolution an aid review cites: each shown as number · meeting date · title, found by
 * typing any part of them. The council's list comes through the charity contract (charity.citableResolutions),
 * so a clerk who reviews applications needs no access to the council's other records.
 */
export function ResolutionPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string | null }) {
  const { t } = useTranslation();
  const list = useLoad(() => api.call('charity.citableResolutions', {}), []);
  const data = (list.data ?? []).map((r) => ({ value: r.id, label: `${r.number} · ${r.heldOn} · ${r.title}` }));
  return (
    <Select
      label={t('charity.aid.resolution')}
      description={t('charity.aid.resolutionHint')}
      placeholder={list.data?.length === 0 ? t('charity.aid.noResolutions') : t('charity.aid.resolutionSearch')}
      data={data}
      value={value}
      onChange={onChange}
      // Typing into a list that is still loading would be lost when it arrives: wait for it.
      disabled={list.loading && !list.data}
      searchable
      clearable
      nothingFoundMessage={t('charity.aid.resolutionNotFound')}
      error={error ?? (list.error ? t('charity.aid.resolutionsFailed') : null)}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}

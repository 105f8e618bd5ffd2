import { forwardRef, useEffect, useState } from 'react';
import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { HallService } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { translateError } from '../../../i18n/errors';
import { timeLimitLabel } from '../labels';

const optionLabel = (s: HallService) => `${s.code} ${s.name}`;

interface ServiceSelectProps {
  value: HallService | null;
  onChange: (service: HallService | null) => void;
  label: string;
  required?: boolean;
  error?: string;
}

/**
 * 事项: the catalogue's services found the way the clerk types them — code (SB-01), name, or the name's
 * pinyin initials (ylbx → 养老保险) — by hall.listServices, which matches on the server. Each option shows
 * the service's time limit and the department that decides, so the clerk can tell the applicant at once.
 */
export const ServiceSelect = forwardRef<HTMLInputElement, ServiceSelectProps>(function ServiceSelect({ value, onChange, label, required, error }, ref) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 120);
  const [services, setServices] = useState<HallService[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    // The box shows the chosen service's label: that is not a new search.
    const q = value && query === optionLabel(value) ? '' : query;
    let live = true;
    setLoading(true);
    api
      .call('hall.listServices', { query: q, includeArchived: false })
      .then((found) => {
        if (!live) return;
        setServices(found);
        setFailed(null);
      })
      .catch((err) => live && setFailed(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, value]);

  const data = value && !services.some((s) => s.id === value.id) ? [value, ...services] : services;
  const byId = new Map(data.map((s) => [s.id, s]));

  return (
    <Select
      ref={ref}
      label={label}
      required={required}
      placeholder={t('hall.counter.servicePlaceholder')}
      data={data.map((s) => ({ value: s.id, label: optionLabel(s) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has matched by code, name and pinyin initials: show its answer as it is.
      filter={({ options }) => options}
      clearable
      selectFirstOptionOnChange
      maxDropdownHeight={360}
      nothingFoundMessage={loading ? undefined : query ? t('hall.counter.noService', { q: query }) : t('hall.counter.noServices')}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={error ?? (failed ? translateError(t, failed) : undefined)}
      renderOption={({ option }) => {
        const s = byId.get(option.value);
        if (!s) return option.label;
        return (
          <Stack gap={0} w="100%">
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" fw={600} truncate="end">
                <Text span ff="monospace" c="dimmed" mr={6}>
                  {s.code}
                </Text>
                {s.name}
              </Text>
              <Text size="xs" c={s.timeLimitDays === 0 ? 'teal' : 'dimmed'} className="linli-nowrap">
                {timeLimitLabel(t, s.timeLimitDays)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" truncate="end">
              {s.department}
            </Text>
          </Stack>
        );
      }}
    />
  );
});

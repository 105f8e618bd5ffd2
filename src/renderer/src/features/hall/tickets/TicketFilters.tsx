import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ticketKinds, ticketStatuses, type HallService, type TicketKind } from '@shared/contract/hall';
import { DateField } from '../../../components/DateField';
import { kindLabel, statusFilterLabel, type StatusFilter } from '../labels';

export interface TicketFilterValues {
  status: StatusFilter | null;
  kind: TicketKind | null;
  serviceId: string | null;
  from: string | null;
  to: string | null;
  /** As typed (or scanned); the list reads the number out of it. */
  search: string;
}

export const noFilters: TicketFilterValues = { status: null, kind: null, serviceId: null, from: null, to: null, search: '' };

const statusOptions: StatusFilter[] = ['open', 'overdue', ...ticketStatuses];

/** The tickets list's filters: 状态, 类别, 事项, 登记日期 from/to, and 受理编号 or 申请人 in one box. */
export function TicketFilters({
  value,
  onChange,
  services,
}: {
  value: TicketFilterValues;
  onChange: (next: TicketFilterValues) => void;
  services: HallService[];
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<TicketFilterValues>) => onChange({ ...value, ...patch });
  const dirty = JSON.stringify(value) !== JSON.stringify(noFilters);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('hall.tickets.search')}
        placeholder={t('hall.tickets.searchHint')}
        leftSection={<IconSearch size={16} />}
        value={value.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        w={220}
        data-autofocus
        autoComplete="off"
      />
      <Select
        label={t('hall.fields.status')}
        placeholder={t('hall.tickets.all')}
        data={statusOptions.map((s) => ({ value: s, label: statusFilterLabel(t, s) }))}
        value={value.status}
        onChange={(s) => set({ status: s as StatusFilter | null })}
        clearable
        w={130}
      />
      <Select
        label={t('hall.fields.kind')}
        placeholder={t('hall.tickets.all')}
        data={ticketKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        value={value.kind}
        onChange={(k) => set({ kind: k as TicketKind | null })}
        clearable
        w={96}
      />
      <Select
        label={t('hall.fields.service')}
        placeholder={t('hall.tickets.all')}
        data={services.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        value={value.serviceId}
        onChange={(id) => set({ serviceId: id })}
        searchable
        clearable
        w={190}
        nothingFoundMessage={t('hall.tickets.noService')}
      />
      <DateField label={t('hall.tickets.from')} value={value.from} onChange={(d) => set({ from: d })} w={136} />
      <DateField label={t('hall.tickets.to')} value={value.to} onChange={(d) => set({ to: d })} w={136} />
      {dirty && (
        <Button variant="subtle" onClick={() => onChange(noFilters)}>
          {t('hall.tickets.clear')}
        </Button>
      )}
    </Group>
  );
}

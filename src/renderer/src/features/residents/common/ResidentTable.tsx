import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { DataTable, type Column, type KeysetPager, type TableSort } from '../../../components/list/DataTable';
import { TagBadges } from './TagBadges';
import { StatusBadge } from './StatusBadge';
import { genderLabel } from './labels';
import { residentHref, residentsScreen } from './hrefs';

/** A column a screen puts before the resident's own (a reminder's date, the age someone turns). */
export interface LeadColumn<R> {
  label: string;
  render: (row: R) => ReactNode;
}

function residentColumns<R extends ResidentRow>(t: TFunction, lead: LeadColumn<R>[]): Column<R>[] {
  return [
    ...lead.map((c): Column<R> => ({ key: `lead:${c.label}`, title: c.label, render: c.render, nowrap: true })),
    {
      key: 'name',
      title: t('residents.fields.name'),
      sort: 'name',
      nowrap: true,
      render: (r) => (
        <Anchor href={residentHref(r.id)} fw={600} size="sm" onClick={(e) => e.stopPropagation()} c={r.archived ? 'dimmed' : undefined}>
          {r.name}
        </Anchor>
      ),
    },
    { key: 'gender', title: t('residents.fields.gender'), nowrap: true, render: (r) => genderLabel(t, r.gender) },
    {
      key: 'age',
      title: t('residents.fields.age'),
      sort: 'birthDate',
      sortTitle: t('residents.list.sortByBirth'),
      numeric: true,
      render: (r) => r.age ?? '—',
    },
    { key: 'id', title: t('residents.fields.idNumber'), nowrap: true, mono: true, render: (r) => r.idMasked || '—' },
    { key: 'phone', title: t('residents.fields.phone'), nowrap: true, mono: true, render: (r) => r.phoneMasked || '—' },
    { key: 'status', title: t('residents.fields.status'), render: (r) => <StatusBadge row={r} /> },
    {
      key: 'address',
      title: t('residents.fields.address'),
      maw: 240,
      render: (r) => (
        <Text size="sm" lineClamp={2}>
          {r.address || '—'}
        </Text>
      ),
    },
    { key: 'grid', title: t('residents.fields.grid'), nowrap: true, render: (r) => r.gridName ?? '—' },
    { key: 'tags', title: t('residents.fields.tags'), render: (r) => <TagBadges tags={r.tags} size="xs" /> },
  ];
}

/**
 * One page of residents, for the register and the reminder lists alike, on the shared DataTable. The
 * name is a link (Tab, Enter); the whole row is clickable for the mouse. ID numbers and phones arrive
 * masked from main; nothing here could show more. With `sort`, the name and age headers sort (by birth
 * date) on the server.
 */
export function ResidentTable<R extends ResidentRow>({
  rows,
  label,
  lead = [],
  ...list
}: {
  rows: R[] | null | undefined;
  label: string;
  lead?: LeadColumn<R>[];
  loading?: boolean;
  error?: unknown;
  empty: ReactNode;
  total?: number | null;
  totalLabel?: (formatted: string, count: number) => string;
  sort?: TableSort;
  onSort?: (next: TableSort) => void;
  pager?: KeysetPager;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      {...list}
      label={label}
      rows={rows}
      columns={residentColumns(t, lead)}
      rowKey={(r) => r.id}
      onRowClick={(r) => navigate(residentsScreen, r.id)}
      rowColor={(r) => (r.archived ? { c: 'dimmed' } : undefined)}
      minWidth={1040 + 140 * lead.length}
    />
  );
}

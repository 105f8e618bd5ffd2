import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DueHousehold } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { DataTable, type Column, type KeysetPager } from '../../../components/list/DataTable';
import { householdHref, residentsScreen } from '../common/hrefs';

function dueColumns(t: TFunction): Column<DueHousehold>[] {
  const overdue = (r: DueHousehold) => r.daysOverdue > 0;
  return [
    {
      key: 'number',
      title: t('residents.household.number'),
      nowrap: true,
      render: (r) => (
        <Anchor href={householdHref(r.householdId)} size="sm" fw={600} onClick={(e) => e.stopPropagation()} c={overdue(r) ? 'red.8' : undefined}>
          {r.number}
        </Anchor>
      ),
    },
    { key: 'address', title: t('residents.fields.address'), render: (r) => r.address || '—' },
    { key: 'head', title: t('residents.household.head'), render: (r) => r.headName ?? '—' },
    { key: 'grid', title: t('residents.fields.grid'), nowrap: true, render: (r) => r.gridName ?? '—' },
    { key: 'worker', title: t('residents.visits.worker'), nowrap: true, render: (r) => r.workerName ?? '—' },
    { key: 'last', title: t('residents.visits.last'), nowrap: true, render: (r) => r.lastVisitOn ?? t('residents.visits.never') },
    {
      key: 'next',
      title: t('residents.visits.next'),
      nowrap: true,
      render: (r) => (
        <Text size="sm" fw={overdue(r) ? 700 : undefined} c={overdue(r) ? 'red.8' : undefined}>
          {r.nextVisitDue}
        </Text>
      ),
    },
    {
      key: 'state',
      title: t('residents.visits.state'),
      nowrap: true,
      render: (r) =>
        overdue(r) ? (
          <Badge color="red" variant="filled">
            {t('residents.visits.overdueDays', { count: r.daysOverdue })}
          </Badge>
        ) : r.daysOverdue === 0 ? (
          <Badge color="yellow" variant="light">
            {t('residents.visits.dueToday')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('residents.visits.dueInDays', { count: -r.daysOverdue })}
          </Badge>
        ),
    },
  ];
}

/** Due and overdue households; overdue rows in red with how many days, each row opens the household. */
interface DueTableProps {
  rows: DueHousehold[] | undefined;
  total: number | undefined;
  loading: boolean;
  error: unknown;
  pager: KeysetPager;
}

export function DueTable({ rows, total, loading, error, pager }: DueTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('residents.visits.dueLabel')}
      columns={dueColumns(t)}
      rows={rows}
      rowKey={(r) => r.householdId}
      loading={loading}
      error={error}
      empty={t('residents.visits.nothingDue')}
      total={total}
      totalLabel={(formatted, count) => t('residents.visits.total', { count, formatted })}
      pager={pager}
      onRowClick={(r) => navigate(residentsScreen, 'household', r.householdId)}
      rowColor={(r) => (r.daysOverdue > 0 ? { bg: 'red.0' } : undefined)}
      striped={false}
      minWidth={900}
    />
  );
}

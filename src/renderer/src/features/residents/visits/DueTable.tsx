import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueHousehold } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { householdHref, residentsScreen } from '../common/hrefs';

/** Due and overdue households; overdue rows in red with how many days, each row opens the household. */
export function DueTable({ rows }: { rows: DueHousehold[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label={t('residents.visits.dueLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.household.number')}</Table.Th>
            <Table.Th>{t('residents.fields.address')}</Table.Th>
            <Table.Th>{t('residents.household.head')}</Table.Th>
            <Table.Th>{t('residents.fields.grid')}</Table.Th>
            <Table.Th>{t('residents.visits.worker')}</Table.Th>
            <Table.Th>{t('residents.visits.last')}</Table.Th>
            <Table.Th>{t('residents.visits.next')}</Table.Th>
            <Table.Th>{t('residents.visits.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const overdue = r.daysOverdue > 0;
            return (
              <Table.Tr key={r.householdId} onClick={() => navigate(residentsScreen, 'household', r.householdId)} style={{ cursor: 'pointer' }} bg={overdue ? 'red.0' : undefined}>
                <Table.Td className="linli-nowrap">
                  <Anchor href={householdHref(r.householdId)} size="sm" fw={600} onClick={(e) => e.stopPropagation()} c={overdue ? 'red.8' : undefined}>
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.address || '—'}</Table.Td>
                <Table.Td>{r.headName ?? '—'}</Table.Td>
                <Table.Td className="linli-nowrap">{r.gridName ?? '—'}</Table.Td>
                <Table.Td className="linli-nowrap">{r.workerName ?? '—'}</Table.Td>
                <Table.Td className="linli-nowrap">{r.lastVisitOn ?? t('residents.visits.never')}</Table.Td>
                <Table.Td className="linli-nowrap">
                  <Text size="sm" fw={overdue ? 700 : undefined} c={overdue ? 'red.8' : undefined}>
                    {r.nextVisitDue}
                  </Text>
                </Table.Td>
                <Table.Td className="linli-nowrap">
                  {overdue ? (
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
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, Badge, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '@shared/contract/hall';
import type { Column } from '../../../components/list/DataTable';
import { formatDateTimeShort } from '../../../i18n/format';
import { ticketHref } from '../hrefs';
import { daysLeftColour, daysLeftLabel, kindLabel } from '../labels';
import { RatingStars } from '../ticket/RatingStars';
import { StatusBadge } from '../ticket/StatusBadge';

/** 承诺办结日期 with how far it is: 剩余 N 个工作日 / 今日到期 / 逾期 N 个工作日, or the day it was done. */
export function DueCell({ row }: { row: TicketRow }) {
  const { t } = useTranslation();
  if (!row.dueOn) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" ff="monospace">
        {row.dueOn}
      </Text>
      {row.workingDaysLeft !== null ? (
        <Text size="xs" c={daysLeftColour(row.workingDaysLeft)} fw={row.overdue ? 700 : undefined} className="linli-nowrap">
          {daysLeftLabel(t, row.workingDaysLeft)}
        </Text>
      ) : (
        row.completedOn && (
          <Text size="xs" c="dimmed" className="linli-nowrap">
            {t('hall.tickets.completedOn', { date: row.completedOn })}
          </Text>
        )
      )}
    </Stack>
  );
}

/** 评价: the stars once rated, and 待回访 while a 差评's follow-up is owed. */
export function RatingCell({ row }: { row: TicketRow }) {
  const { t } = useTranslation();
  if (row.ratingLevel === null)
    return (
      <Text size="xs" c="dimmed" className="linli-nowrap">
        {t('hall.tickets.notRated')}
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <RatingStars level={row.ratingLevel} size="xs" withLabel={false} />
      {row.followUpPending && (
        <Badge size="xs" color="red" variant="light" style={{ minWidth: 'max-content' }}>
          {t('hall.tickets.followUpPending')}
        </Badge>
      )}
    </Stack>
  );
}

/** The tickets list's columns; the number is a link, so a keyboard reaches the ticket with Tab and Enter. */
export function ticketColumns(t: TFunction, timeZone: string): Column<TicketRow>[] {
  return [
    {
      key: 'number',
      title: t('hall.fields.number'),
      nowrap: true,
      mono: true,
      render: (r) => (
        <Anchor href={ticketHref(r.id)} size="sm" ff="monospace" onClick={(e) => e.stopPropagation()}>
          {r.number}
        </Anchor>
      ),
    },
    { key: 'registeredAt', title: t('hall.fields.registeredAt'), nowrap: true, render: (r) => formatDateTimeShort(r.registeredAt, timeZone) },
    { key: 'kind', title: t('hall.fields.kind'), nowrap: true, render: (r) => kindLabel(t, r.kind) },
    { key: 'service', title: t('hall.fields.service'), maw: 220, render: (r) => r.serviceName || '—' },
    { key: 'applicant', title: t('hall.fields.applicant'), nowrap: true, render: (r) => r.applicantName },
    {
      key: 'status',
      title: t('hall.fields.status'),
      nowrap: true,
      render: (r) => <StatusBadge status={r.status} />,
    },
    { key: 'due', title: t('hall.fields.dueOn'), nowrap: true, render: (r) => <DueCell row={r} /> },
    { key: 'firstOfficer', title: t('hall.fields.firstOfficer'), nowrap: true, render: (r) => r.firstOfficerName },
    { key: 'rating', title: t('hall.fields.rating'), nowrap: true, render: (r) => <RatingCell row={r} /> },
  ];
}

import { Anchor, Badge, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FollowUpRow, SupplementRow, TicketRow } from '@shared/contract/hall';
import type { Column } from '../../../components/list/DataTable';
import { ticketHref } from '../hrefs';
import { daysLeftColour, daysLeftLabel, kindLabel, ratingLabel } from '../labels';

/**
 * The columns of the board's four lists. Every list starts with the ticket (its number a link, so a
 * keyboard user can open it too), what it is about, who applied and who has it now; each then adds what
 * its supervisor chases: the days overdue, the days left, the 回访期限, the missing items.
 */
function ticketColumns(t: TFunction): Column<TicketRow>[] {
  return [
    {
      key: 'number',
      title: t('hall.supervision.columns.number'),
      nowrap: true,
      mono: true,
      render: (r) => (
        <Anchor href={ticketHref(r.id)} size="sm" onClick={(e) => e.stopPropagation()}>
          {r.number}
        </Anchor>
      ),
    },
    { key: 'service', title: t('hall.supervision.columns.service'), maw: 260, render: (r) => r.serviceName || kindLabel(t, r.kind) },
    { key: 'applicant', title: t('hall.supervision.columns.applicant'), nowrap: true, render: (r) => r.applicantName },
    {
      key: 'handler',
      title: t('hall.supervision.columns.handler'),
      render: (r) => [r.department, r.handlerName].filter(Boolean).join(' · ') || r.firstOfficerName,
    },
  ];
}

function daysLeftBadge(t: TFunction, r: TicketRow) {
  if (r.workingDaysLeft === null) return null;
  return (
    <Badge color={daysLeftColour(r.workingDaysLeft)} variant="light">
      {daysLeftLabel(t, r.workingDaysLeft)}
    </Badge>
  );
}

const dueOn = (t: TFunction): Column<TicketRow> => ({ key: 'dueOn', title: t('hall.supervision.columns.dueOn'), nowrap: true, render: (r) => r.dueOn ?? '' });

/** 已逾期 and 临期: the promised day and how far from it the ticket is. */
export function runningColumns(t: TFunction): Column<TicketRow>[] {
  return [
    ...ticketColumns(t),
    { key: 'acceptedOn', title: t('hall.supervision.columns.acceptedOn'), nowrap: true, render: (r) => r.acceptedOn ?? '' },
    dueOn(t),
    { key: 'left', title: t('hall.supervision.columns.left'), nowrap: true, render: (r) => daysLeftBadge(t, r) },
  ];
}

/** 待回访差评: the rating and the working day by which the applicant must be contacted. */
export function followUpColumns(t: TFunction, today: string): Column<FollowUpRow>[] {
  return [
    ...ticketColumns(t),
    {
      key: 'rating',
      title: t('hall.supervision.columns.rating'),
      nowrap: true,
      render: (r) =>
        r.ratingLevel && (
          <Badge color="red" variant="light">
            {ratingLabel(t, r.ratingLevel)}
          </Badge>
        ),
    },
    { key: 'comment', title: t('hall.supervision.columns.comment'), maw: 260, render: (r) => r.ratingComment },
    {
      key: 'followUpDue',
      title: t('hall.supervision.columns.followUpDue'),
      nowrap: true,
      render: (r) => {
        const due = r.followUpDueOn;
        if (!due) return '';
        return (
          <>
            {due}
            {due < today && (
              <Text span c="red.7" size="sm" ml="xs" fw={600}>
                {t('hall.supervision.followUpLate')}
              </Text>
            )}
          </>
        );
      },
    },
  ];
}

/** 容缺受理逾期未补正: what was pledged, by when, and the ticket's own due day. */
export function supplementColumns(t: TFunction): Column<SupplementRow>[] {
  return [
    ...ticketColumns(t),
    {
      key: 'deficient',
      title: t('hall.supervision.columns.deficient'),
      maw: 280,
      render: (r) => r.deficientItems.join(t('common.listSeparator')),
    },
    {
      key: 'supplementBy',
      title: t('hall.supervision.columns.supplementBy'),
      nowrap: true,
      render: (r) => (
        <Text span c="red.7" size="sm" fw={600}>
          {r.supplementBy ?? ''}
        </Text>
      ),
    },
    dueOn(t),
  ];
}

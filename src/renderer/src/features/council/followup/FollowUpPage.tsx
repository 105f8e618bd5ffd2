import { Anchor, Badge, Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionItem } from '@shared/contract/council';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useKeysetList } from '../../../components/list/use-keyset-list';
import { todayIn } from '../../../components/today';
import { ActionStatusSelect } from './ActionStatusSelect';

/** 落实跟踪: open and in-progress action items of every meeting, soonest due first; overdue in red. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { can, settings } = useSignedIn();
  const items = useKeysetList('council.followup', (cursor) => api.call('council.followUp', { cursor, limit: 50 }));
  const today = todayIn(settings.timeZone);
  const columns: Column<ActionItem>[] = [
    {
      key: 'due',
      title: t('council.actions.due'),
      nowrap: true,
      render: (a) => (
        <>
          {a.dueOn}
          {a.dueOn < today && (
            <Badge color="red" variant="light" ml="xs">
              {t('council.followup.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'item', title: t('council.actions.item'), render: (a) => a.title },
    { key: 'owner', title: t('council.actions.owner'), nowrap: true, render: (a) => a.ownerName },
    {
      key: 'meeting',
      title: t('council.followup.meeting'),
      render: (a) => (
        <Anchor href={hrefOf('council', 'meeting', a.meetingId)} size="sm">
          {a.meetingTitle}
        </Anchor>
      ),
    },
    { key: 'resolution', title: t('council.actions.resolution'), nowrap: true, render: (a) => a.resolutionNumber ?? '' },
    {
      key: 'status',
      title: t('council.actions.status'),
      render: (a) => (can('council.write') ? <ActionStatusSelect item={a} onChanged={() => void items.reload()} /> : t(`council.actionStatus.${a.status}`)),
    },
  ];
  return (
    <Card withBorder padding={0}>
      <DataTable
        label={t('council.followup.tableLabel')}
        columns={columns}
        rows={items.data?.rows}
        rowKey={(a) => a.id}
        loading={items.loading}
        error={items.error}
        empty={t('council.followup.none')}
        total={items.total}
        pager={items.pager}
        minWidth={900}
      />
    </Card>
  );
}

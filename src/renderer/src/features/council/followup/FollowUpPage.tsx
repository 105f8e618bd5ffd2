import { Anchor, Badge, Card, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { hrefOf } from '../../../app/router';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { Pager } from '../../../components/list/Pager';
import { usePager } from '../../../components/list/use-pager';
import { todayIn } from '../../../components/today';
import { ActionStatusSelect } from './ActionStatusSelect';

/** 落实跟踪: open and in-progress action items of every meeting, soonest due first; overdue in red. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { can, settings } = useSignedIn();
  const pager = usePager('council.followup');
  const items = useLoad(() => api.call('council.followUp', { cursor: pager.cursor, limit: 50 }), [pager.cursor]);
  const today = todayIn(settings.timeZone);
  return (
    <>
      <ErrorAlert error={items.error} />
      <Card withBorder padding={0} mb="sm">
        {items.loading && !items.data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : items.data?.rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t('council.followup.none')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('council.actions.due')}</Table.Th>
                <Table.Th>{t('council.actions.item')}</Table.Th>
                <Table.Th>{t('council.actions.owner')}</Table.Th>
                <Table.Th>{t('council.followup.meeting')}</Table.Th>
                <Table.Th>{t('council.actions.resolution')}</Table.Th>
                <Table.Th>{t('council.actions.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data?.rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.dueOn}
                    {a.dueOn < today && (
                      <Badge color="red" variant="light" ml="xs">
                        {t('council.followup.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.ownerName}</Table.Td>
                  <Table.Td>
                    <Anchor href={hrefOf('council', 'meeting', a.meetingId)}>{a.meetingTitle}</Anchor>
                  </Table.Td>
                  <Table.Td>{a.resolutionNumber ?? ''}</Table.Td>
                  <Table.Td>
                    {can('council.write') ? <ActionStatusSelect item={a} onChanged={() => void items.reload()} /> : t(`council.actionStatus.${a.status}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        nextCursor={items.data?.nextCursor ?? null}
        onPrevious={pager.previous}
        onNext={pager.next}
        loading={items.loading}
      />
    </>
  );
}

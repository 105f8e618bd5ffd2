import { Alert, Loader, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ExportButton } from '../../../components/report-job/ExportButton';
import { useLoad } from '../../../components/use-load';
import { BoardList } from './BoardList';
import { followUpColumns, runningColumns, supplementColumns } from './board-columns';
import { dueSoonWindow } from './due-soon-window';
import { StatCards } from './StatCards';

/**
 * 督办: what the hall owes and is late with, counted in working days from today in the hall. The figures,
 * then the four lists a supervisor works through: overdue (most overdue first), due soon (within the
 * working days the hall's 窗口规则 set), 差评 waiting for their call-back, 容缺 tickets whose pledged supplement date has passed. The
 * 督办清单 prints the same lists. Reloads by itself when a ticket changes anywhere.
 */
export function SupervisionScreen() {
  const { t } = useTranslation();
  const { data: board, error, loading } = useLoad(() => api.call('hall.supervision', {}), []);
  const soonWindow = board ? dueSoonWindow(t, board.dueSoonWorkingDays) : '';
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('hall.nav.supervision')}
        description={board ? t('hall.supervision.intro', { today: board.today }) : t('hall.nav.supervisionHint')}
        actions={<ExportButton report="hall_supervision" params={{}} formats={['xlsx', 'pdf']} label={t('hall.supervision.print')} />}
      />
      <ErrorAlert error={error} />
      {loading && !board && <Loader size="sm" aria-label={t('common.loading')} />}
      {board && (
        <>
          <StatCards counts={board.counts} dueSoonWindow={soonWindow} />
          {board.counts.overdue === 0 && (
            <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status">
              {board.counts.open === 0 ? t('hall.supervision.nothingOpen') : t('hall.supervision.nothingOverdue', { open: board.counts.open })}
            </Alert>
          )}
          <BoardList
            title={t('hall.supervision.lists.overdue')}
            rows={board.overdue}
            columns={runningColumns(t)}
            empty={t('hall.supervision.empty.overdue')}
            colour="red.7"
          />
          <BoardList
            title={t('hall.supervision.lists.dueSoon', { window: soonWindow })}
            rows={board.dueSoon}
            columns={runningColumns(t)}
            empty={t('hall.supervision.empty.dueSoon', { window: soonWindow })}
            colour="orange.7"
          />
          <BoardList
            title={t('hall.supervision.lists.followUps')}
            rows={board.followUps}
            columns={followUpColumns(t, board.today)}
            empty={t('hall.supervision.empty.followUps')}
            colour="red.7"
          />
          <BoardList
            title={t('hall.supervision.lists.supplementsLate')}
            rows={board.supplementsLate}
            columns={supplementColumns(t)}
            empty={t('hall.supervision.empty.supplementsLate')}
            colour="orange.7"
          />
        </>
      )}
    </Stack>
  );
}

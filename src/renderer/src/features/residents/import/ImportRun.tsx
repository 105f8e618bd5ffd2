import { useEffect, useState } from 'react';
import { Alert, Button, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useJob } from '../../../components/use-job';
import { ImportCounts } from './ImportCounts';

/**
 * 开始导入 and what follows: a progress bar from the job's events, 取消, and the itemised result — only
 * once job.done has arrived; until then nothing claims the rows are in. 下载错误报告 is a job of its own.
 */
export function ImportRun({ preview, stale, onRunning }: { preview: ImportPreview; stale: boolean; onRunning: (running: boolean) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'valid_rows' | 'all_or_nothing'>('valid_rows');
  const run = useJob();
  const report = useJob();
  const [saveError, setSaveError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const running = run.state.phase === 'running';
  const blocked = mode === 'all_or_nothing' && preview.counts.reject > 0;
  const nothing = preview.counts.add + preview.counts.update === 0;

  useEffect(() => onRunning(running), [running, onRunning]);
  useEffect(() => {
    if (!running) setCancelling(false);
  }, [running]);

  // The report is a file: hand it over as soon as it exists.
  const reportFile = report.state.phase === 'done' ? report.state.result.file : null;
  useEffect(() => {
    if (!reportFile) return;
    api.transport().saveExport(reportFile, api.session()!).catch(setSaveError);
  }, [reportFile]);

  const summary = run.state.phase === 'done' ? (run.state.result.summary ?? {}) : null;
  // Once imported, the rows not imported are the commit's: a row changed since the preview is refused there.
  const rejected = summary ? (summary.rejected ?? 0) : preview.counts.reject;
  const rejectedSincePreview = summary ? Math.max(0, rejected - preview.counts.reject) : 0;
  const progress = run.state.phase === 'running' && run.state.total > 0 ? (run.state.done / run.state.total) * 100 : 0;

  return (
    <Stack gap="sm">
      {run.state.phase !== 'done' && (
        <Radio.Group label={t('residents.import.mode')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
          <Stack gap={6} mt={6}>
            <Radio
              value="valid_rows"
              label={t('residents.import.modeValid')}
              description={t('residents.import.modeValidHint', { count: preview.counts.reject })}
              disabled={running}
            />
            <Radio value="all_or_nothing" label={t('residents.import.modeAll')} description={t('residents.import.modeAllHint')} disabled={running} />
          </Stack>
        </Radio.Group>
      )}
      {blocked && run.state.phase === 'idle' && (
        <Alert color="orange" variant="light">
          {t('residents.import.blocked', { count: preview.counts.reject })}
        </Alert>
      )}
      {running && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {run.state.phase === 'running' && run.state.total > 0
                ? t('residents.import.progress', { done: run.state.done, total: run.state.total })
                : t('residents.import.starting')}
            </Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {t('residents.import.cancelHint')}
              </Text>
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={14} />}
                loading={cancelling}
                onClick={() => {
                  // The job stops at its next slice and then reports; until then the button says it was asked.
                  setCancelling(true);
                  run.cancel().catch(setCancelError);
                }}
                disabled={run.state.phase === 'running' && !run.state.jobId}
              >
                {t('residents.import.cancel')}
              </Button>
            </Group>
          </Group>
          <Progress value={progress} animated striped size="lg" aria-label={t('residents.import.progressLabel')} />
        </Stack>
      )}
      {run.state.phase === 'failed' && <ErrorAlert error={run.state.error} title={t('residents.import.failed')} />}
      {run.state.phase === 'cancelled' && (
        <Alert color="gray" variant="light" role="status">
          {t('errors.jobs.cancelled')}
        </Alert>
      )}
      {summary && (
        <Alert
          color={rejected > 0 ? 'orange' : 'teal'}
          variant="light"
          icon={rejected > 0 ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
          title={rejected > 0 ? t('residents.import.doneWithRejects', { count: rejected }) : t('residents.import.done')}
        >
          <Stack gap="xs">
            <ImportCounts
              counts={{ add: summary.added ?? 0, update: summary.updated ?? 0, unchanged: summary.unchanged ?? 0, reject: rejected }}
              title={t('residents.import.done')}
            />
            {rejectedSincePreview > 0 && (
              <Text size="sm" c="orange.9" role="alert">
                {t('residents.import.rejectedSincePreview', { count: rejectedSincePreview })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          disabled={rejected === 0}
          loading={report.state.phase === 'running'}
          onClick={() => {
            setSaveError(null);
            void report.start(() => api.call('residents.importErrorReport', { importId: preview.importId }));
          }}
        >
          {t('residents.import.errorReport', { count: rejected })}
        </Button>
        {run.state.phase !== 'done' && (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            disabled={blocked || nothing || running || stale}
            loading={running}
            onClick={() => void run.start(() => api.call('residents.importCommit', { importId: preview.importId, mode }))}
          >
            {t('residents.import.start', { count: mode === 'valid_rows' ? preview.counts.add + preview.counts.update : preview.totalRows })}
          </Button>
        )}
      </Group>
      {report.state.phase === 'failed' && <ErrorAlert error={report.state.error} />}
      <ErrorAlert error={saveError ?? cancelError} />
    </Stack>
  );
}

import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ErrorAlert';
import { formatNumber } from '../../i18n/format';
import type { ReportJobState, SaveState } from './use-report-job';

/** Where the report job is: progress with 取消, saving, and what happened in the end. */
export function JobStatus({ state, save, onCancel }: { state: ReportJobState; save: SaveState; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'running': {
      const { total, done } = state;
      const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
      return (
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {total > 0
                ? t('reports.progress', { done: formatNumber(done, i18n.language), total: formatNumber(total, i18n.language) })
                : t('reports.preparing')}
            </Text>
            <Button size="compact-sm" variant="default" color="red" leftSection={<IconX size={14} />} onClick={onCancel} disabled={!state.jobId}>
              {t('common.cancel')}
            </Button>
          </Group>
          <Progress value={total > 0 ? percent : 100} animated={total === 0} striped={total === 0} aria-label={t('reports.progressLabel')} />
        </Stack>
      );
    }
    case 'done':
      // A report always ends with a file; a job without one is said as it is, not as an export.
      if (!state.result.file)
        return (
          <Alert color="yellow" variant="light" role="status">
            {t('reports.noFile')}
          </Alert>
        );
      return <SaveStatus save={save} />;
    case 'cancelled':
      return (
        <Alert color="gray" variant="light" role="status">
          {t('reports.cancelled')}
        </Alert>
      );
    case 'failed':
      return <ErrorAlert error={state.error} title={t('reports.failed')} />;
  }
}

function SaveStatus({ save }: { save: SaveState }) {
  const { t } = useTranslation();
  switch (save.kind) {
    case 'none':
      return null;
    case 'saving':
      return <Text size="sm">{t('reports.saving', { name: save.fileName })}</Text>;
    case 'saved':
      return (
        <Alert color="green" variant="light" role="status">
          {t('reports.exported', { name: save.fileName })}
          {save.where !== save.fileName && (
            <Text size="sm" className="linli-mono">
              {save.where}
            </Text>
          )}
        </Alert>
      );
    case 'notSaved':
      return (
        <Alert color="yellow" variant="light" role="status">
          {t('reports.saveCancelled', { name: save.fileName })}
        </Alert>
      );
    case 'failed':
      return <ErrorAlert error={save.error} title={t('reports.failed')} />;
  }
}

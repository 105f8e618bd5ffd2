import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import type { JobState } from './use-report-job';

/** Where the report job is: progress with 取消, saving, and what happened in the end. */
export function JobStatus({ state, onCancel }: { state: JobState; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'starting':
    case 'running': {
      const total = state.kind === 'running' ? state.total : 0;
      const done = state.kind === 'running' ? state.done : 0;
      const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
      return (
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {total > 0 ? t('reports.progress', { done: formatNumber(done, i18n.language), total: formatNumber(total, i18n.language) }) : t('reports.preparing')}
            </Text>
            <Button size="compact-sm" variant="default" color="red" leftSection={<IconX size={14} />} onClick={onCancel} disabled={state.kind !== 'running'}>
              {t('common.cancel')}
            </Button>
          </Group>
          <Progress value={total > 0 ? percent : 100} animated={total === 0} striped={total === 0} aria-label={t('reports.progressLabel')} />
        </Stack>
      );
    }
    case 'saving':
      return <Text size="sm">{t('reports.saving', { name: state.fileName })}</Text>;
    case 'saved':
      return (
        <Alert color="green" variant="light" role="status">
          {t('reports.exported', { name: state.fileName })}
          {state.where !== state.fileName && (
            <Text size="sm" className="linli-mono">
              {state.where}
            </Text>
          )}
        </Alert>
      );
    case 'notSaved':
      return (
        <Alert color="yellow" variant="light" role="status">
          {t('reports.saveCancelled', { name: state.fileName })}
        </Alert>
      );
    case 'noFile':
      return (
        <Alert color="yellow" variant="light" role="status">
          {t('reports.noFile')}
        </Alert>
      );
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

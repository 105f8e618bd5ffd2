import { useCallback, useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EventMap } from '@shared/contract/events';
import type { ReportFormatName } from '@shared/contract/reports';
import { api } from '../../api/client';
import { useJob } from '../use-job';

/** What happened to the file once the job made it. */
export type SaveState =
  | { kind: 'none' }
  | { kind: 'saving'; fileName: string }
  | { kind: 'saved'; fileName: string; where: string }
  | { kind: 'notSaved'; fileName: string }
  | { kind: 'failed'; error: unknown };

export type ReportJobState = ReturnType<typeof useJob>['state'];

/**
 * Runs a report as a job (the shared useJob follows it), then hands the file to the user with
 * `saveExport`: "exported" is said only after that returned.
 */
export function useReportJob() {
  const { t } = useTranslation();
  const job = useJob();
  const [save, setSave] = useState<SaveState>({ kind: 'none' });
  /** A start that `reports.run` refused (bad filters), for a caller without a form to show it. */
  const [startError, setStartError] = useState<unknown>(null);
  const file = job.state.phase === 'done' ? job.state.result.file : undefined;

  const hand = useCallback(
    async (f: NonNullable<EventMap['job.done']['file']>) => {
      setSave({ kind: 'saving', fileName: f.fileName });
      try {
        const where = await api.transport().saveExport(f, api.session()!);
        if (where === null) {
          // Electron: the user closed the save dialog.
          setSave({ kind: 'notSaved', fileName: f.fileName });
          notifications.show({ color: 'yellow', message: t('reports.saveCancelled', { name: f.fileName }) });
          return;
        }
        setSave({ kind: 'saved', fileName: f.fileName, where });
        notifications.show({ color: 'green', message: t('reports.exported', { name: f.fileName }) });
      } catch (err) {
        setSave({ kind: 'failed', error: err });
      }
    },
    [t],
  );

  useEffect(() => {
    if (file) void hand(file);
  }, [file, hand]);

  /** Starts the job. Throws what `reports.run` throws (invalid parameters), for the form to show. */
  const start = useCallback(
    async (name: string, format: ReportFormatName, params: Record<string, unknown>) => {
      setSave({ kind: 'none' });
      await job.start(() => api.call('reports.run', { name, format, params }), { rethrow: true });
    },
    [job],
  );

  const busy = job.busy || save.kind === 'saving';
  /** Back to idle once the outcome has been read (the export button's panel closes); never while busy. */
  const reset = useCallback(() => {
    setStartError(null);
    if (busy) return;
    setSave({ kind: 'none' });
    job.reset();
  }, [busy, job]);

  return { state: job.state, save, start, cancel: job.cancel, reset, startError, setStartError, busy };
}

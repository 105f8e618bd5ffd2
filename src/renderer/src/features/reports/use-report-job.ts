import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EventMap } from '@shared/contract/events';
import type { ReportFormatName } from '@shared/contract/reports';
import { api, ApiError } from '../../api/client';
import { useSignedIn } from '../../app/session-context';

export type JobState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'running'; jobId: string; done: number; total: number }
  | { kind: 'saving'; fileName: string }
  | { kind: 'noFile' }
  | { kind: 'saved'; fileName: string; where: string }
  | { kind: 'notSaved'; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

type JobEvent = { [K in 'job.progress' | 'job.done' | 'job.failed']: { name: K; payload: EventMap[K] } }['job.progress' | 'job.done' | 'job.failed'];

/**
 * Runs a report as a job: `reports.run` answers with a job id, then progress, the file or the failure
 * arrive as events. Events that come before the id is known are kept and replayed, so a fast job is not
 * lost. The file is handed to the user with `saveExport`, and "exported" is said only after that returned.
 */
export function useReportJob() {
  const { t } = useTranslation();
  const { events } = useSignedIn();
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  /** A start that `reports.run` refused (bad filters), for a caller without a form to show it. */
  const [startError, setStartError] = useState<unknown>(null);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => () => stop.current?.(), []);

  const finish = useCallback(() => {
    stop.current?.();
    stop.current = null;
  }, []);

  const save = useCallback(
    async (file: NonNullable<EventMap['job.done']['file']>) => {
      setState({ kind: 'saving', fileName: file.fileName });
      try {
        const where = await api.transport().saveExport(file, api.session()!);
        if (where === null) {
          // Electron: the user closed the save dialog.
          setState({ kind: 'notSaved', fileName: file.fileName });
          notifications.show({ color: 'yellow', message: t('reports.saveCancelled', { name: file.fileName }) });
          return;
        }
        setState({ kind: 'saved', fileName: file.fileName, where });
        notifications.show({ color: 'green', message: t('reports.exported', { name: file.fileName }) });
      } catch (err) {
        setState({ kind: 'failed', error: err });
      }
    },
    [t],
  );

  const handle = useCallback(
    (event: JobEvent) => {
      if (event.name === 'job.progress') {
        setState({ kind: 'running', jobId: event.payload.jobId, done: event.payload.done, total: event.payload.total });
      } else if (event.name === 'job.done') {
        finish();
        // A report always ends with a file; a job without one is said as it is, not as an export.
        if (event.payload.file) void save(event.payload.file);
        else setState({ kind: 'noFile' });
      } else {
        finish();
        const error = new ApiError(event.payload.error);
        setState(error.code === 'jobs.cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error });
      }
    },
    [finish, save],
  );

  /** Starts the job. Throws what `reports.run` throws (invalid parameters), for the form to show. */
  const start = useCallback(
    async (name: string, format: ReportFormatName, params: Record<string, unknown>) => {
      finish();
      setState({ kind: 'starting' });
      let jobId: string | null = null;
      const early: JobEvent[] = [];
      stop.current = events.listen((eventName, payload) => {
        if (eventName !== 'job.progress' && eventName !== 'job.done' && eventName !== 'job.failed') return;
        const event = { name: eventName, payload } as JobEvent;
        if (jobId === null) early.push(event);
        else if (event.payload.jobId === jobId) handle(event);
      });
      try {
        jobId = (await api.call('reports.run', { name, format, params })).jobId;
      } catch (err) {
        finish();
        setState({ kind: 'idle' });
        throw err;
      }
      setState((s) => (s.kind === 'starting' ? { kind: 'running', jobId: jobId!, done: 0, total: 0 } : s));
      for (const event of early) if (event.payload.jobId === jobId) handle(event);
    },
    [events, finish, handle],
  );

  const cancel = useCallback(async () => {
    if (state.kind !== 'running') return;
    try {
      await api.call('reports.cancel', { jobId: state.jobId });
      // The job answers with job.failed / jobs.cancelled once it has stopped.
    } catch (err) {
      setState({ kind: 'failed', error: err });
      finish();
    }
  }, [state, finish]);

  /** Back to idle once the outcome has been read (the export button's panel closes). */
  const reset = useCallback(() => {
    setStartError(null);
    setState((s) => (s.kind === 'starting' || s.kind === 'running' || s.kind === 'saving' ? s : { kind: 'idle' }));
  }, []);

  return { state, start, cancel, reset, startError, setStartError, busy: state.kind === 'starting' || state.kind === 'running' || state.kind === 'saving' };
}

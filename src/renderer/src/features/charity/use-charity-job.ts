import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSignedIn } from '../../app/session-context';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'saved'; fileName: string } | { kind: 'failed'; error: unknown };

/**
 * Runs a charity export as a job (a notice, the public ledger) and hands the file to the user. Events that
 * arrive before the job's id is known are kept and replayed; "saved" is said only once the file is saved.
 */
export function useCharityJob() {
  const { t } = useTranslation();
  const { events } = useSignedIn();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>) => {
      stop.current?.();
      setState({ kind: 'running' });
      let jobId: string | null = null;
      const early: { name: string; payload: { jobId: string } }[] = [];
      const handle = async (name: string, payload: { jobId: string; file?: { fileName: string } | null; error?: unknown }) => {
        if (name === 'job.failed') {
          stop.current?.();
          setState({ kind: 'failed', error: new ApiError(payload.error as never) });
        } else if (name === 'job.done') {
          stop.current?.();
          const file = (payload as { file: Parameters<ReturnType<typeof api.transport>['saveExport']>[0] | null }).file;
          if (!file) return setState({ kind: 'failed', error: new Error('no file') });
          try {
            const where = await api.transport().saveExport(file, api.session()!);
            if (where === null) return setState({ kind: 'idle' });
            setState({ kind: 'saved', fileName: file.fileName });
            notifications.show({ color: 'green', message: t('reports.exported', { name: file.fileName }) });
          } catch (err) {
            setState({ kind: 'failed', error: err });
          }
        }
      };
      stop.current = events.listen((name, payload) => {
        if (name !== 'job.done' && name !== 'job.failed') return;
        const p = payload as { jobId: string };
        if (jobId === null) early.push({ name, payload: p });
        else if (p.jobId === jobId) void handle(name, p);
      });
      try {
        jobId = (await begin()).jobId;
      } catch (err) {
        stop.current?.();
        setState({ kind: 'failed', error: err });
        return;
      }
      for (const e of early) if (e.payload.jobId === jobId) void handle(e.name, e.payload);
    },
    [events, t],
  );

  return { state, start, busy: state.kind === 'running' };
}

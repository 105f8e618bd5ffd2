import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventMap } from '@shared/contract/events';
import type { ErrorPayload } from '@shared/errors';
import { api, ApiError } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; done: number; total: number; label?: string }
  | { phase: 'done'; jobId: string; result: EventMap['job.done'] }
  | { phase: 'failed'; jobId: string | null; error: unknown };

type JobEvent = { name: 'job.progress'; payload: EventMap['job.progress'] } | { name: 'job.done'; payload: EventMap['job.done'] } | { name: 'job.failed'; payload: EventMap['job.failed'] };

/**
 * Follows one background job (an import, an error report) through the session's event stream.
 * Events are kept from the moment the screen opens, because a quick job can finish before the call that
 * started it has returned its id; they are replayed once the id is known.
 */
export function useJob() {
  const { events } = useSignedIn();
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const early = useRef<JobEvent[]>([]);

  const apply = useCallback((event: JobEvent) => {
    if (event.payload.jobId !== jobId.current) return;
    if (event.name === 'job.progress') setState((s) => (s.phase === 'done' || s.phase === 'failed' ? s : { phase: 'running', jobId: event.payload.jobId, done: event.payload.done, total: event.payload.total, label: event.payload.label }));
    if (event.name === 'job.done') setState({ phase: 'done', jobId: event.payload.jobId, result: event.payload });
    if (event.name === 'job.failed') setState({ phase: 'failed', jobId: event.payload.jobId, error: new ApiError(event.payload.error as ErrorPayload) });
  }, []);

  useEffect(
    () =>
      events.listen((name, payload) => {
        if (name !== 'job.progress' && name !== 'job.done' && name !== 'job.failed') return;
        const event = { name, payload } as JobEvent;
        if (jobId.current === null) early.current = [...early.current.slice(-50), event];
        else apply(event);
      }),
    [events, apply],
  );

  /** Starts the job with `begin` (a call returning `{ jobId }`). */
  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>) => {
      jobId.current = null;
      early.current = [];
      setState({ phase: 'running', jobId: '', done: 0, total: 0 });
      try {
        const { jobId: id } = await begin();
        jobId.current = id;
        setState((s) => (s.phase === 'running' ? { ...s, jobId: id } : s));
        for (const event of early.current) apply(event);
        early.current = [];
      } catch (err) {
        setState({ phase: 'failed', jobId: null, error: err });
      }
    },
    [apply],
  );

  /** `jobs.cancel` stops the user's own job; the job then ends with job.failed (jobs.cancelled). */
  const cancel = useCallback(async () => {
    if (jobId.current) await api.call('jobs.cancel', { jobId: jobId.current });
  }, []);

  const reset = useCallback(() => {
    jobId.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventMap } from '@shared/contract/events';
import { api, ApiError } from '../api/client';
import { useSignedIn } from '../app/session-context';

export type JobState =
  | { phase: 'idle' }
  /** jobId is null until the call that started the job has answered. */
  | { phase: 'running'; jobId: string | null; done: number; total: number; label?: string }
  | { phase: 'done'; jobId: string; result: EventMap['job.done'] }
  | { phase: 'cancelled'; jobId: string }
  | { phase: 'failed'; jobId: string | null; error: unknown };

type JobEvent = { [K in 'job.progress' | 'job.done' | 'job.failed']: { name: K; payload: EventMap[K] } }['job.progress' | 'job.done' | 'job.failed'];

const isJobEvent = (name: string): name is JobEvent['name'] => name === 'job.progress' || name === 'job.done' || name === 'job.failed';

/**
 * The one job hook: follows a background job (an import, a report, an error report) through the
 * session's event stream. A quick job can finish before the call that started it has answered with its
 * id, so events are listened to from just before the call, kept until the id is known, and then this
 * job's are replayed in order; everything after the job's end is ignored.
 *
 * (Of the two copies this replaces, one kept the last 50 job events of every job from the moment the
 * screen opened, so a busy second job could push this job's job.done out of the buffer and leave it
 * "running" for ever; and a cancelled import was shown as a failure.)
 */
export function useJob() {
  const { events } = useSignedIn();
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const stop = useRef<(() => void) | null>(null);
  const current = useRef<string | null>(null);

  const unlisten = useCallback(() => {
    stop.current?.();
    stop.current = null;
  }, []);
  useEffect(() => unlisten, [unlisten]);

  const apply = useCallback(
    (event: JobEvent) => {
      const { jobId } = event.payload;
      if (event.name === 'job.progress') {
        const { done, total, label } = event.payload;
        setState((s) => (s.phase === 'running' ? { phase: 'running', jobId, done, total, label } : s));
        return;
      }
      unlisten();
      if (event.name === 'job.done') setState({ phase: 'done', jobId, result: event.payload });
      else {
        const error = new ApiError(event.payload.error);
        setState(error.code === 'jobs.cancelled' ? { phase: 'cancelled', jobId } : { phase: 'failed', jobId, error });
      }
    },
    [unlisten],
  );

  /**
   * Starts the job with `begin` (a call answering `{ jobId }`). A refused call ends in `failed`, or with
   * `rethrow` goes back to idle and is thrown, for a form to put its field errors on its fields.
   */
  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>, opts: { rethrow?: boolean } = {}) => {
      unlisten();
      current.current = null;
      setState({ phase: 'running', jobId: null, done: 0, total: 0 });
      const early: JobEvent[] = [];
      const listener = events.listen((name, payload) => {
        if (!isJobEvent(name)) return;
        const event = { name, payload } as JobEvent;
        if (current.current === null) early.push(event);
        else if (event.payload.jobId === current.current) apply(event);
      });
      stop.current = listener;
      let id: string;
      try {
        id = (await begin()).jobId;
      } catch (err) {
        unlisten();
        setState(opts.rethrow ? { phase: 'idle' } : { phase: 'failed', jobId: null, error: err });
        if (opts.rethrow) throw err;
        return;
      }
      // Started again meanwhile: this call's job is no longer the one on screen.
      if (stop.current !== listener) return;
      current.current = id;
      setState((s) => (s.phase === 'running' ? { ...s, jobId: id } : s));
      for (const event of early) if (event.payload.jobId === id && stop.current === listener) apply(event);
    },
    [events, apply, unlisten],
  );

  /** Asks the job to stop; it then ends with job.failed (jobs.cancelled), shown as `cancelled`. */
  const cancel = useCallback(async () => {
    if (current.current) await api.call('jobs.cancel', { jobId: current.current });
  }, []);

  const reset = useCallback(() => {
    unlisten();
    current.current = null;
    setState({ phase: 'idle' });
  }, [unlisten]);

  return { state, start, cancel, reset, busy: state.phase === 'running' };
}

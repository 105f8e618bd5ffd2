import { z } from 'zod';
import { method, returns } from './define';

/**
 * Long work of any area (an import's commit, a report, an export) runs as a job. Anyone signed in may
 * cancel their own jobs; an administrator may cancel anyone's. A job that has already ended is left as it
 * ended (null); the job itself then ends with job.failed (jobs.cancelled).
 */
export const jobs = {
  'jobs.cancel': method({ input: z.object({ jobId: z.string().min(1).max(64) }), access: 'session', writes: false }, returns<null>()),
};

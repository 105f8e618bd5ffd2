import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../context';

export const jobsHandlers: HandlerMap<'jobs.cancel'> = {
  async 'jobs.cancel'(input, ctx) {
    const s = ctx.requireSession();
    // A job belongs to the session that started it; the same user in another window (another session) may
    // stop it too, and an administrator may stop anyone's.
    const ownerOf = (token: string) => ctx.sessions.get(token, ctx.now().getTime(), Number.MAX_SAFE_INTEGER)?.userId;
    const mine = (ownerToken: string) => ownerToken === s.token || ownerOf(ownerToken) === s.userId;
    const found = ctx.jobs.cancelIf(input.jobId, (ownerToken) => mine(ownerToken) || s.roles.includes('admin'));
    if (found === 'refused') throw new AppError('jobs.not_yours', 'Only the user who started a job, or an administrator, may cancel it');
    return null;
  },
};

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobControl } from '../../../src/main/core/jobs/jobs';
import type { EventMap } from '../../../src/shared/contract/events';
import { addUser, openTestHall, type TestHall } from '../support/core';

/** A job that runs until it is cancelled, and says how it ended. */
function startWaitingJob(hall: TestHall, token: string): { jobId: string; ended: Promise<string> } {
  let settle: (how: string) => void = () => {};
  const ended = new Promise<string>((resolve) => (settle = resolve));
  const off = hall.core.services.events.subscribe((e) => {
    if ((e.name === 'job.failed' || e.name === 'job.done') && (e.payload as EventMap['job.done']).jobId === jobId) {
      off();
      settle(e.name === 'job.failed' ? (e.payload as EventMap['job.failed']).error.code : 'done');
    }
  });
  const jobId = hall.core.services.jobs.start(token, async (job: JobControl) => {
    while (!job.signal.aborted) await new Promise((r) => setTimeout(r, 5));
    job.checkCancelled();
    return { summary: {} };
  });
  return { jobId, ended };
}

describe('jobs.cancel', () => {
  let hall: TestHall;
  let clerk: string;
  let otherClerk: string;
  beforeAll(async () => {
    hall = await openTestHall();
    clerk = await addUser(hall, 'clerk1', ['clerk']);
    otherClerk = await addUser(hall, 'clerk2', ['clerk']);
  });
  afterAll(() => hall.close());

  it('a user cancels their own job, also from another window (another session of theirs)', async () => {
    const own = startWaitingJob(hall, clerk);
    expect(await hall.call('jobs.cancel', { jobId: own.jobId }, clerk)).toBeNull();
    expect(await own.ended).toBe('jobs.cancelled');

    const secondWindow = (await hall.call('auth.login', { username: 'clerk1', password: 'user-pass-2026' }, null)).token;
    const fromThere = startWaitingJob(hall, clerk);
    await hall.call('jobs.cancel', { jobId: fromThere.jobId }, secondWindow);
    expect(await fromThere.ended).toBe('jobs.cancelled');
  });

  it("refuses someone else's job, which runs on; an administrator may cancel it", async () => {
    const theirs = startWaitingJob(hall, clerk);
    expect((await hall.fail('jobs.cancel', { jobId: theirs.jobId }, otherClerk)).code).toBe('jobs.not_yours');
    expect(hall.core.services.jobs.cancelIf(theirs.jobId, () => false)).toBe('refused');
    await hall.call('jobs.cancel', { jobId: theirs.jobId }, hall.adminToken);
    expect(await theirs.ended).toBe('jobs.cancelled');
  });

  it('a job that has ended (or never was) is left alone; cancelling needs a session', async () => {
    expect(await hall.call('jobs.cancel', { jobId: 'no-such-job' }, clerk)).toBeNull();
    expect((await hall.fail('jobs.cancel', { jobId: 'x' }, null)).code).toBe('auth.no_session');
  });
});

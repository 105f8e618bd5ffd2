import { PerformanceObserver, constants } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginActivity, quietFor } from '../../../src/main/core/util/activity';
import { collectGarbageSoon } from '../../../src/main/core/util/collect-garbage';
import { openTestHall, type TestHall } from '../support/core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Times (ms since the observer started) of the forced full collections this process makes. */
function watchForcedCollections(): { times: number[]; stop: () => void } {
  const times: number[] = [];
  const started = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as unknown as { detail: { kind: number; flags: number } }).detail;
      if (detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)
        times.push(entry.startTime - started);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { times, stop: () => observer.disconnect() };
}

describe('activity', () => {
  it('is quiet only when nothing runs and nothing ended for the given time', async () => {
    const end = beginActivity();
    expect(quietFor(0)).toBe(false);
    end();
    end(); // a second end changes nothing
    expect(quietFor(0)).toBe(true);
    expect(quietFor(60_000)).toBe(false);
    const a = beginActivity();
    const b = beginActivity();
    a();
    expect(quietFor(0)).toBe(false);
    b();
    await sleep(30);
    expect(quietFor(20)).toBe(true);
  });
});

describe('the collection after a large piece of work', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await openTestHall();
  });
  afterAll(() => hall.close());

  it('waits while a job runs and until the hall has been quiet, then collects once', async () => {
    const watch = watchForcedCollections();
    let finish: () => void = () => {};
    const jobDone = new Promise<void>((r) => (finish = r));
    const token = hall.adminToken;
    hall.core.services.jobs.start(token, async () => {
      await jobDone;
      return { summary: {} };
    });
    collectGarbageSoon({ checkMs: 10, quietMs: 100 });
    await sleep(250);
    // A job is running: no collection yet.
    expect(watch.times).toEqual([]);
    finish();
    await sleep(20);
    // Calls go on back to back for a while: still none.
    const until = performance.now() + 250;
    while (performance.now() < until) await hall.call('auth.session', {}, token);
    expect(watch.times).toEqual([]);
    // Quiet for quietMs: one forced full collection.
    await sleep(400);
    watch.stop();
    expect(watch.times).toHaveLength(1);
  });

  it('gives up when the hall is never quiet (V8 collects in its own time then)', async () => {
    const watch = watchForcedCollections();
    const end = beginActivity();
    collectGarbageSoon({ checkMs: 10, quietMs: 50, giveUpMs: 100 });
    await sleep(200);
    end();
    await sleep(200);
    watch.stop();
    expect(watch.times).toEqual([]);
  });
});

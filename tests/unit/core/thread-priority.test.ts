import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadsCanYieldToMain } from '../../../src/main/core/util/thread-priority';
import { sourceWorker } from '../support/core';

describe('worker threads below the main thread', () => {
  it('a worker lowers its own priority and leaves the main thread where it was', async () => {
    const entry = sourceWorker('tests/fixtures/node/priority-worker.ts');
    const before = os.getPriority(process.pid);
    const worker = new Worker(entry.path, { execArgv: entry.execArgv });
    const said = await new Promise<{ lowered: boolean; thread: number | null; main: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(said.lowered).toBe(threadsCanYieldToMain());
    if (said.lowered) expect(said.thread).toBeGreaterThanOrEqual(10);
    expect(said.main).toBe(before);
    expect(os.getPriority(process.pid)).toBe(before);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { endWarmProcesses, takeWarmProcess, warmImportProcess } from '../../../src/main/core/import/warm-process';
import { tempDir } from '../support/core';

// A process that, like an import process, waits for its start message and answers it.
function waitingScript(): { path: string } {
  const file = path.join(tempDir(), 'waiting.mjs');
  fs.writeFileSync(file, "process.on('message', (m) => process.send({ got: m, role: process.env.TEST_ROLE ?? null }));\n");
  return { path: file };
}

const exitOf = (child: { onExit(l: (code: number | null) => void): void }) => new Promise<number | null>((resolve) => child.onExit(resolve));

afterEach(() => endWarmProcesses());

describe('an import process started ahead of its use (core/import/warm-process.ts)', () => {
  it('is handed over once, still running, and answers as a process started then would', async () => {
    const entry = waitingScript();
    warmImportProcess(undefined, entry, 'TEST_ROLE');
    const child = takeWarmProcess(entry, 'TEST_ROLE');
    expect(child).not.toBeNull();
    expect(child!.running()).toBe(true);
    expect(takeWarmProcess(entry, 'TEST_ROLE')).toBeNull();
    const answer = new Promise((resolve) => child!.onMessage(resolve));
    await child!.send({ init: 1 });
    // Started with its role in its environment, as startImportProcess starts any import process.
    expect(await answer).toEqual({ got: { init: 1 }, role: '1' });
    const exited = exitOf(child!);
    child!.kill();
    await exited;
  });

  it('is ended when nothing takes it in time, and is then not handed over', async () => {
    const entry = waitingScript();
    warmImportProcess(undefined, entry, 'TEST_ROLE', 100);
    await new Promise((r) => setTimeout(r, 600));
    expect(takeWarmProcess(entry, 'TEST_ROLE')).toBeNull();
  });

  it('is one per code and role: asked again while one waits, none more is started', async () => {
    const entry = waitingScript();
    warmImportProcess(undefined, entry, 'TEST_ROLE');
    warmImportProcess(undefined, entry, 'TEST_ROLE');
    const first = takeWarmProcess(entry, 'TEST_ROLE');
    expect(first).not.toBeNull();
    expect(takeWarmProcess(entry, 'TEST_ROLE')).toBeNull();
    // Another role is another process.
    warmImportProcess(undefined, entry, 'OTHER_ROLE');
    expect(takeWarmProcess(entry, 'TEST_ROLE')).toBeNull();
    expect(takeWarmProcess(entry, 'OTHER_ROLE')).not.toBeNull();
    first!.kill();
  });

  it('is not handed over once it has ended, and endWarmProcesses ends what waits', async () => {
    const entry = waitingScript();
    warmImportProcess(undefined, entry, 'TEST_ROLE');
    endWarmProcesses();
    expect(takeWarmProcess(entry, 'TEST_ROLE')).toBeNull();
    // Code that cannot start: nothing is kept, and the caller starts its own (and fails as it would).
    const missing = { path: path.join(tempDir(), 'missing.mjs'), execArgv: ['--disable-warning=ExperimentalWarning'] };
    warmImportProcess(undefined, missing, 'TEST_ROLE');
    await new Promise((r) => setTimeout(r, 500));
    expect(takeWarmProcess(missing, 'TEST_ROLE')).toBeNull();
  });
});

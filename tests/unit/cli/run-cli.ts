import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/main/cli/main';
import type { CliIo } from '../../../src/main/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `linli` command in-process with the given stdin; messages in Chinese unless env says otherwise. */
export async function linli(argv: string[], stdin = '', env: Record<string, string | undefined> = { LANG: 'zh_CN.UTF-8' }): Promise<CliRun> {
  return linliWith(argv, stdin, () => {}, env);
}

/** The same, with `onOutput` hearing each piece written to stdout or stderr as it is written (to act between two steps of a command). */
export async function linliWith(
  argv: string[],
  stdin: string,
  onOutput: (text: string) => void,
  env: Record<string, string | undefined> = { LANG: 'zh_CN.UTF-8' },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: async () => stdin,
    stdout: {
      write: (s: string) => {
        stdout += s;
        onOutput(s);
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        onOutput(s);
      },
    },
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-'));
}

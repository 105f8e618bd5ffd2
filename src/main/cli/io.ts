import readline from 'node:readline';

/** A place to write text: process.stdout/stderr, or a buffer in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything a command touches outside core, so that tests run commands in-process with their own
 * stdin, outputs and environment.
 */
export interface CliIo {
  /** All of standard input (only read by commands that need a password). */
  stdin(): Promise<string>;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  /** Present when stdin is a terminal: asks on stderr and reads one line without echo. */
  prompt?(question: string): Promise<string>;
  /** Stops a long-running command (`serve`) as SIGINT/SIGTERM do. */
  signal?: AbortSignal;
  /** The built renderer that `serve` hands out (out/renderer next to the built cli.js). */
  rendererDir?: string;
  /** Calls `listener` for each line typed on stdin (`serve`: Enter prints a new link); returns a stop. */
  lines?(listener: (line: string) => void): () => void;
}

/** The real terminal. */
export function processIo(extra: Pick<CliIo, 'rendererDir'> = {}): CliIo {
  return {
    stdin: readAllStdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    prompt: process.stdin.isTTY ? promptHidden : undefined,
    lines: stdinLines,
    ...extra,
  };
}

function stdinLines(listener: (line: string) => void): () => void {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  rl.on('line', listener);
  return () => {
    rl.close();
    process.stdin.pause();
  };
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl+C aborts with exit code 130. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve) => {
    let value = '';
    const done = (answer: string) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(value);
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

/** `linli serve` started by the benchmark on its file: a child process, as a hall runs it. */
export interface ServeProcess {
  child: ChildProcess;
  base: string;
  /** The browser's credentials the printed single-use link was exchanged for: its cookie and page key. */
  cookie: string;
  key: string;
  /** From spawn to the printed address, ms. */
  addressMs: number;
  /** performance.now() when the address was printed. */
  addressAt: number;
  stop(): Promise<void>;
}

/** The built CLI (out/main/cli.js): the benchmark runs from it; tests run from the sources and have none. */
export function builtCli(): string | null {
  const candidates = [process.argv[1], path.resolve('out/main/cli.js')].filter((c): c is string => !!c && /cli\.js$/.test(c));
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

export async function startServe(cli: string, database: string): Promise<ServeProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--db', database, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`linli serve stopped (${code}) before printing its address: ${stderr.trim()}`)));
  });
  const addressAt = performance.now();
  const { port, url } = JSON.parse(line) as { port: number; url: string };
  // Enter as a browser does: the link is spent once, for a cookie and a key every call then carries.
  const entered = await fetch(url, { redirect: 'manual' });
  if (entered.status !== 302) throw new Error(`linli serve refused its own link (${entered.status})`);
  const cookie = entered.headers.get('set-cookie')!.split(';')[0];
  const key = new URL(entered.headers.get('location')!, url).hash.replace(/^#key=/, '');
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    cookie,
    key,
    addressMs: addressAt - started,
    addressAt,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The resident set of another process (Linux /proc), MiB; null where it cannot be read. */
export function rssMib(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * A process's CPU time in seconds from /proc/<pid>/stat: its own (every thread), and that of its children
 * that have ended and been waited for (the import's preview and commit processes, once they are over).
 * Linux counts it in clock ticks of 1/100 s (USER_HZ). Null where /proc is not there.
 */
export function cpuSeconds(pid: number | undefined): { own: number; children: number } | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses: state is the first, utime the 12th.
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const tick = 100;
    return { own: (f[11] + f[12]) / tick, children: (f[13] + f[14]) / tick };
  } catch {
    return null;
  }
}

/**
 * The RSS of a process's children together (the import's preview and commit processes), in MiB: the memory the import
 * takes outside the serving process, reported beside it. Null where /proc has no children file.
 */
export function childrenRssMib(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    return children.reduce((sum, child) => sum + (rssMib(Number(child)) ?? 0), 0);
  } catch {
    return null;
  }
}

export class HttpDesk {
  session = '';
  constructor(private readonly serve: ServeProcess) {}

  /** One contract call over HTTP, as the browser makes it; throws with the error code on a refusal. */
  async call(method: string, input: unknown): Promise<unknown> {
    const res = await fetch(`${this.serve.base}/api/call`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: this.serve.cookie,
        'x-linli-key': this.serve.key,
        origin: this.serve.base,
        'x-linli-session': this.session,
      },
      body: JSON.stringify({ method, input }),
    });
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error?.code} ${r.error?.message}`), { code: r.error?.code });
    return r.value;
  }

  async signIn(username: string, password: string): Promise<void> {
    this.session = ((await this.call('auth.login', { username, password })) as { token: string }).token;
  }

  /**
   * Listens to the events stream (as the screen does) from now on, and resolves with the summary of the
   * job `jobId` names once the server pushes its job.done: subscribe first, then start the job.
   */
  async jobEnd(jobId: Promise<string>, signal: AbortSignal): Promise<Record<string, number>> {
    const url = `${this.serve.base}/api/events?session=${encodeURIComponent(this.session)}`;
    const res = await fetch(url, { headers: { cookie: this.serve.cookie }, signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const seen: { name: string; payload: { jobId: string; summary?: Record<string, number>; error?: { code: string } } }[] = [];
    let id: string | null = null;
    void jobId.then(
      (j) => (id = j),
      () => {},
    );
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the events stream ended before the job did');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name === 'job.done' || name === 'job.failed') seen.push({ name, payload: JSON.parse(data!) });
      }
      const ended = id ? seen.find((e) => e.payload.jobId === id) : undefined;
      if (ended?.name === 'job.done') return ended.payload.summary ?? {};
      if (ended) throw new Error(`import job failed: ${ended.payload.error?.code}`);
    }
  }
}

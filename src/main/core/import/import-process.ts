import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import type { HandlerContext, WorkerEntry } from '../context';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import { loadOrCreateKey } from '../crypto/key-file';

/**
 * What an import's child process (its preview, preview-process.ts, or its commit, commit-thread.ts) is
 * told first: the database file, and the key file with a probe of the app's key, so that it proves it
 * holds the very key the app uses. The key itself never travels in a message.
 */
export interface ImportProcessInit {
  databaseFile: string;
  keyFile: string;
  /** The lookup hash of `probe` under the app's key. */
  probe: string;
  probeHash: string;
}

/** The start of an import process for this app, or null where none can run (no key file: Electron's safeStorage). */
export function importProcessInit(ctx: Pick<HandlerContext, 'paths' | 'secrets'>, probe: string): ImportProcessInit | null {
  const keyFile = ctx.paths.keyFile;
  if (!keyFile) return null;
  return { databaseFile: ctx.paths.database, keyFile, probe, probeHash: ctx.secrets.lookupHash(probe) };
}

/** In the child: the field cipher from the key file, once it is shown to be the app's. */
export function importProcessCipher(init: ImportProcessInit): FieldCipher {
  const secrets = createFieldCipher(loadOrCreateKey(init.keyFile));
  if (secrets.lookupHash(init.probe) !== init.probeHash) throw new Error('the import process read another key than the app holds');
  return secrets;
}

/**
 * An import's child process as the app sees it: a Node child process (child_process.fork), or what the
 * host starts instead (Electron: a utility process, the one kind of Node process a packaged app can start,
 * whose RunAsNode fuse is off). Messages are structured clones either way.
 */
export interface ImportChild {
  /** Resolves once the message is handed to the channel (at once where the channel says nothing). */
  send(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when it has ended (or could not start). */
  onExit(listener: (code: number | null) => void): void;
  running(): boolean;
  kill(): void;
  /** This process may end without waiting for it. */
  unref(): void;
  /** …and again may not (a process started ahead, once it is put to work). */
  ref(): void;
}

/** Starts `entry` with `env` added to this process's environment; null where it cannot start. */
export type ImportProcessLauncher = (entry: WorkerEntry, env: Record<string, string>) => ImportChild | null;

/**
 * Starts `entry` as a child process of the app, marked with `role` in its environment (what the area's
 * module then serves) and given `env`, with the host's launcher where it has one, else
 * child_process.fork; null where it cannot start.
 */
export function startImportProcess(
  launch: ImportProcessLauncher | undefined,
  entry: WorkerEntry,
  role: string,
  env: Record<string, string> = {},
): ImportChild | null {
  try {
    return (launch ?? forkChild)(entry, { ...env, [role]: '1' });
  } catch {
    return null;
  }
}

/** child_process.fork: under Electron (unpackaged), process.execPath is the app itself, and ELECTRON_RUN_AS_NODE runs the file as Node would. */
const forkChild: ImportProcessLauncher = (entry, env) => {
  const child: ChildProcess = fork(entry.path, [], {
    execArgv: entry.execArgv ?? process.execArgv,
    env: { ...process.env, ...env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'advanced',
  });
  let exited = false;
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  void exit.then(() => (exited = true));
  return {
    send: (message) =>
      new Promise<void>((resolve) => {
        if (!child.connected) return resolve();
        child.send(message as Serializable, undefined, {}, () => resolve());
      }),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exit.then(listener),
    running: () => !exited && child.exitCode === null && child.signalCode === null,
    kill: () => void child.kill('SIGKILL'),
    unref: () => {
      child.unref();
      (child.channel as { unref?: () => void } | undefined)?.unref?.();
    },
    ref: () => {
      child.ref();
      (child.channel as { ref?: () => void } | undefined)?.ref?.();
    },
  };
};

/** The child's side of the channel to the app: process.send under fork, Electron's parentPort in a utility process. */
export interface ParentChannel {
  send(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** Nothing more will be sent either way: the process ends once its work is done. */
  close(): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * This process's channel to the app that started it, or null when it was not started with one. `gone`
 * runs when a forked process loses its app (a utility process is ended with the app by Electron).
 */
export function parentChannel(gone: () => void): ParentChannel | null {
  const port = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (port)
    return {
      send: (message) => Promise.resolve(port.postMessage(message)),
      onMessage: (listener) => port.on('message', (e) => listener(e.data)),
      // A utility process's port keeps it alive: it ends itself, once what it posted has had time to leave.
      close: () => void setTimeout(() => process.exit(0), 500),
    };
  if (!process.send) return null;
  process.on('disconnect', gone);
  return {
    send: (message) => new Promise<void>((resolve) => (process.connected ? process.send!(message as Serializable, undefined, {}, () => resolve()) : resolve())),
    onMessage: (listener) => void process.on('message', listener),
    close: () => {
      process.removeAllListeners('disconnect');
      process.disconnect?.();
    },
  };
}

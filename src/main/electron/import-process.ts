import { utilityProcess } from 'electron';
import type { ImportProcessLauncher } from '../core/import/import-process';

/**
 * The import's processes (a large file's preview, the commit) as Electron utility processes. A packaged
 * app has its RunAsNode fuse off (electron-builder.yml), so child_process.fork would start the app itself
 * again rather than run the script; a utility process is Electron's own way to run a Node script apart
 * (core/import/import-process.ts: its parentPort is the child's side of the channel).
 */
export const launchUtilityProcess: ImportProcessLauncher = (entry, env) => {
  const child = utilityProcess.fork(entry.path, [], { env: { ...process.env, ...env }, serviceName: 'Linli import', stdio: 'inherit' });
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exit.then(() => (exited = true));
  return {
    send: (message) => Promise.resolve(child.postMessage(message)),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exit.then(listener),
    running: () => !exited,
    kill: () => void child.kill(),
    // A utility process does not keep the app from quitting: Electron ends it with the app.
    unref: () => {},
    ref: () => {},
  };
};

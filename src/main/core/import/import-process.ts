import { fork, type ChildProcess } from 'node:child_process';
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
 * Starts `entry` as a child process of the app, marked with `role` in its environment (what the area's
 * module then serves), or null where it cannot start. Under Electron, process.execPath is the app itself:
 * ELECTRON_RUN_AS_NODE runs the file as Node would.
 */
export function forkImportProcess(entry: WorkerEntry, role: string): ChildProcess | null {
  try {
    return fork(entry.path, [], {
      execArgv: entry.execArgv ?? process.execArgv,
      env: { ...process.env, [role]: '1', ELECTRON_RUN_AS_NODE: '1' },
      serialization: 'advanced',
    });
  } catch {
    return null;
  }
}

/**
 * A large import's preview in a child process of its own (issue 10: the serving process's memory). The
 * preview reads the file, prepares its rows (in worker threads of that process, preview-pool.ts) and plans
 * them against the registry on the process's own read connection; it keeps the batches in a spill file
 * (spill.ts) rather than in memory, and hands back only what the screen shows and the commit needs to find
 * them. Its heaps, the worker threads' and the page cache all go back to the system when it ends: the
 * serving process holds the upload for as long as it takes to send it, and then the preview's summary.
 *
 * The preview's planning is a read: WAL lets it run beside the app's connection, which goes on answering
 * and writing meanwhile (a write in between makes the commit plan again: write-mark.ts).
 */
import SqliteDatabase from 'better-sqlite3';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import type { HandlerContext, WorkerEntry } from '../context';
import type { FieldCipher } from '../crypto/field-cipher';
import { translateSqliteError } from '../db/connection';
import { newId } from '../util/ids';
import { yieldThisThreadToMain } from '../util/thread-priority';
import { importProcessCipher, importProcessInit, parentChannel, startImportProcess, type ImportProcessInit } from './import-process';
import { defaultWorkerCount, PREVIEW_THREADS_ENV, PREVIEW_WORKER_ROLE, type PreviewThreadsSpec } from './preview-threads';
import { readSpillTail, removeSpill, SpillWriter, type SpillRef } from './spill';

/** Set in the environment of a preview process: what the area's worker module serves when it is so started. */
export const PREVIEW_PROCESS_ROLE = 'LINLI_IMPORT_PREVIEW';

export interface PreviewProcessInit<Request> extends ImportProcessInit {
  /** The area's preview worker threads' code, where there is a bundle (else the process prepares rows itself). */
  threads: WorkerEntry | null;
  /** The request, in its sealed file (read once, then deleted by the process) … */
  sealedRequest?: SpillRef;
  /** …or in the message, where no file could be written. */
  request?: Request;
}

export type PreviewProcessReply<Outcome> = { done: Outcome } | { error: ErrorPayload; app: boolean };

/** Where the preview process plans: its own read connection, the app's field cipher, the key file for its threads. */
export interface PreviewStore {
  sqlite: SqliteDatabase.Database;
  secrets: FieldCipher;
  keyFile: string;
  threads: WorkerEntry | null;
}

export type PreviewRunner<Request, Outcome> = (store: PreviewStore, request: Request) => Promise<Outcome>;

/**
 * Runs the area's preview (`entry`: its worker module, served by servePreviewProcess) in a child process
 * and waits for its outcome. Null, having done nothing, where no process can run (no key file, no code):
 * the caller then previews in its own thread.
 */
export async function previewInProcess<Request, Outcome>(
  ctx: Pick<HandlerContext, 'paths' | 'secrets' | 'workers'>,
  entry: WorkerEntry | null,
  threads: WorkerEntry | null,
  request: Request,
  today: string,
): Promise<Outcome | null> {
  const start = importProcessInit(ctx, `import-preview-probe:${newId()}`);
  if (!start || !entry) return null;
  // Its worker threads are named in its environment: it starts them before it loads its own code (preview-threads.ts).
  const spec: PreviewThreadsSpec | null = threads && {
    entry: threads,
    count: defaultWorkerCount(),
    init: { role: PREVIEW_WORKER_ROLE, keyFile: start.keyFile, today },
  };
  const child = startImportProcess(ctx.workers.launchImportProcess, entry, PREVIEW_PROCESS_ROLE, spec ? { [PREVIEW_THREADS_ENV]: JSON.stringify(spec) } : {});
  if (!child) return null;
  const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
  let sealed: SpillRef | null = null;
  try {
    return await new Promise<Outcome>((resolve, reject) => {
      child.onMessage((message) => {
        const r = message as PreviewProcessReply<Outcome>;
        if ('done' in r) resolve(r.done);
        else
          reject(
            r.app
              ? new AppError(r.error.code, r.error.message, { params: r.error.params, fields: r.error.fields })
              : new Error(`import preview process: ${r.error.message}`),
          );
      });
      child.onExit((code) => reject(new Error(`import preview process stopped (${code}) before it finished`)));
      sealed = sealRequest(request);
      const init: PreviewProcessInit<Request> = sealed ? { ...start, threads, sealedRequest: sealed } : { ...start, threads, request };
      void child.send({ init });
    });
  } finally {
    // Done or failed, it has nothing more to give: it ends (and its memory with it).
    if (child.running()) child.kill();
    await exited;
    if (sealed) removeSpill(sealed);
  }
}

/**
 * The request (the upload: megabytes) in a sealed file of its own (spill.ts: a key made for it, never
 * written) rather than through the channel, which hands a message over 64 KB at a time, each piece when
 * this thread next turns: 35–160 ms for a 5 MB file while desks were being answered, where the preview
 * process reads the file at once. Null where it cannot be written (a full disk): it then goes through the
 * channel.
 */
export function sealRequest(request: unknown): SpillRef | null {
  let writer: SpillWriter | null = null;
  try {
    writer = new SpillWriter();
    return writer.finish(request);
  } catch {
    writer?.discard();
    return null;
  }
}

/** Serves one preview in this process with `run`, when this process was started as a preview process. */
export function servePreviewProcess<Request, Outcome>(run: PreviewRunner<Request, Outcome>): void {
  if (process.env[PREVIEW_PROCESS_ROLE] !== '1') return;
  // The app went away: there is no one to hand the preview to.
  const channel = parentChannel(() => process.exit(1));
  if (!channel) return;
  yieldThisThreadToMain();
  const reply = (r: PreviewProcessReply<Outcome>) => channel.send(r);
  let started = false;
  channel.onMessage((message) => {
    if (started) return;
    started = true;
    const { init } = message as { init: PreviewProcessInit<Request> };
    void (async () => {
      let sqlite: SqliteDatabase.Database | null = null;
      try {
        const secrets = importProcessCipher(init);
        // A reader only: the preview never writes. WAL lets it read beside the app's connection.
        sqlite = new SqliteDatabase(init.databaseFile, { readonly: true, fileMustExist: true });
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('cache_size = -65536');
        const outcome = await run({ sqlite, secrets, keyFile: init.keyFile, threads: init.threads }, openRequest(init));
        await reply({ done: outcome });
      } catch (err) {
        const app = err instanceof AppError ? err : translateSqliteError(err);
        await reply({ app: app !== null, error: app ? app.toPayload() : { code: 'internal', message: (err as Error)?.message ?? String(err) } });
      } finally {
        sqlite?.close();
        // Nothing more will come: the process ends (the app ends it at once if anything still holds it).
        channel.close();
      }
    })();
  });
}

/** The request as the app sent it; its sealed file, once read, is deleted. */
export function openRequest<Request>(init: Pick<PreviewProcessInit<Request>, 'sealedRequest' | 'request'>): Request {
  if (!init.sealedRequest) {
    if (init.request === undefined) throw new Error('import preview process: no request');
    return init.request;
  }
  try {
    const request = readSpillTail<Request>(init.sealedRequest);
    if (request === undefined) throw new Error('import preview process: the request file holds no request');
    return request;
  } finally {
    removeSpill(init.sealedRequest);
  }
}

import type SqliteDatabase from 'better-sqlite3';
import type { HandlerContext, WorkerEntry } from '../context';
import type { FieldCipher } from '../crypto/field-cipher';
import type { JobControl } from '../jobs/jobs';
import type { HeaderTest, SheetHead, SheetRow } from '../spreadsheet/sheet';
import { commitInWorker, warmCommitProcess } from './commit-thread';
import { serveCommitWorker, type CommitWriter } from './commit-worker-host';
import { packRows, type PackedRows } from './packed-rows';
import { startPreviewWorkers, type PreviewWorkers } from './preview-pool';
import { servePreviewWorker } from './preview-worker-host';
import { previewInProcess } from './preview-process';
import type { SpillRef } from './spill';
import { IMPORT_BATCH_ROWS, readInBatches, type BatchEvent } from './read-batches';
import { importStoreOf, type ImportStore, type StoredImport } from './store';
import { writeMark } from './write-mark';

/**
 * What an area supplies to import files (issue 8). Everything else is core/import's: reading the file in
 * batches, the preview's worker threads, the previews' store, the write mark, the commit in its own
 * process; and, called by the area where it needs them, the written rows' reference check (references.ts)
 * and the error report (error-report.ts: not bound here, so that the worker bundles stay without the
 * workbook writer and the locales).
 *
 * - `Choice`: what the user chose on the screen (a column mapping, constants …), sent with the file;
 * - `Columns`: the header read with that choice (which column is which field);
 * - `Draft`: one row read as the area's values, problems with single cells noted;
 * - `Given`/`Prepared`: the fields a row's registry-free preparation takes, and what it makes of them
 *   (validation, encryption, look-up hashes: the costly part, run in the preview's worker threads);
 * - `Planner`: the area's planner, which decides each row against the data as it is (add, update,
 *   unchanged, reject): the preview plans with it, and the writer again when the data changed since;
 * - `Work`/`Batch`/`Outcome`: what the commit hands its writer (plain values, structured-cloneable), the
 *   batches it writes, and what the writer reports back.
 */
export interface ImportDefinition<Choice, Columns, Draft, Given, Prepared, Planner, Work, Batch, Outcome> {
  /** The area's name: its previews are kept apart from other areas'. */
  area: string;
  /** The tables its commit adds rows to: with the audit log, they make the write mark (write-mark.ts). */
  tables: readonly string[];
  /** The header row: which row it is, and what its columns are, with the user's choice. Throws when the file cannot be imported with them. */
  headers(choice: Choice): { isHeader: HeaderTest; resolve(head: SheetHead): Columns };
  /** The row schema: one row as the area's draft, and the fields of a draft its preparation takes. */
  rowSchema: { draft(row: SheetRow, columns: Columns): Draft; given(draft: Draft): Given };
  /** A row's registry-free preparation (it needs the field key, not the database). */
  prepare(given: Given, secrets: FieldCipher, today: string): Prepared;
  plan: Planner;
  /** The writer: the commit's one transaction over the batches, on the commit process's own connection. */
  write: CommitWriter<Work, Batch, Outcome>;
}

/**
 * Where the bundle has the area's two worker modules (each calls `serveWorkers()` of the area's import):
 * the preview's worker threads, and the import's processes (its preview process and its commit process);
 * null: none here (tests, tsx), and the work runs in the calling thread. Given apart from the definition
 * (`withWorkers`), in a module the worker modules do not import: a worker bundle cannot name its own path.
 */
export interface WorkerModules {
  preview(): Promise<WorkerEntry | null>;
  process(ctx: Pick<HandlerContext, 'workers'>): Promise<WorkerEntry | null>;
}

/** What the reading worker sends: the head, then each batch of rows and drafts already serialized (packed-rows.ts). */
export type PackedReadEvent<Columns> = Extract<BatchEvent<Columns, never>, { kind: 'head' }> | { kind: 'batch'; batch: PackedRows };

/** An area's import: its definition, and core/import's parts bound to it. */
export interface AreaImport<Choice, Columns, Draft, Given, Prepared, Planner, Work, Batch, Outcome> extends ImportDefinition<
  Choice,
  Columns,
  Draft,
  Given,
  Prepared,
  Planner,
  Work,
  Batch,
  Outcome
> {
  /** The area's previews on this connection. */
  store<Session extends StoredImport>(sqlite: SqliteDatabase.Database): ImportStore<Session>;
  /** The write mark of the area's tables now: a commit compares it with its preview's. */
  mark(sqlite: SqliteDatabase.Database): string;
  /** Reads the file in batches, drafting its rows, in this thread (read-batches.ts). */
  read(bytes: Buffer, choice: Choice, emit: (e: BatchEvent<Columns, Draft>) => void, batchRows?: number): Promise<void>;
  /** In the area's worker modules: serves a preview worker or the commit process, whichever this one was started as. */
  serveWorkers(): void;
  /** The import's work off the main thread, with the area's worker modules. */
  withWorkers(modules: WorkerModules): ImportWorkers<Choice, Columns, Given, Prepared, Work, Outcome>;
}

export interface ImportWorkers<Choice, Columns, Given, Prepared, Work, Outcome> {
  /** Worker threads for a large preview (the reader and the preparers), or null where none can run. */
  previewWorkers(
    ctx: Pick<HandlerContext, 'paths' | 'secrets'>,
    today: string,
  ): Promise<PreviewWorkers<Choice, PackedReadEvent<Columns>, Given, Prepared> | null>;
  /**
   * Runs the area's preview (served by preview-process.ts in its worker module) in a child process, with
   * the preview's worker threads there (started with `today`, the hall's day, as the process starts);
   * null, having done nothing, where none can run.
   */
  preview<Request, Planned>(ctx: Pick<HandlerContext, 'paths' | 'secrets' | 'workers'>, request: Request, today: string): Promise<Planned | null>;
  /**
   * Runs the writer in its own process over the preview's batches (its spill file); null, having written
   * nothing, where none can run (the caller then writes in its own thread).
   */
  commit(ctx: HandlerContext, commit: { importId: string; work: Work; spill: SpillRef }, job: JobControl): Promise<Outcome | null>;
  /** Starts the commit process ahead of the commit, as a preview starts (warm-process.ts). */
  warmCommit(ctx: Pick<HandlerContext, 'paths' | 'workers'>): Promise<void>;
}

/** Binds core/import's parts to an area's definition. */
export function defineImport<Choice, Columns, Draft, Given, Prepared, Planner, Work, Batch, Outcome>(
  def: ImportDefinition<Choice, Columns, Draft, Given, Prepared, Planner, Work, Batch, Outcome>,
): AreaImport<Choice, Columns, Draft, Given, Prepared, Planner, Work, Batch, Outcome> {
  const read = (bytes: Buffer, choice: Choice, emit: (e: BatchEvent<Columns, Draft>) => void, batchRows = IMPORT_BATCH_ROWS) => {
    const header = def.headers(choice);
    return readInBatches(bytes, { isHeader: header.isHeader, resolve: header.resolve, draft: def.rowSchema.draft }, emit, batchRows);
  };
  return {
    ...def,
    store: <Session extends StoredImport>(sqlite: SqliteDatabase.Database) => importStoreOf<Session>(sqlite, def.area),
    mark: (sqlite) => writeMark(sqlite, def.tables),
    read,
    withWorkers: (modules) => ({
      async previewWorkers(ctx, today) {
        return startPreviewWorkers<Choice, PackedReadEvent<Columns>, Given, Prepared>({
          entry: await modules.preview(),
          keyFile: ctx.paths.keyFile,
          today,
          secrets: ctx.secrets,
        });
      },
      async preview<Request, Planned>(ctx: Pick<HandlerContext, 'paths' | 'secrets' | 'workers'>, request: Request, today: string) {
        return previewInProcess<Request, Planned>(ctx, await modules.process(ctx), await modules.preview(), request, today);
      },
      async commit(ctx, commit, job) {
        return commitInWorker<Work, Outcome>(ctx, { entry: await modules.process(ctx), ...commit }, job);
      },
      async warmCommit(ctx) {
        warmCommitProcess(ctx, await modules.process(ctx));
      },
    }),
    serveWorkers() {
      servePreviewWorker<Choice, PackedReadEvent<Columns>, Given, Prepared>({
        read: (bytes, choice, emit) => read(bytes, choice, (e) => emit(e.kind === 'head' ? e : { kind: 'batch', batch: packRows(e.first, e.rows, e.drafts) })),
        prepare: def.prepare,
      });
      serveCommitWorker(def.write);
    },
  };
}

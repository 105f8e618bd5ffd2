import os from 'node:os';
import path from 'node:path';
import { AppError, type Result } from '../../shared/errors';
import type { CoreServices, WorkerEntries } from './context';
import { openDatabase, type OpenedDatabase } from './db/connection';
import { fileIdentity, sameFile } from './db/file-in-use';
import { writeTransaction } from './db/write-transaction';
import { SessionStore } from './auth/sessions';
import { EventBus } from './events';
import type { Permission } from '../../shared/permissions';
import { contract, isMethodName } from '../../shared/contract';
import { JobRunner } from './jobs/jobs';
import type { PdfRenderer } from './reports/model';
import { dispatch, type Call } from './dispatch';
import { beginActivity } from './util/activity';
import { restoreBackup } from './backup/restore';
import { startBackupSchedule } from './backup/schedule';
import { backupFolderFor } from './paths';
import { createFieldCipher } from './crypto/field-cipher';
import { keyFileFor, loadOrCreateKey } from './crypto/key-file';
import { fieldKeyMatches, guardedCipher, type FieldKeyState } from './backup/field-key';
import { releaseImports } from './import/store';
import { endWarmProcesses } from './import/warm-process';

export interface CoreOptions {
  databasePath: string;
  backupFolder?: string;
  workstation?: string;
  /** Electron passes printToPDF; the other hosts use headless Chromium. */
  pdf?: PdfRenderer;
  now?: () => Date;
  /** The 64-byte field key; Electron passes the one it keeps in safeStorage. Default: a key file beside the database. */
  fieldKey?: Buffer;
  /** Where worker threads' code lives, when not in the bundle (tests run the TypeScript sources). */
  workers?: WorkerEntries;
}

export interface Core {
  services: CoreServices;
  call(call: Call): Promise<Result<unknown>>;
  /** The permissions of a signed-in session, or null: for hosts that push events to sessions. */
  sessionPermissions(token: string | null | undefined): ReadonlySet<Permission> | null;
  /** Starts automatic backups; the returned stop waits for a backup under way. */
  startBackupSchedule(): () => Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the file and assembles the services every host shares. The hosts (Electron, `linli serve`, the
 * CLI) differ only in how calls arrive and how events and files leave.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const databasePath = path.resolve(opts.databasePath);
  const backupFolder = opts.backupFolder ?? backupFolderFor(databasePath);
  const now = opts.now ?? (() => new Date());
  let opened: OpenedDatabase = await openDatabase(databasePath, { backupFolder, now });
  // The file this process writes into. Replaced under it (a restore by another Linli), every further call
  // is refused: writes into the replaced file would be accepted and then lost.
  let identity = fileIdentity(databasePath);
  let replaced = false;
  let restoring = false;
  // Set when the scheduled full check (an automatic backup's) finds the live file damaged: no more writes
  // into it, only what leads out (signing in, restoring a backup).
  let damaged: { problem: string; backup: string } | null = null;
  const events = new EventBus();
  const pdf = opts.pdf ?? lazyChromiumPdf();
  const keyFile = opts.fieldKey ? null : keyFileFor(databasePath);
  const fieldKey = opts.fieldKey ?? loadOrCreateKey(keyFile!);
  const cipher = createFieldCipher(fieldKey);
  // A file encrypted with another key (a backup restored on another machine) says so instead of showing empty fields.
  const keyState: FieldKeyState = { mismatch: !fieldKeyMatches(opened.sqlite, cipher, now()), keyFile };
  const secrets = guardedCipher(cipher, keyState);

  const workstation = opts.workstation ?? os.hostname();
  const services: CoreServices = {
    paths: { database: databasePath, backupFolder, keyFile },
    get sqlite() {
      return opened.sqlite;
    },
    get db() {
      return opened.db;
    },
    get schemaVersion() {
      return opened.schemaVersion;
    },
    workstation,
    now,
    sessions: new SessionStore(() => opened.sqlite, workstation),
    events,
    jobs: new JobRunner(events, path.join(os.tmpdir(), `linli-exports-${process.pid}-${Date.now()}`)),
    pdf,
    secrets,
    fieldKey: { state: keyState, bytes: () => fieldKey },
    workers: opts.workers ?? {},
    markDamaged(problem, newestGoodBackup) {
      damaged = { problem, backup: newestGoodBackup ?? '—' };
      console.error(`[linli] ${databasePath} is DAMAGED (${problem}); writes are refused until a backup is restored.`);
    },
    async restoreFrom(file, actor, restoreOpts) {
      restoring = true;
      try {
        const reopen = async () => {
          opened = await openDatabase(databasePath, { backupFolder, now });
          identity = fileIdentity(databasePath);
          keyState.mismatch = !fieldKeyMatches(opened.sqlite, cipher, now());
          damaged = null;
        };
        const close = () => {
          releaseImports(opened.sqlite);
          return opened.db.destroy();
        };
        return await restoreBackup(services, { close, open: reopen }, path.resolve(file), actor, restoreOpts);
      } finally {
        restoring = false;
      }
    },
  };

  /** One call, answered. */
  async function answer(c: Call): Promise<Result<unknown>> {
    if (!restoring && (replaced || !sameFile(identity, fileIdentity(databasePath)))) {
      replaced = true;
      const message = `${databasePath} was replaced by another program; this process no longer writes to it`;
      const error = new AppError('db.replaced', message, { params: { path: databasePath } });
      return { ok: false, error: error.toPayload() };
    }
    if (damaged && writesInto(c.method)) {
      const params = { path: databasePath, problem: damaged.problem, backup: damaged.backup };
      return { ok: false, error: new AppError('db.damaged_in_use', `${databasePath} is damaged: ${damaged.problem}`, { params }).toPayload() };
    }
    return dispatch(services, c);
  }

  const schedules: (() => Promise<void>)[] = [];
  return {
    services,
    async call(c) {
      // Marked as activity: a full garbage collection waits until the hall is quiet (util/collect-garbage.ts).
      const ended = beginActivity();
      try {
        return await answer(c);
      } finally {
        ended();
      }
    },
    sessionPermissions(token) {
      if (replaced) return null;
      return services.sessions.get(token, now().getTime(), Number.MAX_SAFE_INTEGER)?.permissions ?? null;
    },
    startBackupSchedule() {
      const stop = startBackupSchedule(() => services);
      schedules.push(stop);
      return stop;
    },
    async close() {
      await Promise.all(schedules.map((stop) => stop()));
      services.jobs.dispose();
      // This process's sessions end with it (a file replaced under it is left alone).
      if (!replaced && sameFile(identity, fileIdentity(databasePath))) {
        await writeTransaction(opened.db, opened.sqlite, (trx) => services.sessions.endOwn(trx, now()), 1000).catch(() => {});
      }
      // The previews planned against it go with it, with their spill files, and any commit process started for them.
      releaseImports(opened.sqlite);
      endWarmProcesses();
      await opened.db.destroy();
      await pdf.close();
    },
  };
}

/** Methods that write into the file, except the way out of a damaged one: signing in and out, restoring. */
const wayOut = new Set(['auth.login', 'auth.logout', 'auth.unlock', 'backups.restore']);
function writesInto(method: string): boolean {
  if (!isMethodName(method) || wayOut.has(method)) return false;
  return (contract[method] as { writes: boolean }).writes;
}

/**
 * Headless Chromium through playwright-core, loaded only when a PDF is first printed: the Electron app
 * prints with its own printToPDF and never needs it.
 */
function lazyChromiumPdf(): PdfRenderer {
  let renderer: Promise<PdfRenderer> | null = null;
  const get = () => (renderer ??= import('./reports/formats/pdf-chromium').then((m) => m.createChromiumPdfRenderer()));
  return {
    renderPdf: async (page) => (await get()).renderPdf(page),
    close: async () => {
      if (renderer) await (await renderer).close();
    },
  };
}

import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Session, SessionStore } from './auth/sessions';
import type { AuditWrite } from './audit/repository';
import type { EventBus } from './events';
import type { JobRunner } from './jobs/jobs';
import type { PdfRenderer } from './reports/model';
import type { FieldCipher } from './crypto/field-cipher';
import type { FieldKeyState } from './backup/field-key';
import type { ImportProcessLauncher } from './import/import-process';
import type { Contract, MethodName } from '../../shared/contract';
import type { RestoreResult } from '../../shared/contract/backups';
import type { OutputOf, ParsedInputOf } from '../../shared/contract/define';

export interface CorePaths {
  database: string;
  backupFolder: string;
  /** The field key file, when the host keeps it in a file (not in Electron's safeStorage). */
  keyFile: string | null;
}

/** A worker thread's code: the file and the flags to start it with. */
export interface WorkerEntry {
  path: string;
  execArgv?: string[];
}

/**
 * Where worker threads' code lives when it is not the bundle's (electron-vite emits each worker as its
 * own file). Tests point these at the TypeScript sources; null means "run in the calling thread".
 */
export interface WorkerEntries {
  /** The import's processes: its commit, and a large file's preview. */
  importCommit?: WorkerEntry | null;
  /** From this upload size on, a preview runs in the import's preview process (default: preview.ts's; tests lower it). */
  importPreviewFromBytes?: number;
  /** How the host starts the import's processes (Electron: a utility process); default child_process.fork. */
  launchImportProcess?: ImportProcessLauncher;
}

/** What every handler can reach. Hosts never see it; they only call `dispatch`. */
export interface CoreServices {
  paths: CorePaths;
  sqlite: SqliteDatabase.Database;
  db: Kysely<Database>;
  schemaVersion: number;
  workstation: string;
  now(): Date;
  sessions: SessionStore;
  events: EventBus;
  jobs: JobRunner;
  pdf: PdfRenderer;
  /** Encrypts and hashes sensitive fields (ID numbers, phones); refuses when the file needs another key. */
  secrets: FieldCipher;
  /** The field key: whether it is this file's, and its bytes (for an administrator's audited export). */
  fieldKey: { state: FieldKeyState; bytes(): Buffer };
  workers: WorkerEntries;
  /** The scheduled full check found the live file damaged: refuse writes until a backup is restored. */
  markDamaged(problem: string, newestGoodBackup: string | null): void;
  /** Replaces the open file with a verified copy, saving the current file first. */
  restoreFrom(file: string, actor: { id: string | null; name: string | null }, opts?: { acceptUnverified?: boolean }): Promise<RestoreResult>;
}

/**
 * An audit record as a handler writes it: the action and the area default to the method's name and its
 * area (`residents.saveTag`, `residents`); a handler names them only when they differ (`reports.export`).
 */
export type CallAudit = Omit<AuditWrite, 'action' | 'area'> & Partial<Pick<AuditWrite, 'action' | 'area'>>;

export interface HandlerContext extends CoreServices {
  session: Session | null;
  /** Records what this call did; in a write it lands in the same transaction as the change. */
  audit(entry: CallAudit): Promise<void>;
  /** Records even if the call then fails (a refused sign-in). */
  auditAlways(entry: CallAudit): void;
  /** The session, or throws `auth.no_session`. */
  requireSession(): Session;
  /** Who is acting, as records name them (`created_by`, an event's actor): the session's user, or throws `auth.no_session`. */
  actor(): { id: string; name: string };
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<Contract[M]>, ctx: HandlerContext) => Promise<OutputOf<Contract[M]>>;
export type HandlerMap<Names extends MethodName> = { [M in Names]: Handler<M> };

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportedFile } from '../../../shared/contract/reports';
import type { EventBus } from '../events';
import { newId } from '../util/ids';
import { ensureFolder } from '../util/folders';
import { beginActivity } from '../util/activity';

export interface JobControl {
  progress(done: number, total: number, label?: string): void;
  /** Throws `jobs.cancelled` once the user has cancelled; long work calls it between chunks. */
  checkCancelled(): void;
  signal: AbortSignal;
}

/** A file a job hands over (a report, an export, an import's error report). */
export interface JobFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}
/** What a job ends with: a file, a summary of what it did (an import's counts), or both. */
export interface JobOutcome {
  file?: JobFile | null;
  summary?: Record<string, number>;
}

export interface StoredFile extends ExportedFile {
  path: string;
  ownerToken: string;
}

/**
 * Long work (a report, an export, an import) runs here, off the request: progress goes out as events, the
 * result is a file kept in a private folder until the host hands it to the user, a summary, or both.
 */
export class JobRunner {
  private readonly running = new Map<string, { controller: AbortController; ownerToken: string }>();
  private readonly files = new Map<string, StoredFile>();

  constructor(
    private readonly events: EventBus,
    private readonly folder: string,
  ) {
    ensureFolder(folder, 0o700);
  }

  start(ownerToken: string, work: (job: JobControl) => Promise<JobFile | JobOutcome>): string {
    const jobId = newId();
    const controller = new AbortController();
    this.running.set(jobId, { controller, ownerToken });
    const control: JobControl = {
      signal: controller.signal,
      progress: (done, total, label) => this.events.emit('job.progress', { jobId, done, total, label }, ownerToken),
      checkCancelled: () => {
        if (controller.signal.aborted) throw new AppError('jobs.cancelled');
      },
    };
    // A running job is activity: housekeeping that stops the event loop waits for its end (util/activity.ts).
    const ended = beginActivity();
    // Let the caller receive the job id before the first progress event.
    setImmediate(() => {
      work(control)
        .then((out) => {
          const outcome: JobOutcome = 'bytes' in out ? { file: out } : out;
          // A file finished after a cancel is dropped. A job with a summary has made its change (an import
          // that committed): a late cancel cannot undo it, so it is reported as done, with what it did.
          if (!outcome.summary) control.checkCancelled();
          const file = outcome.file ? this.store(ownerToken, outcome.file) : null;
          const exported = file ? { fileId: file.fileId, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes } : null;
          this.events.emit('job.done', { jobId, file: exported, ...(outcome.summary ? { summary: outcome.summary } : {}) }, ownerToken);
        })
        .catch((err: unknown) => {
          const e = err instanceof AppError ? err : new AppError('jobs.failed', (err as Error)?.message ?? String(err));
          this.events.emit('job.failed', { jobId, error: e.toPayload() }, ownerToken);
        })
        .finally(() => {
          this.running.delete(jobId);
          ended();
        });
    });
    return jobId;
  }

  cancel(jobId: string, ownerToken: string): void {
    const job = this.running.get(jobId);
    if (job && job.ownerToken === ownerToken) job.controller.abort();
  }

  /** Cancels a running job if `may` allows it for the job's owner; 'ended' when there is no such job (any more). */
  cancelIf(jobId: string, may: (ownerToken: string) => boolean): 'cancelled' | 'refused' | 'ended' {
    const job = this.running.get(jobId);
    if (!job) return 'ended';
    if (!may(job.ownerToken)) return 'refused';
    job.controller.abort();
    return 'cancelled';
  }

  private store(ownerToken: string, out: JobFile): StoredFile {
    const fileId = newId();
    const file = path.join(this.folder, fileId);
    fs.writeFileSync(file, out.bytes, { mode: 0o600 });
    const stored: StoredFile = { fileId, fileName: out.fileName, mimeType: out.mimeType, bytes: out.bytes.byteLength, path: file, ownerToken };
    this.files.set(fileId, stored);
    return stored;
  }

  /** A finished file, only for the session that made it. */
  file(fileId: string, ownerToken: string): StoredFile | null {
    const f = this.files.get(fileId);
    return f && f.ownerToken === ownerToken ? f : null;
  }

  dispose(): void {
    for (const job of this.running.values()) job.controller.abort();
    fs.rmSync(this.folder, { recursive: true, force: true });
  }
}

import type { ErrorPayload } from '../errors';
import type { Area } from './index';
import type { ExportedFile } from './reports';
import type { RunningBackup } from './backups';

/** Push events from main to the renderer: one typed map, delivered by IPC or server-sent events. */
export interface EventMap {
  'job.progress': { jobId: string; done: number; total: number; label?: string };
  /** A job ends with a file to hand over, a summary of what it did, or both. */
  'job.done': { jobId: string; file: ExportedFile | null; summary?: Record<string, number> };
  'job.failed': { jobId: string; error: ErrorPayload };
  /**
   * A write to the area has been committed (by any session, window or workstation on this file): screens
   * showing the area's data load it again. Sent once per successful write call, never for a failed one.
   */
  'data.changed': { area: Area };
  /** A backup has started (the start-up one, the daily one, one asked for): the screens say so until it finishes. */
  'backup.started': RunningBackup;
  'backup.finished': { ok: boolean; path: string; problem: string | null };
}
export type EventName = keyof EventMap;
export interface PushEvent<K extends EventName = EventName> {
  name: K;
  payload: EventMap[K];
  /** Only delivered to this session; absent means every session. */
  sessionToken?: string;
}

import type { WorkerEntry } from '../../../context';
import { bundledWorkerPath } from '../../../util/worker-bundle';
import { commitWorkerEntry } from './commit-thread';
import { residentsImport } from './definition';

/** The bundle's preview worker, where there is a bundle. */
async function previewWorkerEntry(): Promise<WorkerEntry | null> {
  const path = await bundledWorkerPath(() => import('./preview-worker-path'));
  return path ? { path } : null;
}

/** The register's import off the main thread: its preview workers, its preview process and its commit process (core/import/define.ts). */
export const residentsImportWorkers = residentsImport.withWorkers({ preview: previewWorkerEntry, process: commitWorkerEntry });

/**
 * The register's import processes: the shared commit process (core/import/commit-worker-host.ts) running
 * the register's writer (definition.ts, commit-write.ts) on its own connection, and the shared preview
 * process (core/import/preview-process.ts) planning a large file (preview-plan.ts). Whichever it was
 * started as serves; the preview worker threads' part of serveWorkers() does nothing in a process.
 */
// First: a preview process starts its worker threads before the rest of this code is loaded.
import '../../../import/preview-threads-early';
import { servePreviewProcess } from '../../../import/preview-process';
import { residentsImport } from './definition';
import { planPreviewInProcess } from './preview-plan';

residentsImport.serveWorkers();
servePreviewProcess(planPreviewInProcess);

/**
 * The register's import processes: the shared commit process (core/import/commit-worker-host.ts) running
 * the register's writer (definition.ts, commit-write.ts) on its own connection, and the shared preview
 * process (core/import/preview-process.ts) planning a large file (preview-plan.ts). Whichever it was
 * started as serves; the preview worker threads' part of serveWorkers() does nothing in a process.
 */
import { servePreviewProcess } from '../../../import/preview-process';
import { residentsImport } from './definition';
import { planPreviewInProcess } from './preview-plan';

residentsImport.serveWorkers();
servePreviewProcess(planPreviewInProcess);

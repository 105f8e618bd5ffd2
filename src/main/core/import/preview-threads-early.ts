/**
 * Imported first by an area's import-process module (before anything else it imports): in a preview
 * process, starts its worker threads before the rest of the process's code is loaded (preview-threads.ts).
 * Elsewhere it does nothing.
 */
import { startPreviewThreadsEarly } from './preview-threads';

startPreviewThreadsEarly();

/**
 * The worker thread for residents.importCommit: the shared commit worker (core/import/commit-worker-host.ts)
 * running the registry's writer (commit-write.ts) on its own connection.
 */
import { serveCommitWorker } from '../../../import/commit-worker-host';
import { writeImport } from './commit-write';

serveCommitWorker(writeImport);

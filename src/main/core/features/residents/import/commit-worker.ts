/**
 * The process for residents.importCommit: the shared commit process (core/import/commit-worker-host.ts)
 * running the register's writer (definition.ts, commit-write.ts) on its own connection.
 */
import { residentsImport } from './definition';

residentsImport.serveWorkers();

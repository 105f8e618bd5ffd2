import os from 'node:os';

/**
 * The page cache of the import's own connection, for the length of one import: each row goes into some
 * twenty indexes of a table of a million rows, and with the app's 64 MB most of those pages are read in
 * again and written out again before the commit. Measured at 1M residents (one run each), a 1 GB cache cut the CPU time
 * per inserted row by about 40% against 256 MB and 60% against 64 MB. SQLite takes the memory only as
 * pages are read (a small registry never uses it), and frees it when the worker closes the connection.
 * At most an eighth of the machine's memory.
 */
export function importCacheKib(totalMemoryBytes = os.totalmem()): number {
  return Math.floor(Math.min(1024 * 1024 * 1024, totalMemoryBytes / 8) / 1024);
}

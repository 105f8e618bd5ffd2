import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/**
 * Who may write through this process's connection while another connection (an import's worker) holds
 * the file's write lock. Reads need no turn: in WAL mode they go on beside the writer, each seeing the
 * file as it was before the writer's COMMIT. A write from the app's connection would instead block the
 * whole process (better-sqlite3 is synchronous) for up to busy_timeout and then fail with SQLITE_BUSY;
 * the gate makes it wait its turn without blocking anything, and past `waitMs` refuse with
 * `import.committing` (正在导入，稍候), so that no desk is left hanging.
 */
export class WriteGate {
  /** How long a write waits for the import to end before it is refused. */
  waitMs = 5000;
  private holds = 0;
  private waiters: (() => void)[] = [];

  get held(): boolean {
    return this.holds > 0;
  }

  /** Closes the gate until the returned function is called (once; later calls do nothing). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds > 0) return;
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    };
  }

  /** Resolves at once when open; else when the gate opens, or throws `import.committing` after `waitMs`. */
  async turn(): Promise<void> {
    while (this.held) {
      const opened = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          resolve(false);
        }, this.waitMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        this.waiters.push(wake);
      });
      if (!opened) throw new AppError('import.committing', 'An import is being written; try again in a moment');
    }
  }
}

const gates = new WeakMap<SqliteDatabase.Database, WriteGate>();

/** The gate of one connection (every call of a process shares its one connection). */
export function writeGateOf(sqlite: SqliteDatabase.Database): WriteGate {
  let gate = gates.get(sqlite);
  if (!gate) {
    gate = new WriteGate();
    gates.set(sqlite, gate);
  }
  return gate;
}

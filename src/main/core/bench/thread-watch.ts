/**
 * How long this thread's own work ran without letting the event loop turn, in thread CPU time.
 *
 * monitorEventLoopDelay measures wall-clock delays, which on a busy machine include the time the thread
 * waited for a core while other processes (or this process's workers) ran: on a 2-core machine under
 * load that alone reaches hundreds of milliseconds. The CPU time this thread spent between two turns of a
 * short timer is what the thread's own code held it for, whatever else the machine was doing.
 */
export class ThreadWatch {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;
  maxMs = 0;

  start(): void {
    this.last = cpuMs();
    this.timer = setInterval(() => {
      const now = cpuMs();
      this.maxMs = Math.max(this.maxMs, now - this.last);
      this.last = now;
    }, 2);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.maxMs;
  }
}

function cpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

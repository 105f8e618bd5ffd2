import fs from 'node:fs';

/** CPU seconds of this process, every thread (workers included). */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of this process's ended and reaped children (/proc/self/stat cutime + cstime), or null without /proc. */
export function childrenCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command's closing parenthesis: state is field 3, cutime 16 and cstime 17 (proc(5)).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

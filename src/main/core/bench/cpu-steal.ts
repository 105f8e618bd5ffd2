import fs from 'node:fs';

/**
 * CPU time the hypervisor gave to other machines while this one had work to run ("steal", Linux
 * /proc/stat), in seconds, summed over every core. On a shared VM it explains a slow run: the same import
 * took 24 s with almost none stolen and 32 s with 9.6 s stolen. Null where /proc/stat is not there.
 */
export function stolenCpuSeconds(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const fields = line.trim().split(/\s+/);
    // cpu user nice system idle iowait irq softirq steal …, in USER_HZ ticks (100 a second on Linux).
    if (fields[0] !== 'cpu' || fields.length < 9) return null;
    return Number(fields[8]) / 100;
  } catch {
    return null;
  }
}

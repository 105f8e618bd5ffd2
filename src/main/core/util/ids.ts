import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * The random part of the ids, drawn from the system's strong source a thousand values at a time: the
 * library's own source refills every eight values, and an import of 100,000 rows makes some 230,000 ids
 * (a resident, their event, a household…): 230,000 ids took 120–200 ms with its source, 70–95 ms with this
 * one (load 6).
 */
class PooledRandom {
  private readonly pool = new Uint32Array(1024);
  private next = this.pool.length;

  nextUint32(): number {
    if (this.next === this.pool.length) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    return this.pool[this.next++]!;
  }
}

const generator = new V7Generator(new PooledRandom());

/** Globally unique, time-ordered ids, so that several workstations' data can merge without collisions. */
export function newId(): string {
  return generator.generate().toString();
}

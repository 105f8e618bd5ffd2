import { uuidv7 } from 'uuidv7';

/** Globally unique, time-ordered ids, so that several workstations' data can merge without collisions. */
export function newId(): string {
  return uuidv7();
}

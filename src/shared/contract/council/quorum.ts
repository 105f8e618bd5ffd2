import type { QuorumRule } from './types';

/**
 * The fewest present voters that make a quorum of `base` (never fewer than one). Shared so that the
 * meeting page shows the quorum live while the roll is taken, with the same arithmetic core enforces.
 */
export function quorumNeeded(base: number, rule: QuorumRule): number {
  const needed = rule.strict ? Math.floor((rule.num * base) / rule.den) + 1 : Math.ceil((rule.num * base) / rule.den);
  return Math.max(1, needed);
}

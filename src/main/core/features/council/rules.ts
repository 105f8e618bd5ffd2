// The council's arithmetic, pure: who makes a quorum, whether a motion passed, the statutory defaults per
// body. Integers only (no 0.6666…): a fraction is compared by cross-multiplying.

import type { BodyKind, QuorumRule, Tally, Threshold } from '../../../../shared/contract/council';
import { quorumNeeded } from '../../../../shared/contract/council/quorum';

export { quorumNeeded };

/**
 * The statute's rule for each kind of body (DOMAIN.md §5, §7): 居民会议 more than half of its base and
 * decisions by more than half of those present (组织法 第9条); 居民代表会议 at least 2/3; 居委会 by
 * majority (第11条); 协商议事 by simple majority of votes cast (罗伯特议事规则: abstentions do not count);
 * the 低保 民主评议 panel at least 2/3 present and ≥ 2/3 to pass (configurable per body).
 */
export const statutoryRules: Record<BodyKind, { quorum: QuorumRule; threshold: Threshold; membersVote: boolean }> = {
  resident_assembly: { quorum: { num: 1, den: 2, strict: true }, threshold: 'present_majority', membersVote: true },
  representatives: { quorum: { num: 2, den: 3, strict: false }, threshold: 'present_majority', membersVote: true },
  committee: { quorum: { num: 1, den: 2, strict: true }, threshold: 'present_majority', membersVote: true },
  consultation: { quorum: { num: 1, den: 2, strict: true }, threshold: 'cast_majority', membersVote: true },
  // 居务监督委员会: a voice at the meetings it attends, no vote.
  supervision: { quorum: { num: 1, den: 2, strict: true }, threshold: 'present_majority', membersVote: false },
  special_committee: { quorum: { num: 1, den: 2, strict: true }, threshold: 'present_majority', membersVote: true },
  dibao_panel: { quorum: { num: 2, den: 3, strict: false }, threshold: 'two_thirds_present', membersVote: true },
};

export function isQuorate(present: number, base: number, rule: QuorumRule): boolean {
  return present >= quorumNeeded(base, rule);
}

/**
 * Whether a motion passed. `eligible` is the present voters less the recused.
 * - cast_majority: more for than against; abstentions are not counted; a tie fails.
 * - present_majority: more than half of the eligible present vote for (an abstention counts as not for).
 * - two_thirds_present: at least two thirds of the eligible present vote for.
 * Nobody voting for never passes.
 */
export function motionPasses(threshold: Threshold, tally: Tally, eligible: number): boolean {
  if (tally.for === 0) return false;
  switch (threshold) {
    case 'cast_majority':
      return tally.for > tally.against;
    case 'present_majority':
      return tally.for * 2 > eligible;
    case 'two_thirds_present':
      return tally.for * 3 >= eligible * 2;
  }
}

/** 居民会议 must be convened when at least 1/5 of its base asks (组织法 第10条). */
export function requestIsEnough(count: number, base: number): boolean {
  return base > 0 && count * 5 >= base;
}

import { describe, expect, it } from 'vitest';
import { isQuorate, motionPasses, quorumNeeded, requestIsEnough, statutoryRules } from '../../../src/main/core/features/council/rules';

const half = statutoryRules.resident_assembly.quorum; // > 1/2
const twoThirds = statutoryRules.representatives.quorum; // ≥ 2/3

describe('quorum', () => {
  it('居民会议: more than half; exactly half is not enough', () => {
    expect(quorumNeeded(10, half)).toBe(6);
    expect(isQuorate(5, 10, half)).toBe(false);
    expect(isQuorate(6, 10, half)).toBe(true);
    expect(quorumNeeded(9, half)).toBe(5);
    expect(isQuorate(4, 9, half)).toBe(false);
    expect(quorumNeeded(1, half)).toBe(1);
  });

  it('居民代表会议 and 评议: at least two thirds; exactly two thirds is enough', () => {
    expect(quorumNeeded(9, twoThirds)).toBe(6);
    expect(isQuorate(6, 9, twoThirds)).toBe(true);
    expect(isQuorate(5, 9, twoThirds)).toBe(false);
    expect(quorumNeeded(10, twoThirds)).toBe(7); // 6.67 rounds up
    expect(isQuorate(6, 10, twoThirds)).toBe(false);
    expect(statutoryRules.dibao_panel.quorum).toEqual(twoThirds);
  });

  it('an empty body never has a quorum', () => {
    expect(quorumNeeded(0, half)).toBe(1);
    expect(quorumNeeded(0, twoThirds)).toBe(1);
    expect(isQuorate(0, 0, twoThirds)).toBe(false);
  });

  it('a configured rule (at least 3/4) is followed', () => {
    expect(quorumNeeded(8, { num: 3, den: 4, strict: false })).toBe(6);
    expect(quorumNeeded(8, { num: 3, den: 4, strict: true })).toBe(7);
  });
});

describe('motion thresholds', () => {
  it('simple majority of votes cast: abstentions do not count, a tie fails', () => {
    expect(motionPasses('cast_majority', { for: 3, against: 2, abstain: 10 }, 15)).toBe(true);
    expect(motionPasses('cast_majority', { for: 4, against: 4, abstain: 1 }, 9)).toBe(false);
    expect(motionPasses('cast_majority', { for: 0, against: 0, abstain: 5 }, 5)).toBe(false);
  });

  it('more than half of those present: an abstention counts as not for, half is not more than half', () => {
    expect(motionPasses('present_majority', { for: 5, against: 0, abstain: 5 }, 10)).toBe(false);
    expect(motionPasses('present_majority', { for: 6, against: 0, abstain: 4 }, 10)).toBe(true);
    expect(motionPasses('present_majority', { for: 5, against: 4, abstain: 0 }, 9)).toBe(true);
    // Present but not voting still counts in the base.
    expect(motionPasses('present_majority', { for: 5, against: 1, abstain: 0 }, 11)).toBe(false);
  });

  it('two thirds of those present: exactly two thirds passes, one short fails', () => {
    expect(motionPasses('two_thirds_present', { for: 6, against: 3, abstain: 0 }, 9)).toBe(true);
    expect(motionPasses('two_thirds_present', { for: 5, against: 3, abstain: 1 }, 9)).toBe(false);
    expect(motionPasses('two_thirds_present', { for: 7, against: 0, abstain: 3 }, 10)).toBe(true);
    expect(motionPasses('two_thirds_present', { for: 6, against: 0, abstain: 4 }, 10)).toBe(false);
  });
});

describe('a 居民会议 on request (组织法 第10条)', () => {
  it('needs at least one fifth', () => {
    expect(requestIsEnough(20, 100)).toBe(true);
    expect(requestIsEnough(19, 100)).toBe(false);
    expect(requestIsEnough(1, 0)).toBe(false);
  });
});

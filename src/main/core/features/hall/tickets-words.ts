// The few words the ticket records and printouts share (history lines, receipts, the ledger): Chinese, as
// the hall's paper records are kept in Chinese whatever the screen's language.

import type { MaterialForm, RegisterOutcome, TicketKind, TicketStatus } from '../../../../shared/contract/hall';

export const kindWords: Record<TicketKind, string> = { application: '办理', enquiry: '咨询', complaint: '投诉' };

export const statusWords: Record<TicketStatus, string> = {
  notified: '已告知待补正',
  accepted: '已受理',
  transferred: '已转办',
  completed: '已办结',
  refused: '不予受理',
};

export const outcomeWords: Record<RegisterOutcome, string> = { accept: '受理', accept_deficient: '容缺受理', notify: '一次性告知', answer: '当场答复' };

export const formWords: Record<MaterialForm, string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };

export const ratingWords: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** 张三、李四 */
export function listWords(names: readonly string[]): string {
  return names.join('、');
}

/** The promise as people say it: 即办 for 0, else "N 个工作日". */
export function timeLimitWords(days: number | null): string {
  if (days === null) return '';
  return days === 0 ? '即办' : `${days} 个工作日`;
}

/** 2026-11-20 → 2026年11月20日 (dates on printed documents, GB/T 9704). */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

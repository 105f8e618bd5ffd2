import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { DocumentModel } from '../../../documents/model';
import { findProfile } from '../../../community/profile';

/** What every council document shares: the community's letterhead, the page words, when it was made. */
export type DocumentFrame = Pick<DocumentModel, 'letterhead' | 'labels' | 'generatedAt'>;

export async function documentFrame(db: Kysely<Database>, now: Date): Promise<DocumentFrame> {
  const profile = await findProfile(db);
  return {
    letterhead: {
      communityName: profile?.community_name ?? '',
      unitName: profile?.unit_name ?? '',
      streetOffice: profile?.street_office || undefined,
      sealImageDataUrl: profile?.seal_image ?? undefined,
    },
    // Official documents are printed in Chinese (GB/T 9704); so are their page words.
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: now.toISOString(),
  };
}

/** 2026-11-20 → 2026年11月20日 (GB/T 9704 dates in Arabic numerals). */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 1 → 一, … 10 → 十, 11 → 十一 (heading numbers 一、二、). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

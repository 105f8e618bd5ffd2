// 窗口规则: the hall's local rules, kept in the foundation's key-value settings table under hall.* keys
// (the foundation's readSettings reads only its own keys, so these never reach community.settings).

import type { Kysely } from 'kysely';
import type { HallSettings } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';

/**
 * What a hall works with until it saves its own. 5 working days is the common local practice for
 * 首问负责制 replies (no national rule sets one); 1 working day for a 差评's follow-up is 安阳市政务服务条例
 * 第52条's; 2 working days of warning is what the board has always shown. Other places allow longer
 * (DOMAIN.md §9), so each is the hall's to change on the 窗口规则 tab.
 */
export const defaultHallSettings: HallSettings = {
  replyWorkingDays: 5,
  followUpWorkingDays: 1,
  dueSoonWorkingDays: 2,
};

const settingNames = Object.keys(defaultHallSettings) as (keyof HallSettings)[];

/** The settings table's key of each rule: hall.replyWorkingDays, … */
export const hallSettingKey = (name: keyof HallSettings): string => `hall.${name}`;

/** Read afresh on every call (another desk may have changed them); what is not stored takes its default. */
export async function readHallSettings(db: Kysely<Database>): Promise<HallSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).where('key', 'in', settingNames.map(hallSettingKey)).execute();
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
  const out = { ...defaultHallSettings };
  for (const name of settingNames) {
    const value = stored.get(hallSettingKey(name));
    if (typeof value === 'number' && Number.isInteger(value)) out[name] = value;
  }
  return out;
}

export async function writeHallSettings(db: Kysely<Database>, next: HallSettings, at: string, by: string | null): Promise<void> {
  for (const name of settingNames) {
    const row = { value_json: JSON.stringify(next[name]), updated_at: at, updated_by: by };
    await db
      .insertInto('settings')
      .values({ key: hallSettingKey(name), ...row })
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
  }
}

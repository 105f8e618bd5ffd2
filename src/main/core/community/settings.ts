import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { queryShape } from '../db/query-shape';
import type { Settings } from '../../../shared/contract/community';

export const defaultSettings: Settings = {
  idleLockMinutes: 10,
  timeZone: 'Asia/Shanghai',
  // Grandfather-father-son rotation of the automatic backups.
  backupKeep: { daily: 7, weekly: 4, monthly: 12 },
};

const allSettings = queryShape<Record<string, never>, { key: string; value_json: string }>([], (db) => db.selectFrom('settings').select(['key', 'value_json']));

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await allSettings.execute(db, {});
  // The table also holds areas' own keys (the hall's hall.*): only the foundation's are its settings.
  const stored = Object.fromEntries(rows.filter((r) => Object.hasOwn(defaultSettings, r.key)).map((r) => [r.key, JSON.parse(r.value_json)]));
  return { ...defaultSettings, ...stored } as Settings;
}

export async function writeSettings(db: Kysely<Database>, next: Settings, at: string, by: string | null): Promise<void> {
  for (const [key, value] of Object.entries(next)) {
    await db
      .insertInto('settings')
      .values({ key, value_json: JSON.stringify(value), updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value), updated_at: at, updated_by: by }))
      .execute();
  }
}

const oneSetting = queryShape<{ key: keyof Settings }, { value_json: string }>(['key'], (db, v) =>
  db.selectFrom('settings').select('value_json').where('key', '=', v.key),
);

/** One setting, read afresh (another desk may have changed it), or its default: a single-row look-up. */
export async function readSetting<K extends keyof Settings>(db: Kysely<Database>, key: K): Promise<Settings[K]> {
  const [row] = await oneSetting.execute(db, { key });
  return row ? (JSON.parse(row.value_json) as Settings[K]) : defaultSettings[key];
}

export async function idleLockMs(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'idleLockMinutes').executeTakeFirst();
  const minutes = row ? Number(JSON.parse(row.value_json)) : defaultSettings.idleLockMinutes;
  return minutes * 60_000;
}

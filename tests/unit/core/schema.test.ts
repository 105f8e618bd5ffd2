import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/main/core/db/schema';
import { openTestHall } from '../support/core';
import { councilColumns } from '../council/columns';
import { charityColumns } from '../charity/columns';
import { hallColumns } from '../hall/columns';

/**
 * The Kysely types are written by hand beside the migrations. This list must name every column of every
 * table: the compiler checks it against the types (both ways, below), the test against the real file.
 */
const columns = {
  users: ['id', 'username', 'display_name', 'password_hash', 'roles_json', 'disabled', 'last_login_at', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  community_profile: [
    'id',
    'community_name',
    'street_office',
    'unit_name',
    'address',
    'service_phone',
    'complaint_phone',
    'seal_image',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  settings: ['key', 'value_json', 'updated_at', 'updated_by'],
  audit_log: [
    'seq',
    'id',
    'at',
    'actor_id',
    'actor_name',
    'workstation',
    'action',
    'area',
    'record_type',
    'record_id',
    'summary',
    'before_json',
    'after_json',
    'prev_hash',
    'hash',
  ],
  backups: ['id', 'at', 'kind', 'path', 'bytes', 'ok', 'problem', 'counts_json', 'created_by', 'sha256'],
  sessions: ['token_hash', 'user_id', 'host_id', 'workstation', 'created_at', 'ended_at', 'ended_reason'],
  login_failures: ['username', 'failures', 'last_failed_at'],
  field_key_check: ['id', 'check_value', 'created_at'],
  grids: [
    'id',
    'code',
    'name',
    'worker_user_id',
    'worker_name',
    'worker_phone',
    'complaint_phone',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  compounds: ['id', 'name', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  buildings: ['id', 'compound_id', 'grid_id', 'name', 'floors', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  houses: [
    'id',
    'building_id',
    'unit',
    'floor',
    'room',
    'address_key',
    'use',
    'owner_name',
    'landlord_name',
    'lease_start',
    'lease_end',
    'rental_registration_no',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  households: [
    'id',
    'number',
    'house_id',
    'head_resident_id',
    'residence_relation',
    'last_visit_on',
    'next_visit_due',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  residents: [
    'id',
    'name',
    'former_names',
    'name_pinyin',
    'name_initials',
    'doc_type',
    'id_cipher',
    'id_hash',
    'id_tail_rev',
    'id_masked',
    'birth_date',
    'gender',
    'region_code',
    'phone_cipher',
    'phone_last4',
    'phone_masked',
    'status',
    'residence_reason',
    'registered_on',
    'permit_expires_on',
    'id_card_expires_on',
    'id_card_long_term',
    'ethnicity',
    'education',
    'marital_status',
    'occupation',
    'notes',
    'household_id',
    'relation_to_head',
    'grid_id',
    'building_id',
    'house_id',
    'moved_in_on',
    'moved_out_on',
    'died_on',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  tags: ['id', 'name', 'colour', 'sort', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  resident_tags: ['resident_id', 'tag_id', 'created_at', 'created_by', 'archived', 'status', 'birth_date', 'name_pinyin', 'name', 'grid_id'],
  visit_policy: ['id', 'kind', 'match', 'interval_days', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  visits: [
    'id',
    'household_id',
    'visited_on',
    'visitor_user_id',
    'visitor_name',
    'outcome',
    'checklist_json',
    'notes',
    'follow_up',
    'follow_up_note',
    'created_at',
    'created_by',
  ],
  resident_events: ['id', 'resident_id', 'at', 'on_date', 'actor_id', 'actor_name', 'kind', 'detail_json'],
  code_lists: ['list', 'code', 'label', 'sort'],
  resident_unplaced: ['resident_id', 'reason', 'created_at', 'created_by'],
  import_mappings: ['id', 'name', 'mapping_json', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  ...councilColumns,
  number_sequences: ['name', 'year', 'last'],
  ...charityColumns,
  ...hallColumns,
} satisfies { [T in keyof Database]: (keyof Database[T])[] };

// Compile-time: a column in the types but missing from the list above is an error here.
type Unlisted<T extends keyof Database> = Exclude<keyof Database[T], (typeof columns)[T][number]>;
const everyColumnListed: { [T in keyof Database]: [Unlisted<T>] extends [never] ? true : Unlisted<T> } = Object.fromEntries(
  Object.keys(columns).map((t) => [t, true]),
) as never;

describe('schema', () => {
  it('the Kysely types name exactly the columns of the real tables, and every table is STRICT', async () => {
    expect(Object.values(everyColumnListed).every(Boolean)).toBe(true);
    const hall = await openTestHall();
    const sqlite = hall.core.services.sqlite;
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(Object.keys(columns).sort());
    for (const t of tables) {
      expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
      const real = (sqlite.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(real, t.name).toEqual([...columns[t.name as keyof typeof columns]].sort());
    }
    await hall.close();
  });

  it('foreign keys hold in a fresh file', async () => {
    const hall = await openTestHall();
    expect(hall.core.services.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    await hall.close();
  });
});

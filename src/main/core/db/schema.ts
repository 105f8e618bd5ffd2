import type { CharityTables } from '../features/charity/schema';
import type { Generated } from 'kysely';
import type { CouncilTables } from '../features/council/tables';
import type { HallTables } from '../features/hall/tables';

/**
 * The Kysely view of the tables, written by hand beside the migrations (a test checks it against the
 * real file). SQLite is honest here: booleans are 0/1 and instants are ISO text.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles_json: string;
  disabled: number;
  last_login_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface CommunityProfileTable {
  id: string;
  community_name: string;
  street_office: string;
  unit_name: string;
  address: string;
  service_phone: string;
  complaint_phone: string;
  seal_image: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  workstation: string;
  action: string;
  area: string;
  record_type: string | null;
  record_id: string | null;
  summary: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface BackupsTable {
  id: string;
  at: string;
  kind: string;
  path: string;
  bytes: number;
  ok: number;
  problem: string | null;
  counts_json: string;
  created_by: string | null;
  /** Hex SHA-256 of the copy when it was made; null for older records. */
  sha256: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  host_id: string;
  workstation: string;
  created_at: string;
  ended_at: string | null;
  ended_reason: 'logout' | 'disabled' | 'password_reset' | 'restore' | 'closed' | null;
}

export interface LoginFailuresTable {
  /** Lower-cased, as typed: unknown names are counted too. */
  username: string;
  failures: number;
  last_failed_at: string;
}

export interface FieldKeyCheckTable {
  id: number;
  check_value: string;
  created_at: string;
}

interface Stamped {
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface GridsTable extends Stamped {
  id: string;
  code: string;
  name: string;
  worker_user_id: string | null;
  worker_name: string;
  worker_phone: string;
  complaint_phone: string;
  archived: number;
}

export interface CompoundsTable extends Stamped {
  id: string;
  name: string;
}

export interface BuildingsTable extends Stamped {
  id: string;
  compound_id: string;
  grid_id: string;
  name: string;
  floors: number;
}

export interface HousesTable extends Stamped {
  id: string;
  building_id: string;
  unit: string;
  floor: number;
  room: string;
  address_key: string;
  use: string;
  owner_name: string;
  landlord_name: string;
  lease_start: string | null;
  lease_end: string | null;
  rental_registration_no: string;
}

export interface HouseholdsTable extends Stamped {
  id: string;
  number: string;
  house_id: string | null;
  head_resident_id: string | null;
  residence_relation: string;
  last_visit_on: string | null;
  next_visit_due: string | null;
  archived: number;
}

export interface ResidentsTable extends Stamped {
  id: string;
  name: string;
  former_names: string;
  name_pinyin: string;
  name_initials: string;
  doc_type: string;
  id_cipher: string | null;
  id_hash: string | null;
  id_tail_rev: string;
  id_masked: string;
  birth_date: string | null;
  gender: string | null;
  region_code: string | null;
  phone_cipher: string | null;
  phone_last4: string;
  phone_masked: string;
  status: string;
  residence_reason: string;
  registered_on: string | null;
  permit_expires_on: string | null;
  id_card_expires_on: string | null;
  /** 1: a 长期有效 card, which has no expiry date. */
  id_card_long_term: number;
  ethnicity: string;
  education: string;
  marital_status: string;
  occupation: string;
  notes: string;
  household_id: string | null;
  relation_to_head: string;
  grid_id: string | null;
  building_id: string | null;
  house_id: string | null;
  moved_in_on: string | null;
  moved_out_on: string | null;
  died_on: string | null;
  archived: number;
}

export interface TagsTable extends Stamped {
  id: string;
  name: string;
  colour: string;
  sort: number;
}

/** A resident's tag. The resident's sort keys and list filters are copied in by triggers (0005). */
export interface ResidentTagsTable {
  resident_id: string;
  tag_id: string;
  created_at: string;
  created_by: string | null;
  archived: Generated<number>;
  status: Generated<string>;
  birth_date: Generated<string | null>;
  name_pinyin: Generated<string>;
  name: Generated<string>;
  /** The resident's grid, kept by the same triggers (migration 0017). */
  grid_id: Generated<string | null>;
}

export interface VisitPolicyTable extends Stamped {
  id: string;
  kind: string;
  match: string;
  interval_days: number;
}

export interface VisitsTable {
  id: string;
  household_id: string;
  visited_on: string;
  visitor_user_id: string | null;
  visitor_name: string;
  outcome: string;
  checklist_json: string;
  notes: string;
  follow_up: number;
  follow_up_note: string;
  created_at: string;
  created_by: string | null;
}

export interface ResidentEventsTable {
  id: string;
  resident_id: string;
  at: string;
  on_date: string | null;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  detail_json: string;
}

/** 暂不登记到户: why a resident was saved without a household on purpose (0012); gone once they are placed. */
export interface ResidentUnplacedTable {
  resident_id: string;
  reason: string;
  created_at: string;
  created_by: string | null;
}

export interface CodeListsTable {
  list: string;
  code: string;
  label: string;
  sort: number;
}

export interface ImportMappingsTable extends Stamped {
  id: string;
  name: string;
  mapping_json: string;
}

export interface NumberSequencesTable {
  name: string;
  year: number;
  last: number;
}

export interface Database extends CouncilTables, CharityTables, HallTables {
  number_sequences: NumberSequencesTable;
  users: UsersTable;
  community_profile: CommunityProfileTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  backups: BackupsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  field_key_check: FieldKeyCheckTable;
  grids: GridsTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  houses: HousesTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  tags: TagsTable;
  resident_tags: ResidentTagsTable;
  visit_policy: VisitPolicyTable;
  visits: VisitsTable;
  resident_events: ResidentEventsTable;
  code_lists: CodeListsTable;
  resident_unplaced: ResidentUnplacedTable;
  import_mappings: ImportMappingsTable;
}

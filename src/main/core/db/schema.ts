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
}

export interface Database {
  users: UsersTable;
  community_profile: CommunityProfileTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  backups: BackupsTable;
}

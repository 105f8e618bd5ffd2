// The council's tables as Kysely sees them (migrations 0011 and 0012); merged into the app's Database in db/schema.ts.

interface Stamped {
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface CouncilBodiesTable extends Stamped {
  id: string;
  kind: string;
  name: string;
  assembly_form: string | null;
  quorum_num: number;
  quorum_den: number;
  quorum_strict: number;
  default_threshold: string;
  archived: number;
}

export interface CouncilMembersTable extends Stamped {
  id: string;
  body_id: string;
  resident_id: string | null;
  household_id: string | null;
  name: string;
  role: string;
  votes: number;
  term_start: string;
  term_end: string | null;
  archived: number;
}

export interface CouncilMeetingsTable extends Stamped {
  id: string;
  body_id: string;
  title: string;
  convener: string;
  request_count: number | null;
  request_base: number | null;
  request_note: string;
  held_on: string;
  start_time: string;
  place: string;
  chair_name: string;
  recorder_name: string;
  state: string;
  notified_on: string | null;
  opened_at: string | null;
  closed_at: string | null;
  quorum_base: number | null;
  quorum_needed: number | null;
  present_voting: number | null;
  quorate: number | null;
}

export interface CouncilAgendaItemsTable extends Stamped {
  id: string;
  meeting_id: string;
  seq: number;
  title: string;
  category: string;
  source: string;
  source_ref: string;
}

export interface CouncilRollTable {
  meeting_id: string;
  seq: number;
  member_id: string | null;
  name: string;
  role: string;
  status: string;
  reason: string;
  votes: number;
}

export interface CouncilMotionsTable extends Stamped {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  seq: number;
  title: string;
  discussion: string;
  method: string;
  threshold: string;
  state: string;
  eligible: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  passed: number | null;
  entered_by: string | null;
  entered_at: string | null;
  checked_by: string | null;
  checked_at: string | null;
}

export interface CouncilRecusalsTable {
  motion_id: string;
  member_id: string;
  reason: string;
}

export interface CouncilRollCallVotesTable {
  motion_id: string;
  member_id: string;
  choice: string;
}

export interface CouncilResolutionsTable {
  id: string;
  meeting_id: string;
  motion_id: string;
  year: number;
  seq: number;
  number: string;
  text: string;
  created_at: string;
  created_by: string | null;
}

export interface CouncilActionItemsTable extends Stamped {
  id: string;
  meeting_id: string;
  resolution_id: string | null;
  title: string;
  owner_name: string;
  due_on: string;
  status: string;
  done_on: string | null;
  result: string;
  published_on: string | null;
}

export interface CouncilMinutesTable extends Stamped {
  id: string;
  meeting_id: string;
  version: number;
  text: string;
  amend_reason: string;
  state: string;
  signed_at: string | null;
}

export interface CouncilMinutesSignaturesTable {
  minutes_id: string;
  seq: number;
  role: string;
  name: string;
  signed_at: string;
  recorded_by: string | null;
}

export interface CouncilIssuesTable extends Stamped {
  id: string;
  title: string;
  raised_by: string;
  raised_on: string;
  category: string;
  status: string;
  decision: string;
  resolution_id: string | null;
}

export interface CouncilRegisterEntriesTable extends Stamped {
  id: string;
  kind: string;
  year: number;
  on_date: string | null;
  title: string;
  text: string;
  status: string;
  resolution_id: string | null;
}

export interface CouncilTables {
  council_bodies: CouncilBodiesTable;
  council_members: CouncilMembersTable;
  council_meetings: CouncilMeetingsTable;
  council_agenda_items: CouncilAgendaItemsTable;
  council_roll: CouncilRollTable;
  council_motions: CouncilMotionsTable;
  council_recusals: CouncilRecusalsTable;
  council_roll_call_votes: CouncilRollCallVotesTable;
  council_resolutions: CouncilResolutionsTable;
  council_action_items: CouncilActionItemsTable;
  council_minutes: CouncilMinutesTable;
  council_minutes_signatures: CouncilMinutesSignaturesTable;
  council_issues: CouncilIssuesTable;
  council_register_entries: CouncilRegisterEntriesTable;
}

import type { CouncilTables } from '../../../src/main/core/features/council/tables';

/** The council's columns, spread into tests/unit/core/schema.test.ts's list of every table's columns. */
const stamp = ['created_at', 'created_by', 'updated_at', 'updated_by'] as const;
export const councilColumns = {
  council_bodies: ['id', 'kind', 'name', 'assembly_form', 'quorum_num', 'quorum_den', 'quorum_strict', 'default_threshold', 'archived', ...stamp],
  council_members: ['id', 'body_id', 'resident_id', 'household_id', 'name', 'role', 'votes', 'term_start', 'term_end', 'archived', ...stamp],
  council_meetings: [
    'id', 'body_id', 'title', 'convener', 'request_count', 'request_base', 'request_note', 'held_on', 'start_time', 'place', 'chair_name', 'recorder_name', 'state',
    'notified_on', 'opened_at', 'closed_at', 'quorum_base', 'quorum_needed', 'present_voting', 'quorate', ...stamp,
  ],
  council_agenda_items: ['id', 'meeting_id', 'seq', 'title', 'category', 'source', 'source_ref', ...stamp],
  council_roll: ['meeting_id', 'seq', 'member_id', 'name', 'role', 'status', 'reason', 'votes'],
  council_motions: [
    'id', 'meeting_id', 'agenda_item_id', 'seq', 'title', 'discussion', 'method', 'threshold', 'state', 'eligible', 'votes_for', 'votes_against', 'votes_abstain', 'passed',
    'entered_by', 'entered_at', 'checked_by', 'checked_at', ...stamp,
  ],
  council_recusals: ['motion_id', 'member_id', 'reason'],
  council_roll_call_votes: ['motion_id', 'member_id', 'choice'],
  council_resolutions: ['id', 'meeting_id', 'motion_id', 'year', 'seq', 'number', 'text', 'created_at', 'created_by'],
  council_action_items: ['id', 'meeting_id', 'resolution_id', 'title', 'owner_name', 'due_on', 'status', 'done_on', 'result', 'published_on', ...stamp],
  council_minutes: ['id', 'meeting_id', 'version', 'text', 'amend_reason', 'state', 'signed_at', ...stamp],
  council_minutes_signatures: ['minutes_id', 'seq', 'role', 'name', 'signed_at', 'recorded_by'],
  council_issues: ['id', 'title', 'raised_by', 'raised_on', 'category', 'status', 'decision', 'resolution_id', ...stamp],
  council_register_entries: ['id', 'kind', 'year', 'on_date', 'title', 'text', 'status', 'resolution_id', ...stamp],
} satisfies { [T in keyof CouncilTables]: (keyof CouncilTables[T])[] };

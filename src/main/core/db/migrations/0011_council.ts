import { sql, type Kysely } from 'kysely';

/**
 * The residents' council (居民议事): bodies and their members, meetings with a roll frozen at opening, agenda
 * items sorted by 三事分流, motions with their tallies, numbered resolutions, action items and minutes.
 *
 * What the law or the record makes final is enforced here as well as in the service, so that a repair script
 * cannot quietly change it either: the roll cannot change once a meeting is open, a decided motion keeps its
 * tally, resolutions are never changed, and signed minutes and their signatures are never changed (an
 * amendment is a new version).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const stamp = sql.raw(`created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT`);

  // Quorum as a fraction of the base: strict = "more than" (居民会议 > 1/2), otherwise "at least" (代表会议 ≥ 2/3).
  await sql`
    CREATE TABLE council_bodies (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('resident_assembly', 'representatives', 'committee', 'consultation', 'supervision', 'special_committee', 'dibao_panel')),
      name TEXT NOT NULL UNIQUE,
      assembly_form TEXT CHECK (assembly_form IN ('all_adults', 'household_reps', 'group_reps')),
      quorum_num INTEGER NOT NULL CHECK (quorum_num > 0),
      quorum_den INTEGER NOT NULL CHECK (quorum_den > 0 AND quorum_num <= quorum_den),
      quorum_strict INTEGER NOT NULL CHECK (quorum_strict IN (0, 1)),
      default_threshold TEXT NOT NULL CHECK (default_threshold IN ('cast_majority', 'present_majority', 'two_thirds_present')),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      ${stamp},
      CHECK ((kind = 'resident_assembly') = (assembly_form IS NOT NULL))
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE council_members (
      id TEXT PRIMARY KEY,
      body_id TEXT NOT NULL REFERENCES council_bodies(id),
      resident_id TEXT REFERENCES residents(id),
      household_id TEXT REFERENCES households(id),
      name TEXT NOT NULL CHECK (length(name) > 0),
      role TEXT NOT NULL DEFAULT '',
      votes INTEGER NOT NULL CHECK (votes IN (0, 1)),
      term_start TEXT NOT NULL,
      term_end TEXT CHECK (term_end IS NULL OR term_end >= term_start),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      ${stamp}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX council_members_body ON council_members (body_id, archived, name)`.execute(db);
  // One representative per household on a household-representative roll.
  await sql`CREATE UNIQUE INDEX council_members_household ON council_members (body_id, household_id) WHERE household_id IS NOT NULL AND archived = 0`.execute(
    db,
  );

  // The 1/5 request (组织法 第10条): how many asked, out of what base; the CHECK keeps the fraction honest.
  await sql`
    CREATE TABLE council_meetings (
      id TEXT PRIMARY KEY,
      body_id TEXT NOT NULL REFERENCES council_bodies(id),
      title TEXT NOT NULL CHECK (length(title) > 0),
      convener TEXT NOT NULL DEFAULT '',
      request_count INTEGER,
      request_base INTEGER,
      request_note TEXT NOT NULL DEFAULT '',
      held_on TEXT NOT NULL,
      start_time TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      chair_name TEXT NOT NULL DEFAULT '',
      recorder_name TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL CHECK (state IN ('draft', 'notified', 'open', 'closed')),
      notified_on TEXT,
      opened_at TEXT,
      closed_at TEXT,
      quorum_base INTEGER,
      quorum_needed INTEGER,
      present_voting INTEGER,
      quorate INTEGER CHECK (quorate IN (0, 1)),
      ${stamp},
      CHECK ((request_count IS NULL) = (request_base IS NULL)),
      CHECK (request_count IS NULL OR (request_base > 0 AND request_count * 5 >= request_base)),
      CHECK (state IN ('draft', 'notified') OR (opened_at IS NOT NULL AND quorate IS NOT NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX council_meetings_date ON council_meetings (held_on)`.execute(db);
  await sql`CREATE INDEX council_meetings_body ON council_meetings (body_id, held_on)`.execute(db);

  await sql`
    CREATE TABLE council_agenda_items (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      seq INTEGER NOT NULL,
      title TEXT NOT NULL CHECK (length(title) > 0),
      category TEXT NOT NULL CHECK (category IN ('大事', '小事', '私事')),
      source TEXT NOT NULL CHECK (source IN ('register', 'resident_request', 'ticket', 'committee')),
      source_ref TEXT NOT NULL DEFAULT '',
      ${stamp},
      UNIQUE (meeting_id, seq)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE council_roll (
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      seq INTEGER NOT NULL,
      member_id TEXT REFERENCES council_members(id),
      name TEXT NOT NULL CHECK (length(name) > 0),
      role TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'leave', 'observer')),
      reason TEXT NOT NULL DEFAULT '',
      votes INTEGER NOT NULL CHECK (votes IN (0, 1)),
      PRIMARY KEY (meeting_id, seq),
      CHECK (status <> 'observer' OR votes = 0),
      CHECK (votes = 0 OR member_id IS NOT NULL)
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX council_roll_member ON council_roll (meeting_id, member_id) WHERE member_id IS NOT NULL`.execute(db);
  for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    const row = op === 'INSERT' ? 'NEW' : 'OLD';
    await sql
      .raw(
        `CREATE TRIGGER council_roll_frozen_${op.toLowerCase()} BEFORE ${op} ON council_roll
         WHEN (SELECT state FROM council_meetings WHERE id = ${row}.meeting_id) IN ('open', 'closed')
         BEGIN SELECT RAISE(ABORT, 'council.roll_frozen'); END`,
      )
      .execute(db);
  }

  await sql`
    CREATE TABLE council_motions (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      agenda_item_id TEXT REFERENCES council_agenda_items(id),
      seq INTEGER NOT NULL,
      title TEXT NOT NULL CHECK (length(title) > 0),
      discussion TEXT NOT NULL DEFAULT '',
      method TEXT NOT NULL CHECK (method IN ('hands', 'secret', 'roll_call')),
      threshold TEXT NOT NULL CHECK (threshold IN ('cast_majority', 'present_majority', 'two_thirds_present')),
      state TEXT NOT NULL CHECK (state IN ('discussion', 'entered', 'decided')),
      eligible INTEGER,
      votes_for INTEGER CHECK (votes_for >= 0),
      votes_against INTEGER CHECK (votes_against >= 0),
      votes_abstain INTEGER CHECK (votes_abstain >= 0),
      passed INTEGER CHECK (passed IN (0, 1)),
      entered_by TEXT,
      entered_at TEXT,
      checked_by TEXT,
      checked_at TEXT,
      ${stamp},
      UNIQUE (meeting_id, seq),
      CHECK (state = 'discussion' OR (votes_for + votes_against + votes_abstain <= eligible)),
      CHECK ((state = 'decided') = (passed IS NOT NULL)),
      CHECK (checked_by IS NULL OR checked_by <> entered_by)
    ) STRICT`.execute(db);
  await sql`
    CREATE TRIGGER council_motions_decided BEFORE UPDATE ON council_motions WHEN OLD.state = 'decided'
    BEGIN SELECT RAISE(ABORT, 'council.motion_decided'); END`.execute(db);
  await sql`CREATE TRIGGER council_motions_no_delete BEFORE DELETE ON council_motions BEGIN SELECT RAISE(ABORT, 'council.motion_decided'); END`.execute(db);

  await sql`
    CREATE TABLE council_recusals (
      motion_id TEXT NOT NULL REFERENCES council_motions(id),
      member_id TEXT NOT NULL REFERENCES council_members(id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      PRIMARY KEY (motion_id, member_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`
    CREATE TABLE council_roll_call_votes (
      motion_id TEXT NOT NULL REFERENCES council_motions(id),
      member_id TEXT NOT NULL REFERENCES council_members(id),
      choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
      PRIMARY KEY (motion_id, member_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  // Numbered per year without gaps (the allocator takes max + 1 inside the writing transaction).
  await sql`
    CREATE TABLE council_resolutions (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      motion_id TEXT NOT NULL UNIQUE REFERENCES council_motions(id),
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      number TEXT NOT NULL UNIQUE,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT,
      UNIQUE (year, seq)
    ) STRICT`.execute(db);
  await sql`CREATE TRIGGER council_resolutions_no_update BEFORE UPDATE ON council_resolutions BEGIN SELECT RAISE(ABORT, 'council.resolution_final'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER council_resolutions_no_delete BEFORE DELETE ON council_resolutions BEGIN SELECT RAISE(ABORT, 'council.resolution_final'); END`.execute(
    db,
  );

  await sql`
    CREATE TABLE council_action_items (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      resolution_id TEXT REFERENCES council_resolutions(id),
      title TEXT NOT NULL CHECK (length(title) > 0),
      owner_name TEXT NOT NULL CHECK (length(owner_name) > 0),
      due_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'doing', 'done', 'dropped')),
      done_on TEXT,
      result TEXT NOT NULL DEFAULT '',
      published_on TEXT,
      ${stamp},
      CHECK ((status = 'done') = (done_on IS NOT NULL)),
      CHECK (published_on IS NULL OR status = 'done')
    ) STRICT`.execute(db);
  // The follow-up list: what is still to do, soonest due first; done items leave the index.
  await sql`CREATE INDEX council_action_followup ON council_action_items (due_on) WHERE status IN ('open', 'doing')`.execute(db);
  await sql`CREATE INDEX council_action_meeting ON council_action_items (meeting_id)`.execute(db);

  await sql`
    CREATE TABLE council_minutes (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES council_meetings(id),
      version INTEGER NOT NULL CHECK (version > 0),
      text TEXT NOT NULL DEFAULT '',
      amend_reason TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL CHECK (state IN ('draft', 'signed')),
      signed_at TEXT,
      ${stamp},
      UNIQUE (meeting_id, version),
      CHECK ((state = 'signed') = (signed_at IS NOT NULL)),
      CHECK (version = 1 OR length(amend_reason) > 0)
    ) STRICT`.execute(db);
  await sql`
    CREATE TRIGGER council_minutes_signed BEFORE UPDATE ON council_minutes WHEN OLD.state = 'signed'
    BEGIN SELECT RAISE(ABORT, 'council.minutes_signed'); END`.execute(db);
  await sql`CREATE TRIGGER council_minutes_no_delete BEFORE DELETE ON council_minutes BEGIN SELECT RAISE(ABORT, 'council.minutes_signed'); END`.execute(db);

  await sql`
    CREATE TABLE council_minutes_signatures (
      minutes_id TEXT NOT NULL REFERENCES council_minutes(id),
      seq INTEGER NOT NULL,
      role TEXT NOT NULL,
      name TEXT NOT NULL CHECK (length(name) > 0),
      signed_at TEXT NOT NULL,
      recorded_by TEXT,
      PRIMARY KEY (minutes_id, seq)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TRIGGER council_signatures_insert BEFORE INSERT ON council_minutes_signatures
    WHEN (SELECT state FROM council_minutes WHERE id = NEW.minutes_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, 'council.minutes_signed'); END`.execute(db);
  await sql`CREATE TRIGGER council_signatures_no_update BEFORE UPDATE ON council_minutes_signatures BEGIN SELECT RAISE(ABORT, 'council.minutes_signed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER council_signatures_no_delete BEFORE DELETE ON council_minutes_signatures BEGIN SELECT RAISE(ABORT, 'council.minutes_signed'); END`.execute(
    db,
  );
}

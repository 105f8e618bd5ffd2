import { sql, type Kysely } from 'kysely';
import { installAppendOnlyTriggers } from '../append-only';

/**
 * The one-stop service counter (一站式服务大厅): the catalogue of services with their materials and time
 * limits, the working-day calendar's added years, tickets from registration to 办结 with their append-only
 * history, 好差评 and the follow-up a 差评 is owed. Tickets and services are never deleted; a ticket's
 * registration facts (number, applicant, service as it was) never change once written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  const stamps = `created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT`;
  const noDelete = (table: string) => run(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`);

  // materials: JSON array of { name, form, copies, issuer, required }.
  await run(`CREATE TABLE hall_services (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
    name TEXT NOT NULL CHECK (length(name) > 0),
    category TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL CHECK (length(department) > 0),
    legal_basis TEXT NOT NULL DEFAULT '',
    conditions TEXT NOT NULL DEFAULT '',
    time_limit_days INTEGER NOT NULL CHECK (time_limit_days BETWEEN 0 AND 180),
    fee TEXT NOT NULL DEFAULT '不收费',
    place TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials) AND json_type(materials) = 'array'),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    ${stamps}
  ) STRICT`);
  await noDelete('hall_services');

  // Years entered at the hall (a new notice, a correction); shipped years come from resources/data/holidays.json.
  // A year entered here replaces the shipped one for that year as a whole.
  await run(`CREATE TABLE hall_holidays (
    date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
    year INTEGER NOT NULL CHECK (year = CAST(substr(date, 1, 4) AS INTEGER)),
    kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    note TEXT NOT NULL DEFAULT '',
    ${stamps}
  ) STRICT, WITHOUT ROWID`);
  await run(`CREATE INDEX hall_holidays_year ON hall_holidays (year)`);

  // number: 受理编号, gapless per year (sequences 'hall_ticket'). The service's code, name and department are
  // copied at registration: the receipt must say what was promised then, whatever the catalogue says later.
  // materials: JSON array of { name, form, copies, required, received }; deficient_items / missing_items:
  // JSON arrays of names. ID number and phone are field-encrypted (*_cipher) and kept masked beside.
  await run(`CREATE TABLE hall_tickets (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('application', 'enquiry', 'complaint')),
    status TEXT NOT NULL CHECK (status IN ('notified', 'accepted', 'transferred', 'completed', 'refused')),
    service_id TEXT REFERENCES hall_services(id),
    service_code TEXT NOT NULL DEFAULT '',
    service_name TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    time_limit_days INTEGER CHECK (time_limit_days IS NULL OR time_limit_days BETWEEN 0 AND 180),
    resident_id TEXT REFERENCES residents(id),
    applicant_name TEXT NOT NULL CHECK (length(applicant_name) > 0),
    applicant_id_cipher TEXT,
    applicant_id_masked TEXT NOT NULL DEFAULT '',
    applicant_phone_cipher TEXT,
    applicant_phone_masked TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials) AND json_type(materials) = 'array'),
    deficient_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(deficient_items) AND json_type(deficient_items) = 'array'),
    supplement_by TEXT,
    pledge_signed INTEGER NOT NULL DEFAULT 0 CHECK (pledge_signed IN (0, 1)),
    supplemented_on TEXT,
    missing_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing_items) AND json_type(missing_items) = 'array'),
    registered_at TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    accepted_on TEXT,
    due_on TEXT,
    first_officer_id TEXT REFERENCES users(id),
    first_officer_name TEXT NOT NULL,
    handler_name TEXT NOT NULL DEFAULT '',
    transferred_to TEXT NOT NULL DEFAULT '',
    transferred_on TEXT,
    completed_on TEXT,
    result TEXT NOT NULL DEFAULT '',
    refused_reason TEXT NOT NULL DEFAULT '',
    remedies TEXT NOT NULL DEFAULT '',
    rating_level INTEGER CHECK (rating_level IS NULL OR rating_level BETWEEN 1 AND 5),
    rating_efficiency INTEGER CHECK (rating_efficiency IS NULL OR rating_efficiency BETWEEN 1 AND 5),
    rating_attitude INTEGER CHECK (rating_attitude IS NULL OR rating_attitude BETWEEN 1 AND 5),
    rating_skill INTEGER CHECK (rating_skill IS NULL OR rating_skill BETWEEN 1 AND 5),
    rating_comment TEXT NOT NULL DEFAULT '',
    rated_at TEXT,
    follow_up_due_on TEXT,
    follow_up_contacted_on TEXT,
    follow_up_verified TEXT NOT NULL DEFAULT '',
    follow_up_rectification TEXT NOT NULL DEFAULT '',
    follow_up_feedback TEXT NOT NULL DEFAULT '',
    follow_up_by_name TEXT NOT NULL DEFAULT '',
    follow_up_at TEXT,
    ${stamps},
    CHECK (kind <> 'application' OR service_id IS NOT NULL),
    CHECK (status IN ('notified', 'refused') OR accepted_on IS NOT NULL),
    CHECK (status IN ('notified', 'refused') OR due_on IS NOT NULL),
    CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
    CHECK ((rating_level IS NULL) = (rated_at IS NULL)),
    CHECK (follow_up_at IS NULL OR (rating_level IS NOT NULL AND rating_level <= 2))
  ) STRICT`);
  await noDelete('hall_tickets');
  // What was registered is the record: the number, the applicant, the service and its promise never change.
  await run(`CREATE TRIGGER hall_tickets_registration_fixed BEFORE UPDATE ON hall_tickets
    WHEN NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind OR NEW.service_id IS NOT OLD.service_id
      OR NEW.service_name IS NOT OLD.service_name OR NEW.applicant_name IS NOT OLD.applicant_name
      OR NEW.applicant_id_cipher IS NOT OLD.applicant_id_cipher OR NEW.registered_at IS NOT OLD.registered_at
      OR NEW.first_officer_name IS NOT OLD.first_officer_name OR NEW.first_officer_id IS NOT OLD.first_officer_id
      OR NEW.service_code IS NOT OLD.service_code OR NEW.department IS NOT OLD.department
      OR NEW.time_limit_days IS NOT OLD.time_limit_days OR NEW.registered_on IS NOT OLD.registered_on
      OR NEW.resident_id IS NOT OLD.resident_id OR NEW.applicant_id_masked IS NOT OLD.applicant_id_masked
      OR NEW.applicant_phone_cipher IS NOT OLD.applicant_phone_cipher OR NEW.applicant_phone_masked IS NOT OLD.applicant_phone_masked
    BEGIN SELECT RAISE(ABORT, 'hall.ticket_fixed'); END`);
  // A completed or refused ticket is closed, its dates too (按时办结率 compares completed_on with due_on); a
  // rating and a follow-up are given once, each as a whole.
  await run(`CREATE TRIGGER hall_tickets_closed BEFORE UPDATE ON hall_tickets
    WHEN OLD.status IN ('completed', 'refused') AND (NEW.status IS NOT OLD.status OR NEW.result IS NOT OLD.result
      OR NEW.refused_reason IS NOT OLD.refused_reason OR NEW.completed_on IS NOT OLD.completed_on
      OR NEW.accepted_on IS NOT OLD.accepted_on OR NEW.due_on IS NOT OLD.due_on OR NEW.remedies IS NOT OLD.remedies)
    BEGIN SELECT RAISE(ABORT, 'hall.ticket_closed'); END`);
  await run(`CREATE TRIGGER hall_tickets_rated_once BEFORE UPDATE ON hall_tickets
    WHEN (OLD.rated_at IS NOT NULL AND (NEW.rated_at IS NOT OLD.rated_at OR NEW.rating_level IS NOT OLD.rating_level
        OR NEW.rating_efficiency IS NOT OLD.rating_efficiency OR NEW.rating_attitude IS NOT OLD.rating_attitude
        OR NEW.rating_skill IS NOT OLD.rating_skill OR NEW.rating_comment IS NOT OLD.rating_comment
        OR NEW.follow_up_due_on IS NOT OLD.follow_up_due_on))
      OR (OLD.follow_up_at IS NOT NULL AND (NEW.follow_up_at IS NOT OLD.follow_up_at OR NEW.follow_up_contacted_on IS NOT OLD.follow_up_contacted_on
        OR NEW.follow_up_verified IS NOT OLD.follow_up_verified OR NEW.follow_up_rectification IS NOT OLD.follow_up_rectification
        OR NEW.follow_up_feedback IS NOT OLD.follow_up_feedback OR NEW.follow_up_by_name IS NOT OLD.follow_up_by_name))
    BEGIN SELECT RAISE(ABORT, 'hall.rated_once'); END`);
  await run(`CREATE INDEX hall_tickets_registered ON hall_tickets (registered_on, number)`);
  await run(`CREATE INDEX hall_tickets_status ON hall_tickets (status, registered_on, number)`);
  await run(`CREATE INDEX hall_tickets_open_due ON hall_tickets (due_on) WHERE status IN ('accepted', 'transferred')`);
  await run(`CREATE INDEX hall_tickets_service ON hall_tickets (service_id, registered_on)`);
  await run(`CREATE INDEX hall_tickets_resident ON hall_tickets (resident_id) WHERE resident_id IS NOT NULL`);
  // A name typed from its start: the page's order and the list's status and kind filters are in the entries, so
  // the tickets of a common surname (20,000 of 200,000 for 李) are sorted from this index alone and only the
  // page's rows are read (tickets-list.ts).
  await run(`CREATE INDEX hall_tickets_name ON hall_tickets (applicant_name, registered_on, number, status, kind)`);
  // The 督办 board's month: tickets completed in it (and on time: due_on), ratings given in it (and 差评:
  // rating_level), each counted from its index alone. Without them each count read every ticket (0.13–0.19 s
  // apiece at 200,000 tickets, `npm run bench -- --only hall`).
  await run(`CREATE INDEX hall_tickets_completed ON hall_tickets (status, completed_on, due_on)`);
  await run(`CREATE INDEX hall_tickets_rated ON hall_tickets (rated_at, rating_level) WHERE rated_at IS NOT NULL`);
  await run(`CREATE INDEX hall_tickets_follow_up ON hall_tickets (follow_up_due_on) WHERE follow_up_due_on IS NOT NULL AND follow_up_at IS NULL`);

  // The ticket's history: who did what, when. Append-only.
  await run(`CREATE TABLE hall_ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES hall_tickets(id),
    at TEXT NOT NULL,
    actor_id TEXT REFERENCES users(id),
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(`CREATE INDEX hall_ticket_events_ticket ON hall_ticket_events (ticket_id, id)`);
  await installAppendOnlyTriggers(db, 'hall_ticket_events');
}

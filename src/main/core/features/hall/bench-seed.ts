import { randomBytes } from 'node:crypto';
import type { Core } from '../../app';
import { readSettings } from '../../community/settings';
import { Rng, seedFrom, Weighted } from '../../seed/random';
import { addDays } from '../../time/calendar';
import { localDayStart, localToday } from '../../time/zone';
import { formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { loadWorkingCalendar } from './calendar';
import { seedCatalogue } from './seed';
import type { HallServicesTable } from './tables';
import { TICKET_NUMBER_PREFIX, TICKET_SEQUENCE } from './tickets-register';
import { serviceMaterials } from './tickets-repository';
import { benchApplicants, benchClerks } from './bench-seed-people';
import { TicketLife, type Clerk, type PlanContext } from './bench-seed-plan';

/** What the bench's hall holds, counted from the file after it is written. */
export interface HallBenchSeed {
  tickets: number;
  events: number;
  services: number;
  applicants: number;
  /** The first and last registration days (the last is today, when today is a working day). */
  from: string;
  today: string;
  open: number;
  overdue: number;
  notified: number;
  completed: number;
  refused: number;
  rated: number;
  bad: number;
  followedUp: number;
  followUpPending: number;
  supplementsLate: number;
  ms: number;
}

/**
 * How often a street hall is asked for each service (per hundred applications): 医保参保 and the 即办 ones
 * most, 低保 and the 20-day subsidies least. A code not listed (a catalogue changed later) counts 3.
 */
const popularity: Record<string, number> = {
  'YB-01': 22,
  'SB-01': 12,
  'JY-01': 12,
  'HJ-01': 11,
  'LN-01': 10,
  'JS-01': 8,
  'LN-02': 6,
  'CL-01': 4,
  'CL-02': 4,
  'JZ-01': 4,
  'JZ-02': 4,
  'JS-02': 3,
};

/** Years of tickets, ending today. */
const YEARS = 3;

/**
 * The hall bench's years at the counter, written into the bench's own fresh file: the demo catalogue (through
 * the catalogue's rules), six clerks (through users.create), then `tickets` tickets over the working days of
 * the three years ending today, in one transaction of prepared INSERTs: numbered per year in the order they
 * were registered (the statement allocateNumber runs), each with its history (bench-seed-plan.ts).
 * Applicants come from a pool of a third as many people (many come back), each encrypted once.
 */
export async function seedBenchTickets(core: Core, token: string, opts: { tickets: number; seed: string }): Promise<HallBenchSeed> {
  const started = performance.now();
  const { sqlite, db } = core.services;
  const admin = sqlite.prepare('SELECT id, display_name AS name FROM users LIMIT 1').get() as Clerk;
  await seedCatalogue(core.services, admin);
  const clerks: Clerk[] = [];
  for (const [i, name] of benchClerks.entries()) {
    const r = await core.call({
      method: 'users.create',
      input: { username: `clerk${i + 1}`, displayName: name, password: `bench-${randomBytes(12).toString('hex')}`, roles: ['clerk'] },
      sessionToken: token,
    });
    if (!r.ok) throw new Error(`users.create: ${r.error.code} ${r.error.message}`);
    clerks.push({ id: (r.value as { id: string }).id, name });
  }

  const { timeZone } = await readSettings(db);
  const today = localToday(core.services.now(), timeZone);
  const calendar = await loadWorkingCalendar(db);
  const days: string[] = [];
  for (let d = addDays(today, -365 * YEARS + 1); d <= today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const catalogue = (sqlite.prepare('SELECT * FROM hall_services WHERE archived = 0 ORDER BY code').all() as HallServicesTable[]).filter(
    (s) => serviceMaterials(s).length > 0,
  );
  const rng = new Rng(seedFrom(`hall-bench:${opts.seed}`));
  const applicants = benchApplicants(rng, core.services.secrets, Math.max(50, Math.round(opts.tickets / 3)));
  const dayStarts = new Map<string, number>();
  const context: PlanContext = {
    rng,
    calendar,
    today,
    services: new Weighted(catalogue.map((s) => [s, popularity[s.code] ?? 3] as const)),
    clerks,
    instant(day, minute) {
      let start = dayStarts.get(day);
      if (start === undefined) dayStarts.set(day, (start = Date.parse(localDayStart(day, timeZone))));
      return new Date(start + minute * 60_000).toISOString();
    },
  };

  const ins = {
    // The statement allocateNumber runs: numbers 1, 2, 3 … per year, gapless.
    number: sqlite
      .prepare('INSERT INTO number_sequences (name, year, last) VALUES (?, ?, 1) ON CONFLICT (name, year) DO UPDATE SET last = last + 1 RETURNING last')
      .pluck(),
    ticket: sqlite.prepare(ticketInsert()),
    event: sqlite.prepare('INSERT INTO hall_ticket_events (ticket_id, at, actor_id, actor_name, action, detail) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  sqlite.transaction(() => {
    for (let i = 0; i < opts.tickets; i++) {
      // Spread evenly over the working days, in order; within a day from 8:30 through the counter's eight hours.
      const position = (i * days.length) / opts.tickets;
      const day = days[Math.floor(position)];
      const minute = 510 + Math.floor((position - Math.floor(position)) * 480);
      const life = new TicketLife(context, day, minute, rng.pick(applicants)).plan();
      const year = Number(day.slice(0, 4));
      const id = newId();
      ins.ticket.run({ ...life.row, id, number: formatYearNumber(year, ins.number.get(TICKET_SEQUENCE, year) as number, TICKET_NUMBER_PREFIX) });
      for (const e of life.events) ins.event.run(id, e.at, e.actor.id, e.actor.name, e.action, e.detail);
    }
  })();
  // One transaction in the WAL: copied into the file, as the app's checkpoints would, so that reading it is
  // reading the file (not the WAL's index, page by page).
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { ...countSeeded(core, today), from: days[0], today, services: catalogue.length, applicants: applicants.length, ms: performance.now() - started };
}

function ticketInsert(): string {
  const columns = [
    'id',
    'number',
    'kind',
    'status',
    'service_id',
    'service_code',
    'service_name',
    'department',
    'time_limit_days',
    'resident_id',
    'applicant_name',
    'applicant_id_cipher',
    'applicant_id_masked',
    'applicant_phone_cipher',
    'applicant_phone_masked',
    'summary',
    'materials',
    'deficient_items',
    'supplement_by',
    'pledge_signed',
    'supplemented_on',
    'missing_items',
    'registered_at',
    'registered_on',
    'accepted_on',
    'due_on',
    'first_officer_id',
    'first_officer_name',
    'handler_name',
    'transferred_to',
    'transferred_on',
    'completed_on',
    'result',
    'refused_reason',
    'remedies',
    'rating_level',
    'rating_efficiency',
    'rating_attitude',
    'rating_skill',
    'rating_comment',
    'rated_at',
    'follow_up_due_on',
    'follow_up_contacted_on',
    'follow_up_verified',
    'follow_up_rectification',
    'follow_up_feedback',
    'follow_up_by_name',
    'follow_up_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ];
  return `INSERT INTO hall_tickets (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

function countSeeded(core: Core, today: string): Omit<HallBenchSeed, 'from' | 'today' | 'services' | 'applicants' | 'ms'> {
  const c = core.services.sqlite
    .prepare(
      `SELECT count(*) AS tickets,
        coalesce(sum(status IN ('accepted', 'transferred')), 0) AS open,
        coalesce(sum(status IN ('accepted', 'transferred') AND due_on < @today), 0) AS overdue,
        coalesce(sum(status = 'notified'), 0) AS notified,
        coalesce(sum(status = 'completed'), 0) AS completed,
        coalesce(sum(status = 'refused'), 0) AS refused,
        coalesce(sum(rated_at IS NOT NULL), 0) AS rated,
        coalesce(sum(rating_level <= 2), 0) AS bad,
        coalesce(sum(follow_up_at IS NOT NULL), 0) AS followedUp,
        coalesce(sum(follow_up_due_on IS NOT NULL AND follow_up_at IS NULL), 0) AS followUpPending,
        coalesce(sum(status IN ('accepted', 'transferred') AND supplement_by < @today AND supplemented_on IS NULL), 0) AS supplementsLate,
        (SELECT count(*) FROM hall_ticket_events) AS events
      FROM hall_tickets`,
    )
    .get({ today }) as Omit<HallBenchSeed, 'from' | 'today' | 'services' | 'applicants' | 'ms'>;
  return c;
}

import { sql, type Kysely } from 'kysely';
import type { CoreServices } from '../../context';
import type { Database } from '../../db/schema';
import { appendAudit } from '../../audit/repository';
import { writeTransaction } from '../../db/write-transaction';
import { readSettings } from '../../community/settings';
import { addDays } from '../../time/calendar';
import { localDayStart } from '../../time/zone';
import { Rng, seedFrom } from '../../seed/random';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar';
import type { HallServicesTable } from './tables';
import type { TicketDesk } from './tickets-desk';
import { registerTicket, type RegisterInput } from './tickets-register';
import { completeTicket, refuseTicket, supplementTicket, transferTicket } from './tickets-progress';
import { followUpTicket, rateTicket } from './tickets-rating';
import { serviceMaterials } from './tickets-repository';
import { missingRequired } from './tickets-register';
import { badComments, complaint, departmentHandlers, enquiries, goodComments, refusalReason, resident, walkIn, type Applicant } from './ticket-seed-people';

export const TICKETS_SEED_ACTION = 'hall.seed';

export interface TicketSeedCounts {
  tickets: number;
  open: number;
  overdue: number;
  notified: number;
  completed: number;
  rated: number;
}

/** How far back the demo's tickets go, in calendar days before the hall's today. */
const SEED_WINDOW_DAYS = 60;
const SEED_TICKETS = 80;

/** A step of the demo's history, done at the counter on one working day. */
type Step = (desk: TicketDesk) => Promise<void>;

/**
 * Weeks of tickets at the counter for the demo (and tests): about 80 over the 60 days before `today`, from
 * registry residents and walk-ins, under the catalogue's services: mostly completed (and rated, mostly 5 or
 * 4), some open, a few overdue, a few told what was missing (one of them later supplemented and accepted,
 * one refused), a 容缺 ticket whose supplement date has passed, enquiries answered on the spot, a complaint,
 * two 差评 (one followed up, one waiting). Every step goes through the counter's own rules (registerTicket,
 * transferTicket, …) on the day it happens, so numbers, due dates and histories are what the counter
 * would have written. Same seed, same tickets. Does nothing when the file has tickets or no services.
 */
export async function seedTickets(
  services: CoreServices,
  opts: { seed?: string; actor: { id: string | null; name: string | null }; today: string },
): Promise<TicketSeedCounts> {
  const none: TicketSeedCounts = { tickets: 0, open: 0, overdue: 0, notified: 0, completed: 0, rated: 0 };
  if (await services.db.selectFrom('hall_tickets').select('id').limit(1).executeTakeFirst()) return none;
  const write = async (db: Kysely<Database>): Promise<TicketSeedCounts> => {
    const catalogue = await db.selectFrom('hall_services').selectAll().where('archived', '=', 0).orderBy('code').execute();
    const applications = catalogue.filter((s) => serviceMaterials(s).length > 0);
    if (!applications.length) return none;
    const { timeZone } = await readSettings(db);
    const calendar = await loadWorkingCalendar(db);
    const rng = new Rng(seedFrom(`hall-tickets:${opts.seed ?? 'linli'}`));
    const people = await db
      .selectFrom('residents')
      .select(['id', 'name'])
      .where('archived', '=', 0)
      .orderBy(sql`rowid`)
      .limit(400)
      .execute();
    const plan = new TicketPlan(calendar, opts.today, rng, applications, people);
    plan.write();
    // The counter is kept by a clerk: the demo's clerk account (the charity seeder's 王窗口) when there is one.
    const clerk = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(roles_json) WHERE value = 'clerk')`)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const counter = clerk ? { id: clerk.id, name: clerk.display_name } : { id: opts.actor.id, name: opts.actor.name || '演示数据' };
    await plan.run(db, services, counter.name, counter.id, timeZone);
    const counts = await countTickets(db, opts.today);
    await appendAudit(
      db,
      {
        action: TICKETS_SEED_ACTION,
        area: 'hall',
        recordType: 'hall_ticket',
        summary: `Service counter demo tickets: ${counts.tickets}`,
        after: counts,
        actor: opts.actor,
      },
      { id: opts.actor.id, name: opts.actor.name, workstation: services.workstation },
      services.now(),
    );
    return counts;
  };
  // The area seeder may already hold a transaction; otherwise the tickets are written in one of their own.
  return services.sqlite.inTransaction ? write(services.db) : writeTransaction(services.db, services.sqlite, write);
}

async function countTickets(db: Kysely<Database>, today: string): Promise<TicketSeedCounts> {
  const rows = await db.selectFrom('hall_tickets').select(['status', 'due_on', 'rated_at']).execute();
  const open = rows.filter((r) => r.status === 'accepted' || r.status === 'transferred');
  return {
    tickets: rows.length,
    open: open.length,
    overdue: open.filter((r) => r.due_on !== null && r.due_on < today).length,
    notified: rows.filter((r) => r.status === 'notified').length,
    completed: rows.filter((r) => r.status === 'completed').length,
    rated: rows.filter((r) => r.rated_at !== null).length,
  };
}

/** The demo's history as steps on the working days of the window, written first and then run day by day. */
class TicketPlan {
  private readonly days: string[];
  private readonly steps: Step[][];
  private written = 0;

  constructor(
    private readonly calendar: WorkingCalendar,
    today: string,
    private readonly rng: Rng,
    private readonly applications: HallServicesTable[],
    private readonly people: { id: string; name: string }[],
  ) {
    this.days = [];
    for (let d = addDays(today, -SEED_WINDOW_DAYS); d < today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) this.days.push(d);
    this.steps = this.days.map(() => []);
  }

  /** The working day `n` working days before today (1: the last one), as an index into the window. */
  private back(n: number): number {
    return Math.max(0, this.days.length - n);
  }

  private on(index: number, step: Step): void {
    this.steps[Math.min(Math.max(index, 0), this.days.length - 1)].push(step);
  }

  private applicant(): Applicant {
    return this.people.length && this.rng.chance(0.7) ? resident(this.rng.pick(this.people)) : walkIn(this.rng);
  }

  private service(fits: (limit: number) => boolean): HallServicesTable {
    const fitting = this.applications.filter((s) => fits(s.time_limit_days));
    return this.rng.pick(fitting.length ? fitting : this.applications);
  }

  /** The service's materials ticked: every required one received except `missing`, optional ones at random. */
  private received(service: HallServicesTable, missing: number): RegisterInput['received'] {
    const materials = serviceMaterials(service);
    const required = materials.filter((m) => m.required).map((m) => m.name);
    const lacking = new Set<string>();
    while (lacking.size < Math.min(missing, required.length)) lacking.add(this.rng.pick(required));
    return materials.map((m) => ({ name: m.name, received: m.required ? !lacking.has(m.name) : this.rng.chance(0.5) }));
  }

  private input(service: HallServicesTable | null, over: Partial<RegisterInput>): RegisterInput {
    return {
      kind: 'application',
      serviceId: service?.id ?? null,
      outcome: 'accept',
      ...this.applicant(),
      summary: '',
      received: service ? this.received(service, 0) : [],
      supplementBy: null,
      pledgeSigned: false,
      handlerName: '',
      result: '',
      ...over,
    };
  }

  /** Registers on day `index`; `then` runs later steps with the ticket's id. */
  private register(index: number, input: RegisterInput, then: (id: () => string) => void = () => {}): void {
    let id = '';
    this.written++;
    this.on(index, async (desk) => {
      id = (await registerTicket(desk, input)).id;
    });
    then(() => id);
  }

  private rate(index: number, id: () => string, level: number, comment = ''): void {
    this.on(index, async (desk) => {
      await rateTicket(desk, {
        id: id(),
        level,
        efficiency: this.rng.chance(0.6) ? Math.min(5, level + this.rng.int(0, 1)) : null,
        attitude: this.rng.chance(0.6) ? level : null,
        skill: null,
        comment,
      });
    });
  }

  private transfer(index: number, id: () => string, department: string): void {
    const handler = this.rng.pick(departmentHandlers);
    this.on(index, (desk) => transferTicket(desk, { id: id(), department, handlerName: handler, note: '' }).then(() => {}));
  }

  private complete(index: number, id: () => string, result: string): void {
    this.on(index, (desk) => completeTicket(desk, { id: id(), result }).then(() => {}));
  }

  /** An application completed after `k` working days (transferred on the way for some), rated most times. */
  private routine(latest: number, rating?: { level: number; followUpAfter?: number }): void {
    const service = this.service(() => true);
    const limit = service.time_limit_days;
    const late = limit > 0 && this.rng.chance(0.08);
    const k = limit === 0 ? 0 : late ? limit + 1 : this.rng.int(1, limit);
    const done = rating ? latest : this.rng.int(Math.min(k + 3, latest), latest);
    // In a window too short for the limit, the application is done sooner (never later than promised).
    const reg = Math.max(0, done - k);
    this.register(reg, this.input(service, {}), (id) => {
      if (k > 1 && this.rng.chance(0.4)) this.transfer(reg + 1, id, service.department);
      this.complete(done, id, `${service.name}已办结，结果已告知申请人。`);
      if (rating) {
        this.rate(done, id, rating.level, this.rng.pick(badComments));
        const after = rating.followUpAfter;
        if (after !== undefined)
          this.on(done + after, (desk) =>
            followUpTicket(desk, {
              id: id(),
              contactedOn: desk.today,
              verified: '经核实，当日办理人数较多，等候时间较长，情况属实。',
              rectification: '高峰时段增开一个窗口，推行预约办理。',
              feedback: '已电话向申请人说明整改措施，申请人表示满意。',
            }).then(() => {}),
          );
      } else if (this.rng.chance(0.7)) {
        const roll = this.rng.next();
        this.rate(done, id, roll < 0.65 ? 5 : roll < 0.95 ? 4 : 3, this.rng.pick(goodComments));
      }
    });
  }

  write(): void {
    const e = this.days.length;
    const rng = this.rng;
    // Overdue: short limits, registered long enough ago, still open (two passed to their department).
    for (let i = 0; i < 3; i++) {
      const service = this.service((l) => l >= 3 && l <= 7);
      const reg = this.back(service.time_limit_days + 2 + rng.int(1, 4));
      this.register(reg, this.input(service, {}), (id) => {
        if (i > 0) this.transfer(reg + 1, id, service.department);
      });
    }
    // Open and on time: long limits, registered in the last days; two due within a working day or so.
    for (let i = 0; i < 7; i++) {
      const service = this.service((l) => l >= 10);
      const reg = this.back(rng.int(1, Math.min(8, service.time_limit_days)));
      this.register(reg, this.input(service, {}), (id) => {
        if (rng.chance(0.5) && reg + 1 < e) this.transfer(reg + 1, id, service.department);
      });
    }
    for (let i = 0; i < 2; i++) {
      const service = this.service((l) => l >= 3 && l <= 7);
      this.register(this.back(service.time_limit_days - i), this.input(service, {}));
    }
    // Told what is missing (一次性告知), still waiting; one supplemented two days later and accepted; one refused.
    for (const n of [2, 6, 18]) {
      const service = this.service(() => true);
      this.register(this.back(n), this.input(service, { outcome: 'notify', received: this.received(service, 1 + (n % 2)) }));
    }
    {
      const service = this.service((l) => l >= 1 && l <= 10);
      const received = this.received(service, 1);
      const lacking = missingRequired(serviceMaterials(service).map((m) => ({ ...m, received: received.find((r) => r.name === m.name)!.received })));
      const reg = this.back(16);
      this.register(reg, this.input(service, { outcome: 'notify', received }), (id) => {
        this.on(reg + 2, (desk) => supplementTicket(desk, { id: id(), items: lacking, note: '申请人补齐材料' }).then(() => {}));
        this.complete(reg + 2 + service.time_limit_days, id, `${service.name}已办结。`);
        this.rate(reg + 2 + service.time_limit_days, id, 5, '一次告知清楚，第二次就办好了');
      });
    }
    {
      const service = this.service(() => true);
      const reg = this.back(24);
      this.register(reg, this.input(service, { outcome: 'notify', received: this.received(service, 1) }), (id) => {
        this.on(reg + 3, (desk) => refuseTicket(desk, { id: id(), reason: refusalReason, remedies: '' }).then(() => {}));
      });
    }
    // 容缺受理: one whose pledged date has passed without the materials; one supplemented in time and completed.
    {
      const service = this.service((l) => l >= 10);
      const reg = this.back(8);
      const by = this.days[Math.min(reg + 3, e - 1)];
      this.register(reg, this.input(service, { outcome: 'accept_deficient', received: this.received(service, 1), supplementBy: by, pledgeSigned: true }));
    }
    {
      const service = this.service((l) => l >= 10 && l <= 20);
      const received = this.received(service, 1);
      const lacking = serviceMaterials(service)
        .filter((m) => m.required && !received.find((r) => r.name === m.name)!.received)
        .map((m) => m.name);
      const reg = this.back(34);
      const input = this.input(service, { outcome: 'accept_deficient', received, supplementBy: this.days[Math.min(reg + 4, e - 1)], pledgeSigned: true });
      this.register(reg, input, (id) => {
        this.on(reg + 2, (desk) => supplementTicket(desk, { id: id(), items: lacking, note: '' }).then(() => {}));
        this.complete(reg + Math.min(service.time_limit_days, 12), id, `${service.name}已审核通过。`);
        this.rate(reg + Math.min(service.time_limit_days, 12), id, 4);
      });
    }
    // Enquiries answered on the spot; a complaint passed to the grid station and answered.
    for (let i = 0; i < 4; i++) {
      const [summary, result] = enquiries[(i + rng.int(0, enquiries.length - 1)) % enquiries.length];
      const day = rng.int(0, e - 1);
      this.register(day, this.input(null, { kind: 'enquiry', outcome: 'answer', summary, result }), (id) => {
        if (i < 2) this.rate(day, id, 5);
      });
    }
    {
      const reg = this.back(12);
      this.register(reg, this.input(null, { kind: 'complaint', summary: complaint.summary }), (id) => {
        this.transfer(reg + 1, id, complaint.department);
        this.complete(reg + 3, id, complaint.result);
        this.rate(reg + 3, id, 4, '处理及时');
      });
    }
    // Two 差评: one followed up the next working day, one given yesterday and still owed its call.
    this.routine(this.back(12), { level: 2, followUpAfter: 1 });
    this.routine(this.back(1), { level: 1 });
    // The rest: applications completed, most on time.
    while (this.written < SEED_TICKETS) this.routine(this.back(1));
  }

  async run(db: Kysely<Database>, services: CoreServices, actorName: string, actorId: string | null, timeZone: string): Promise<void> {
    for (const [index, day] of this.days.entries()) {
      // The counter opens at 8:30; each step takes its own few minutes, so the day's history reads in order.
      let at = Date.parse(localDayStart(day, timeZone)) + 8.5 * 3_600_000;
      for (const step of this.steps[index]) {
        at += this.rng.int(4, 15) * 60_000;
        await step({
          db,
          secrets: services.secrets,
          calendar: this.calendar,
          today: day,
          at: new Date(at).toISOString(),
          actor: { id: actorId, name: actorName },
          audit: async () => {},
        });
      }
    }
  }
}

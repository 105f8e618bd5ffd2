// One ticket's life for the bench's years, as the counter's rules would have written it: the row as it
// stands today and its history lines. The words of each line are the rules' own (tickets-register.ts,
// tickets-progress.ts, tickets-rating.ts), so a bench ticket reads like a real one on its page.

import type { ReceivedMaterial } from '../../../../shared/contract/hall';
import { isBadRating } from '../../../../shared/contract/hall';
import { daysBetween } from '../../time/calendar';
import type { Rng, Weighted } from '../../seed/random';
import type { WorkingCalendar } from './calendar';
import type { HallServicesTable, HallTicketsTable } from './tables';
import { serviceMaterials } from './tickets-repository';
import { DEFAULT_REMEDIES } from './tickets-progress';
// The bench's file stores no 窗口规则, so its hall counts with the defaults as the counter would.
import { defaultHallSettings } from './hall-settings';
import { kindWords, listWords, ratingWords, timeLimitWords } from './tickets-words';
import type { BenchApplicant } from './bench-seed-people';
import {
  badComments,
  complaints,
  completionResults,
  departmentHandlers,
  enquiryAnswers,
  followUpTexts,
  goodComments,
  middlingComments,
  refusalReasons,
} from './bench-seed-people';

export interface Clerk {
  id: string;
  name: string;
}

export interface PlanContext {
  rng: Rng;
  calendar: WorkingCalendar;
  today: string;
  /** Applications' services, weighted by how often each is asked for. */
  services: Weighted<HallServicesTable>;
  clerks: readonly Clerk[];
  /** A local day and minute of the day as the instant written on the records (ISO UTC). */
  instant(day: string, minute: number): string;
}

export interface PlannedEvent {
  day: string;
  actor: Clerk;
  action: string;
  detail: string;
  /** The instant, once the history is in order (the same instant goes on the row where it has one). */
  at?: string;
  stamp?: (at: string) => void;
}

export type PlannedRow = Omit<HallTicketsTable, 'id' | 'number'>;

/** Open tickets accepted in the last this many days are sometimes still waiting on their department (逾期). */
const STUCK_WINDOW_DAYS = 120;
const STUCK_CHANCE = 0.04;
/** Finished after the promised day, among those finished. */
const LATE_CHANCE = 0.04;

export class TicketLife {
  readonly row: PlannedRow;
  readonly events: PlannedEvent[] = [];
  private readonly rng: Rng;

  constructor(
    private readonly c: PlanContext,
    private readonly registeredOn: string,
    private readonly registeredMinute: number,
    applicant: BenchApplicant,
  ) {
    this.rng = c.rng;
    const clerk = this.rng.pick(c.clerks);
    this.row = {
      kind: 'application',
      status: 'accepted',
      service_id: null,
      service_code: '',
      service_name: '',
      department: '',
      time_limit_days: null,
      resident_id: null,
      applicant_name: applicant.name,
      applicant_id_cipher: applicant.idCipher,
      applicant_id_masked: applicant.idMasked,
      applicant_phone_cipher: applicant.phoneCipher,
      applicant_phone_masked: applicant.phoneMasked,
      summary: '',
      materials: '[]',
      deficient_items: '[]',
      supplement_by: null,
      pledge_signed: 0,
      supplemented_on: null,
      missing_items: '[]',
      registered_at: '',
      registered_on: registeredOn,
      accepted_on: null,
      due_on: null,
      first_officer_id: clerk.id,
      first_officer_name: clerk.name,
      handler_name: clerk.name,
      transferred_to: '',
      transferred_on: null,
      completed_on: null,
      result: '',
      refused_reason: '',
      remedies: '',
      rating_level: null,
      rating_efficiency: null,
      rating_attitude: null,
      rating_skill: null,
      rating_comment: '',
      rated_at: null,
      follow_up_due_on: null,
      follow_up_contacted_on: null,
      follow_up_verified: '',
      follow_up_rectification: '',
      follow_up_feedback: '',
      follow_up_by_name: '',
      follow_up_at: null,
      created_at: '',
      created_by: clerk.id,
      updated_at: '',
      updated_by: clerk.id,
    };
  }

  private on(day: string, action: string, detail: string, stamp?: (at: string) => void): void {
    this.events.push({ day, actor: this.rng.pick(this.c.clerks), action, detail, stamp });
  }

  private add(day: string, n: number): string {
    return this.c.calendar.addWorkingDays(day, n);
  }

  /** Plans the whole life, then puts the history in order and gives each line its instant. */
  plan(): this {
    const roll = this.rng.next();
    if (roll < 0.88) this.application();
    else if (roll < 0.98) this.enquiry();
    else this.complaint();
    this.stampEvents();
    return this;
  }

  private register(what: string): void {
    const first = this.rng.pick(this.c.clerks);
    this.row.first_officer_id = first.id;
    this.row.first_officer_name = first.name;
    this.row.handler_name = first.name;
    this.row.created_by = this.row.updated_by = first.id;
    this.events.push({
      day: this.registeredOn,
      actor: first,
      action: 'registered',
      detail: `登记${kindWords[this.row.kind as keyof typeof kindWords]}：${what}（申请人${this.row.applicant_name}）`,
      stamp: (at) => (this.row.registered_at = this.row.created_at = at),
    });
  }

  private application(): void {
    const rng = this.rng;
    const service = this.c.services.draw(rng);
    const limit = service.time_limit_days;
    Object.assign(this.row, {
      service_id: service.id,
      service_code: service.code,
      service_name: service.name,
      department: service.department,
      time_limit_days: limit,
    });
    this.register(service.name);
    const materials = serviceMaterials(service);
    const required = materials.filter((m) => m.required).map((m) => m.name);
    const o = rng.next();
    const outcome = o < 0.03 ? 'notify' : o < 0.06 && limit >= 2 ? 'deficient' : 'accept';
    const lacking = new Set<string>();
    const wanted = outcome === 'notify' ? rng.int(1, Math.min(2, required.length)) : outcome === 'deficient' ? 1 : 0;
    while (lacking.size < wanted) lacking.add(rng.pick(required));
    const received: ReceivedMaterial[] = materials.map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      received: m.required ? !lacking.has(m.name) : rng.chance(0.5),
    }));
    const allIn = () => JSON.stringify(received.map((m) => (lacking.has(m.name) ? { ...m, received: true } : m)));
    this.row.materials = JSON.stringify(received);
    const items = listWords([...lacking]);

    if (outcome === 'notify') {
      this.row.status = 'notified';
      this.row.missing_items = JSON.stringify([...lacking]);
      this.on(this.registeredOn, 'notified', `一次性告知：缺${items}`);
      const r = rng.next();
      const back = this.add(this.registeredOn, rng.int(1, 5));
      const refusedOn = this.add(this.registeredOn, rng.int(3, 10));
      if (r < 0.7 && back <= this.c.today) {
        const due = this.add(back, limit);
        Object.assign(this.row, { status: 'accepted', materials: allIn(), accepted_on: back, due_on: due });
        this.on(back, 'supplemented', `补正${items}，材料齐全`);
        this.on(back, 'accepted', `材料齐全之日受理，承诺${timeLimitWords(limit)}${limit ? `内办结（${due}前）` : ''}`);
        this.work(back, limit, service.department, null);
      } else if (r >= 0.7 && r < 0.75 && refusedOn <= this.c.today) {
        this.refuse(refusedOn, '不予受理', rng.pick(refusalReasons));
      } else if (rng.chance(0.1)) this.rate(this.registeredOn);
      return;
    }

    const due = this.add(this.registeredOn, limit);
    const promise = `承诺${timeLimitWords(limit)}${limit === 0 ? '' : `内办结（${due}前）`}`;
    Object.assign(this.row, { accepted_on: this.registeredOn, due_on: due });
    if (outcome === 'accept') {
      this.on(this.registeredOn, 'accepted', `受理，${promise}`);
      this.work(this.registeredOn, limit, service.department, null);
      return;
    }
    // 容缺受理: most bring the item by their date, some later, a few never (refused ten working days after).
    const by = this.add(this.registeredOn, Math.min(limit, rng.int(1, 3)));
    Object.assign(this.row, { deficient_items: JSON.stringify([...lacking]), supplement_by: by, pledge_signed: 1 });
    this.on(this.registeredOn, 'accepted', `容缺受理：${items}待补正，补正期限${by}，已签署承诺书；${promise}`);
    const s = rng.next();
    const brought = s < 0.85 ? (rng.chance(0.5) ? by : this.add(this.registeredOn, 1)) : s < 0.95 ? this.add(by, rng.int(1, 5)) : null;
    if (brought && brought <= this.c.today) {
      Object.assign(this.row, { materials: allIn(), supplemented_on: brought });
      this.on(brought, 'supplemented', `补正${items}，容缺材料已补齐`);
      this.work(this.registeredOn, limit, service.department, brought);
    } else if (this.add(by, 10) <= this.c.today) {
      this.refuse(this.add(by, 10), '不予办理', '容缺受理材料逾期未补正，申请人未按承诺书约定期限补齐材料。');
    } else this.work(this.registeredOn, limit, service.department, this.c.today, false);
  }

  private enquiry(): void {
    const [question, answer] = this.rng.pick(enquiryAnswers);
    Object.assign(this.row, { kind: 'enquiry', summary: question });
    this.register(question.slice(0, 30));
    if (this.rng.chance(0.85)) {
      // 当场答复: accepted, due and completed the same day, with the answer as its result.
      const d = this.registeredOn;
      Object.assign(this.row, { status: 'completed', time_limit_days: 0, accepted_on: d, due_on: d, completed_on: d, result: answer });
      this.on(d, 'completed', '当场答复，办结');
      if (this.rng.chance(0.5)) this.rate(d);
      return;
    }
    this.acceptWithReplyLimit();
    this.work(this.registeredOn, defaultHallSettings.replyWorkingDays, '', null);
  }

  private complaint(): void {
    Object.assign(this.row, { kind: 'complaint', summary: this.rng.pick(complaints) });
    this.register(this.row.summary.slice(0, 30));
    this.acceptWithReplyLimit();
    this.work(this.registeredOn, defaultHallSettings.replyWorkingDays, '社区网格服务站', null);
  }

  private acceptWithReplyLimit(): void {
    const limit = defaultHallSettings.replyWorkingDays;
    const due = this.add(this.registeredOn, limit);
    Object.assign(this.row, { time_limit_days: limit, accepted_on: this.registeredOn, due_on: due });
    this.on(this.registeredOn, 'accepted', `受理，承诺${timeLimitWords(limit)}内办结（${due}前）`);
  }

  /**
   * From acceptance to 办结: passed to its department for half of those with three days or more, finished
   * in the limit's last 40% (4% after it), 4% of the last four months' still waiting past their day. A ticket
   * waiting for its 容缺 items is finished no sooner than they came (`notBefore`), or not at all (`finish` false).
   */
  private work(accepted: string, limit: number, department: string, notBefore: string | null, finish = true): void {
    const rng = this.rng;
    const due = this.row.due_on!;
    const handlers = departmentHandlers[department] ?? (department === '社区网格服务站' ? ['赵网格'] : null);
    if (handlers && limit >= 3 && (department === '社区网格服务站' || rng.chance(0.5))) {
      const on = this.add(accepted, 1);
      if (on <= this.c.today) {
        const handler = rng.pick(handlers);
        Object.assign(this.row, { status: 'transferred', transferred_to: department, transferred_on: on, handler_name: handler });
        this.on(on, 'transferred', `转办${department}，承办人${handler}`);
      }
    }
    const stuck = limit > 0 && daysBetween(accepted, this.c.today) <= STUCK_WINDOW_DAYS && rng.chance(STUCK_CHANCE);
    if (!finish || stuck) return;
    const late = limit > 0 && rng.chance(LATE_CHANCE);
    let done = limit === 0 ? accepted : this.add(accepted, late ? limit + rng.int(1, 5) : rng.int(Math.ceil(limit * 0.6), limit));
    if (notBefore && done < notBefore) done = notBefore;
    if (this.row.transferred_on && done < this.row.transferred_on) done = this.row.transferred_on;
    if (done > this.c.today) return;
    const result = this.row.kind === 'application' ? `${this.row.service_name}${rng.pick(completionResults)}` : '已核实处理，结果已电话告知反映人。';
    Object.assign(this.row, { status: 'completed', completed_on: done, result });
    this.on(done, 'completed', `办结${done > due ? `，超过承诺期限（${due}）` : ''}：${result.slice(0, 60)}`);
    if (rng.chance(0.62)) this.rate(done);
  }

  private refuse(on: string, words: string, reason: string): void {
    Object.assign(this.row, { status: 'refused', refused_reason: reason, remedies: DEFAULT_REMEDIES });
    this.on(on, 'refused', `${words}：${reason.slice(0, 60)}`);
  }

  /** 好差评 on the day: mostly 5 and 4 stars; a 差评 (1–2, about 3 in 1,000) is owed a call by the next working day. */
  private rate(on: string): void {
    const rng = this.rng;
    const x = rng.next();
    const level = x < 0.72 ? 5 : x < 0.93 ? 4 : x < 0.997 ? 3 : x < 0.9992 ? 2 : 1;
    const bad = isBadRating(level);
    const near = () => (rng.chance(0.6) ? Math.max(1, Math.min(5, level + rng.int(-1, 0))) : null);
    const due = bad ? this.add(on, defaultHallSettings.followUpWorkingDays) : null;
    Object.assign(this.row, {
      rating_level: level,
      rating_efficiency: near(),
      rating_attitude: near(),
      rating_skill: rng.chance(0.3) ? level : null,
      rating_comment: rng.pick(bad ? badComments : level === 3 ? middlingComments : goodComments),
      follow_up_due_on: due,
    });
    const words = `${ratingWords[level]}（${level}星）`;
    this.on(on, 'rated', bad ? `差评：${words}，须于${due}前回访核实` : `评价：${words}`, (at) => (this.row.rated_at = at));
    if (!due) return;
    // Called back on the day due mostly, some later; 2% forgotten (the board's 待回访 keeps them).
    const f = rng.next();
    const contacted = f < 0.86 ? due : f < 0.98 ? this.add(due, rng.int(1, 3)) : null;
    if (!contacted || contacted > this.c.today) return;
    const by = rng.pick(this.c.clerks);
    const verified = rng.pick(followUpTexts.verified);
    Object.assign(this.row, {
      follow_up_contacted_on: contacted,
      follow_up_verified: verified,
      follow_up_rectification: rng.pick(followUpTexts.rectification),
      follow_up_feedback: rng.pick(followUpTexts.feedback),
      follow_up_by_name: by.name,
    });
    const late = contacted > due ? `（超过回访期限${due}）` : '';
    this.events.push({
      day: contacted,
      actor: by,
      action: 'followed_up',
      detail: `${contacted}回访${late}：${verified.slice(0, 60)}`,
      stamp: (at) => (this.row.follow_up_at = at),
    });
  }

  /**
   * Days in order (the plan writes a 容缺 item's arrival after the transfer it may precede), then minutes: the
   * first line at the registration's minute, each later line on the same day a few minutes after the one before.
   */
  private stampEvents(): void {
    const ordered = this.events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.day < b.e.day ? -1 : a.e.day > b.e.day ? 1 : a.i - b.i));
    let day = '';
    let minute = 0;
    this.events.length = 0;
    for (const { e } of ordered) {
      minute = e.day === day ? minute + this.rng.int(2, 15) : e.day === this.registeredOn ? this.registeredMinute : this.rng.int(540, 1000);
      day = e.day;
      e.at = this.c.instant(e.day, minute);
      e.stamp?.(e.at);
      this.events.push(e);
    }
    const last = this.events[this.events.length - 1];
    this.row.updated_at = last.at!;
    this.row.updated_by = last.actor.id;
  }
}

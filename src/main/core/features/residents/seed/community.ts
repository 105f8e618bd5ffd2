import type { BuildingsTable, GridsTable, HouseholdsTable, HousesTable, ResidentsTable, VisitsTable } from '../../../db/schema';
import type { ResidentColumns, ResidentFields } from '../prepare';
import { newId } from '../../../util/ids';
import { Rng } from '../../../seed/random';
import { addDays, dateOfDay, dayNumber } from '../../../time/calendar';
import { compoundPhases, compoundPrefixes, compoundSuffixes, followUpNotes, visitNotes } from './data';
import { PeopleFactory, planHousehold, type Person, type PlannedHousehold } from './people';
import { houseAddressKey } from '../address';

/** A resident row but the columns derived from the fields. */
export type ResidentBase = Omit<ResidentsTable, keyof ResidentColumns>;

/** Where the generated rows go (the writer batches them into transactions). */
export interface SeedSink {
  grid(row: GridsTable): void;
  compound(row: { id: string; name: string; created_at: string; created_by: string | null; updated_at: string; updated_by: string | null }): void;
  building(row: BuildingsTable): void;
  house(row: HousesTable): void;
  household(row: HouseholdsTable): void;
  /** A resident's fields (the writer derives the stored columns) and the columns placement and history give. */
  resident(base: ResidentBase, fields: ResidentFields, tags: string[]): void;
  visit(row: VisitsTable): void;
  /** Called between buildings: a chance to commit and to let other work run. */
  checkpoint(): Promise<void>;
}

export interface VisitPolicy {
  byStatus: Map<string, number>;
  byTag: Map<string, number>;
  fallback: number;
}

export interface CommunityPlan {
  residents: number;
  today: string;
  /** The instant stamped on every row. */
  at: string;
  actorId: string | null;
  policy: VisitPolicy;
  /** The home district's code (户籍 residents come mostly from here). */
  home: string;
  /** What a previous seed (or the clerks) already used: --append continues around it. */
  taken: { compoundNames: Set<string>; gridCodes: Set<string>; householdNumbers: Set<string>; idNumber?: (n: string) => boolean };
}

export interface SeedCounts {
  grids: number;
  compounds: number;
  buildings: number;
  houses: number;
  households: number;
  residents: number;
  tags: number;
  visits: number;
}

const streetNames = [
  '青山路街道',
  '幸福路街道',
  '富强路街道',
  '自由路街道',
  '先锋道街道',
  '民主路街道',
  '友谊大街街道',
  '钢铁大街街道',
  '万青路街道',
  '科学路街道',
];

/**
 * Builds the community in the order people would see it: a compound, its buildings (each in one grid),
 * the houses, the households in them and their members, then each household's visits. Stops after
 * `plan.residents` people; the rest of the last building stays vacant.
 */
export class CommunityGenerator {
  readonly counts: SeedCounts = { grids: 0, compounds: 0, buildings: 0, houses: 0, households: 0, residents: 0, tags: 0, visits: 0 };
  private grid: { id: string; workerName: string; households: number; target: number } | null = null;
  private gridSeq = 0;
  private householdSeq = 100_000_000;
  private complaintPhone = '';
  private readonly stamp: { created_at: string; created_by: string | null; updated_at: string; updated_by: string | null };

  constructor(
    private readonly rng: Rng,
    private readonly people: PeopleFactory,
    private readonly plan: CommunityPlan,
    private readonly sink: SeedSink,
  ) {
    this.stamp = { created_at: plan.at, created_by: plan.actorId, updated_at: plan.at, updated_by: plan.actorId };
    this.gridSeq = plan.taken.gridCodes.size;
    this.householdSeq += plan.taken.householdNumbers.size;
  }

  async run(): Promise<SeedCounts> {
    while (this.counts.residents < this.plan.residents) await this.compound();
    return this.counts;
  }

  private async compound(): Promise<void> {
    const id = newId();
    this.sink.compound({ id, name: this.compoundName(), ...this.stamp });
    this.counts.compounds++;
    const kind = this.rng.next();
    // Old walk-ups (many low buildings), mid-rise and high-rise estates.
    const style = kind < 0.45 ? 'walkup' : kind < 0.75 ? 'midrise' : 'highrise';
    const buildings = style === 'walkup' ? this.rng.int(8, 30) : style === 'midrise' ? this.rng.int(6, 16) : this.rng.int(4, 12);
    for (let b = 1; b <= buildings && this.counts.residents < this.plan.residents; b++) {
      this.building(id, String(b), style);
      await this.sink.checkpoint();
    }
  }

  private compoundName(): string {
    for (;;) {
      const name = this.rng.pick(compoundPrefixes) + this.rng.pick(compoundSuffixes) + (this.rng.chance(0.8) ? '' : this.rng.pick(compoundPhases));
      if (!this.plan.taken.compoundNames.has(name)) {
        this.plan.taken.compoundNames.add(name);
        return name;
      }
    }
  }

  private currentGrid() {
    if (this.grid && this.grid.households < this.grid.target) return this.grid;
    for (;;) {
      this.gridSeq++;
      const street = Math.floor((this.gridSeq - 1) / 25);
      const inStreet = ((this.gridSeq - 1) % 25) + 1;
      const code = `${this.plan.home}${String(street + 1).padStart(3, '0')}${String(inStreet).padStart(3, '0')}`;
      if (this.plan.taken.gridCodes.has(code)) continue;
      this.plan.taken.gridCodes.add(code);
      if (inStreet === 1 || !this.complaintPhone) this.complaintPhone = this.people.landline();
      const streetName = streetNames[street % streetNames.length] + (street >= streetNames.length ? `（${Math.floor(street / streetNames.length) + 1}）` : '');
      const workerGender = this.rng.chance(0.6) ? 'female' : 'male';
      const workerName = this.people.fullName(this.people.surname(), workerGender, this.rng.int(1975, 2000), '汉族');
      const id = newId();
      this.sink.grid({
        id,
        code,
        name: `${streetName}第${inStreet}网格`,
        worker_user_id: null,
        worker_name: workerName,
        worker_phone: this.people.phone(),
        complaint_phone: this.complaintPhone,
        archived: 0,
        ...this.stamp,
      });
      this.counts.grids++;
      this.grid = { id, workerName, households: 0, target: this.rng.int(300, 500) };
      return this.grid;
    }
  }

  private building(compoundId: string, name: string, style: 'walkup' | 'midrise' | 'highrise'): void {
    const grid = this.currentGrid();
    const floors = style === 'walkup' ? this.rng.int(6, 7) : style === 'midrise' ? this.rng.int(11, 18) : this.rng.int(24, 33);
    const units = style === 'walkup' ? this.rng.int(2, 4) : style === 'midrise' ? this.rng.int(1, 3) : this.rng.int(1, 2);
    const rooms = style === 'walkup' ? 2 : this.rng.int(2, Math.min(4, Math.floor((style === 'midrise' ? 8 : 6) / units)));
    const shops = this.rng.chance(style === 'walkup' ? 0.1 : 0.3);
    const noUnits = units === 1 && this.rng.chance(0.5);
    const buildingId = newId();
    this.sink.building({ id: buildingId, compound_id: compoundId, grid_id: grid.id, name, floors, ...this.stamp });
    this.counts.buildings++;

    for (let u = 1; u <= units; u++) {
      const unit = noUnits ? '无' : String(u);
      for (let floor = 1; floor <= floors; floor++) {
        for (let r = 1; r <= rooms; r++) {
          const room = `${floor}${String(r).padStart(2, '0')}`;
          this.house(grid, buildingId, name, unit, floor, room, shops && floor === 1);
        }
      }
    }
  }

  private house(
    grid: NonNullable<CommunityGenerator['grid']>,
    buildingId: string,
    building: string,
    unit: string,
    floor: number,
    room: string,
    shop: boolean,
  ): void {
    const full = this.counts.residents >= this.plan.residents;
    const r = this.rng.next();
    const use = shop ? '商用' : full || r < 0.08 ? '空置' : r < 0.285 ? '出租' : '自住';
    const houseId = newId();
    const row: HousesTable = {
      id: houseId,
      building_id: buildingId,
      unit,
      floor,
      room,
      address_key: houseAddressKey(building, unit, room),
      use,
      owner_name: '',
      landlord_name: '',
      lease_start: null,
      lease_end: null,
      rental_registration_no: '',
      ...this.stamp,
    };
    const households: PlannedHousehold[] = [];
    let movedIn = '';
    if (use === '自住' || use === '出租') {
      const tenant = use === '出租';
      const count = tenant && this.rng.chance(0.15) ? 2 : 1;
      for (let i = 0; i < count; i++) households.push(planHousehold(this.people, this.rng, tenant));
      if (tenant) {
        row.lease_start = this.people.recentDate(households[0].status === '居住证' ? 200 : 10, households[0].status === '居住证' ? 2900 : 1095);
        row.lease_end = addDays(row.lease_start, (this.rng.chance(0.6) ? 365 : 730) - 1);
        row.landlord_name = row.owner_name = this.randomName();
        if (this.rng.chance(0.85)) row.rental_registration_no = `QS${row.lease_start.slice(0, 4)}${this.rng.digits(6)}`;
        movedIn = row.lease_start;
      } else {
        row.owner_name = households[0].members[0].name;
        movedIn = this.people.recentDate(households[0].status === '户籍' ? 30 : 200, 30 * 365);
      }
    } else {
      row.owner_name = this.randomName();
    }
    this.sink.house(row);
    this.counts.houses++;
    for (const planned of households) {
      if (this.counts.residents >= this.plan.residents) break;
      this.household(grid, buildingId, houseId, planned, movedIn);
    }
  }

  private randomName(): string {
    const gender = this.rng.chance(0.5) ? 'male' : 'female';
    return this.people.fullName(this.people.surname(), gender, this.rng.int(1950, 1995), '汉族');
  }

  private household(grid: NonNullable<CommunityGenerator['grid']>, buildingId: string, houseId: string, planned: PlannedHousehold, movedIn: string): void {
    const members = planned.members.slice(0, this.plan.residents - this.counts.residents);
    const householdId = newId();
    const residentIds = members.map(() => newId());
    const tags = members.map((p) => this.tagsFor(p, members));
    this.householdTags(members, tags);
    const interval = this.intervalFor(planned.status, tags);

    // A member who moved out or died stays on record, archived (about one household in 45).
    const archived: { person: Person; kind: 'moved_out' | 'died'; on: string } | null =
      this.counts.residents + members.length < this.plan.residents && this.rng.chance(0.022) ? this.archivedMember(planned, movedIn) : null;

    let number: string;
    do number = String(++this.householdSeq);
    while (this.plan.taken.householdNumbers.has(number));

    const { last, due, visits } = this.visitPlan(movedIn, interval);
    const relationRoll = this.rng.next();
    this.sink.household({
      id: householdId,
      number,
      house_id: houseId,
      head_resident_id: residentIds[0],
      residence_relation: relationRoll < 0.92 ? '人户一致' : relationRoll < 0.96 ? '人在户不在' : '户在人不在',
      last_visit_on: last,
      next_visit_due: due,
      archived: 0,
      ...this.stamp,
    });
    this.counts.households++;
    grid.households++;

    const place = { household_id: householdId, grid_id: grid.id, building_id: buildingId, house_id: houseId };
    members.forEach((p, i) => this.resident(residentIds[i], p, planned, movedIn, tags[i], place, null));
    if (archived) this.resident(newId(), archived.person, planned, movedIn, [], place, archived);

    visits.forEach((visitedOn, i) => {
      const latest = i === 0;
      const outcome = latest ? 'met' : this.rng.chance(0.85) ? 'met' : this.rng.chance(0.8) ? 'nobody_home' : 'refused';
      const met = outcome === 'met';
      const all = met && this.rng.chance(0.7);
      const followUp = met && this.rng.chance(0.05);
      this.sink.visit({
        id: newId(),
        household_id: householdId,
        visited_on: visitedOn,
        visitor_user_id: null,
        visitor_name: grid.workerName,
        outcome,
        checklist_json: JSON.stringify({
          family: all || (met && this.rng.chance(0.8)),
          category: all || (met && this.rng.chance(0.7)),
          facilities: all || (met && this.rng.chance(0.6)),
          hazards: all || (met && this.rng.chance(0.6)),
        }),
        notes: met ? this.rng.pick(visitNotes) : '',
        follow_up: followUp ? 1 : 0,
        follow_up_note: followUp ? this.rng.pick(followUpNotes) : '',
        created_at: `${visitedOn}T0${this.rng.int(1, 9)}:${String(this.rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
        created_by: null,
      });
      this.counts.visits++;
    });
  }

  private archivedMember(planned: PlannedHousehold, movedIn: string): { person: Person; kind: 'moved_out' | 'died'; on: string } {
    const head = planned.members[0];
    const died = this.rng.chance(0.3);
    const gender = this.rng.chance(0.5) ? 'male' : 'female';
    const age = died
      ? this.people.age(Math.min(head.age + 20, 85), Math.min(head.age + 40, 104))
      : this.people.age(18, Math.max(18, Math.min(head.age - 18, 45)));
    const birthDate = this.people.birthDate(age);
    const surname = died && gender === 'female' ? this.people.surname() : head.surname;
    const person: Person = {
      relation: died ? (gender === 'male' ? '父亲' : '母亲') : gender === 'male' ? '子' : '女',
      gender,
      age,
      birthDate,
      surname,
      region: head.region,
      ethnicity: head.ethnicity,
      maritalStatus: died ? '丧偶' : '未婚',
      name: this.people.fullName(surname, gender, Number(birthDate.slice(0, 4)), head.ethnicity),
      education: this.people.education(age),
      occupation: this.people.occupation(age),
    };
    const from = Math.max(dayNumber(movedIn) + 30, this.people.todayDayNumber - 3 * 365);
    const on = dateOfDay(this.rng.int(Math.min(from, this.people.todayDayNumber - 1), this.people.todayDayNumber - 1));
    return { person, kind: died ? 'died' : 'moved_out', on };
  }

  private resident(
    id: string,
    p: Person,
    planned: PlannedHousehold,
    movedIn: string,
    tags: string[],
    place: { household_id: string; grid_id: string; building_id: string; house_id: string },
    archived: { kind: 'moved_out' | 'died'; on: string } | null,
  ): void {
    const f = this.people;
    const hmt = planned.status === '居住证' && p.age >= 18 && this.rng.chance(0.004);
    const region = hmt ? this.rng.pick(['810000', '820000', '830000']) : p.region;
    const idNumber = f.idNumber(region, p.birthDate, p.gender, this.plan.taken.idNumber);
    const phone = p.age >= 12 && this.rng.chance(p.age >= 75 ? 0.7 : 0.93) ? f.phone() : '';
    const fromElsewhere = planned.status !== '户籍';
    const dependant = p.relation !== '户主' && p.relation !== '非亲属' && (p.relation !== '配偶' || this.rng.chance(0.6));
    const registeredOn = fromElsewhere ? (p.birthDate > movedIn ? p.birthDate : addDays(movedIn, this.rng.int(0, 10))) : null;
    const fields: ResidentFields = {
      name: p.name,
      formerNames: this.rng.chance(0.01) && p.age >= 30 ? f.fullName(p.surname, p.gender, Number(p.birthDate.slice(0, 4)), p.ethnicity) : '',
      docType: hmt ? '港澳台居民居住证' : '居民身份证',
      idNumber,
      birthDate: null,
      gender: null,
      phone,
      status: planned.status,
      residenceReason: fromElsewhere ? (dependant || p.age < 16 ? '随迁家属' : f.reason()) : '',
      registeredOn: registeredOn && registeredOn > f.today ? f.today : registeredOn,
      permitExpiresOn: planned.status === '居住证' && registeredOn ? this.permitExpiry(registeredOn) : null,
      // Drawn here, in field order: the demo community stays the same for the same seed.
      ...cardFields(f.idCard(p.birthDate, p.age), hmt),
      ethnicity: p.ethnicity,
      education: p.education,
      maritalStatus: p.maritalStatus,
      occupation: p.occupation,
      notes: '',
    };
    const movedInOn = p.birthDate > movedIn ? p.birthDate : movedIn;
    this.sink.resident(
      {
        id,
        ...place,
        relation_to_head: p.relation,
        moved_in_on: movedInOn,
        moved_out_on: archived?.kind === 'moved_out' ? archived.on : null,
        died_on: archived?.kind === 'died' ? archived.on : null,
        archived: archived ? 1 : 0,
        ...this.stamp,
      },
      fields,
      tags,
    );
    this.counts.residents++;
    this.counts.tags += tags.length;
  }

  /** A residence permit is endorsed yearly (签注); most are current, some lapsed. */
  private permitExpiry(registeredOn: string): string {
    const issued = addDays(registeredOn, 183);
    const today = this.people.todayDayNumber;
    let expiry = dayNumber(issued) + 365;
    const lapsed = this.rng.chance(0.06);
    while (expiry < today - (lapsed ? 365 : 0)) expiry += 365;
    if (lapsed && expiry >= today) expiry -= 365;
    return dateOfDay(expiry);
  }

  private tagsFor(p: Person, members: Person[]): string[] {
    const tags: string[] = [];
    if (p.age >= 80) tags.push('高龄');
    if (members.length === 1 && p.age >= 60 && this.rng.chance(0.85)) tags.push('独居老人');
    const disabledShare = p.age < 18 ? 0.005 : p.age < 60 ? 0.018 : 0.05;
    if (this.rng.chance(disabledShare)) tags.push('残疾');
    if (p.age >= 18 && p.age <= 65 && this.rng.chance(0.004)) tags.push('重点人员');
    if (p.age >= 18 && p.age <= 60 && this.rng.chance(0.0006)) tags.push('社区矫正');
    if (p.gender === 'male' && p.age >= 25 && p.age <= 85 && this.rng.chance(0.03)) tags.push('退役军人');
    return tags;
  }

  /** Tags that belong to the whole household: 低保, 特困, 空巢. */
  private householdTags(members: Person[], tags: string[][]): void {
    const elderly = members.every((m) => m.age >= 60);
    if (members.length >= 2 && elderly && this.rng.chance(0.8)) tags.forEach((t) => t.push('空巢'));
    const poorShare = members.length === 1 || elderly ? 0.03 : 0.012;
    if (this.rng.chance(poorShare)) tags.forEach((t) => t.push('低保'));
    else if (members.length === 1 && members[0].age >= 60 && this.rng.chance(0.03)) tags[0].push('特困');
  }

  /** The shortest interval among the household's status and its members' tags ("3456" by default). */
  private intervalFor(status: string, tags: string[][]): number {
    const { byStatus, byTag, fallback } = this.plan.policy;
    let interval = byStatus.get(status) ?? fallback;
    for (const list of tags) for (const t of list) interval = Math.min(interval, byTag.get(t) ?? interval);
    return interval;
  }

  /**
   * The visit history: most households were visited within their interval, about one in eight is
   * overdue, a few were never visited. Up to three visits, newest first, none before moving in.
   */
  private visitPlan(movedIn: string, interval: number): { last: string | null; due: string; visits: string[] } {
    const today = this.people.todayDayNumber;
    const movedInDay = dayNumber(movedIn);
    const roll = this.rng.next();
    let last: number | null;
    if (roll < 0.01) last = null;
    else if (roll < 0.13) last = today - interval - this.rng.int(1, Math.max(3, interval));
    else last = today - this.rng.int(0, interval - 1);
    if (last !== null && last < movedInDay) last = null;
    if (last === null) return { last: null, due: dateOfDay(Math.max(movedInDay, today - 400) + interval), visits: [] };
    const visits = [dateOfDay(last)];
    let day = last;
    const more = this.rng.int(0, 2);
    for (let i = 0; i < more; i++) {
      day -= Math.max(1, interval + this.rng.int(-Math.floor(interval / 5), Math.floor(interval / 5)));
      if (day < movedInDay) break;
      visits.push(dateOfDay(day));
    }
    return { last: dateOfDay(last), due: dateOfDay(last + interval), visits };
  }
}

/** A card's fields. 长期有效 is a 居民身份证's: a 港澳台 permit holder's long-term "card" is left unknown. */
function cardFields(card: { on: string | null; longTerm: boolean }, hmt: boolean): Pick<ResidentFields, 'idCardExpiresOn' | 'idCardLongTerm'> {
  return { idCardExpiresOn: card.on, idCardLongTerm: card.longTerm && !hmt };
}

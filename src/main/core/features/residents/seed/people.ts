import { idCheckChar } from '../../../../../shared/values/id-number';
import type { ResidentStatus } from '../../../../../shared/contract/residents';
import { Rng, Weighted } from '../../../seed/random';
import { addDays, addYears, dateOfDay, dayNumber } from '../../../time/calendar';
import {
  agePyramid,
  educationsAdult,
  educationsElderly,
  ethnicities,
  givenChars,
  givenNamesByEra,
  mobilePrefixes,
  mongolianNames,
  occupationsWorking,
  regionCodes,
  residenceReasons,
  surnames,
  type RegionCode,
  type Relation,
} from './data';

export type Gender = 'male' | 'female';

/** One person as the household plan describes them, before the derived columns. */
export interface Person {
  relation: Relation;
  gender: Gender;
  age: number;
  birthDate: string;
  name: string;
  surname: string;
  region: string;
  ethnicity: string;
  maritalStatus: string;
  education: string;
  occupation: string;
}

const ageTable = new Weighted<number>(
  Array.from({ length: 105 }, (_, age) => {
    const group = agePyramid[Math.min(Math.floor(age / 5), agePyramid.length - 1)];
    return [age, group[1] / 5] as const;
  }),
);

/** Draws names, ages, ID numbers and phones. Keeps the ID numbers of this run unique. */
export class PeopleFactory {
  private readonly surnameTable = new Weighted(surnames);
  private readonly ethnicityTable = new Weighted(ethnicities);
  private readonly reasonTable = new Weighted(residenceReasons);
  private readonly occupationTable = new Weighted(occupationsWorking);
  private readonly educationTable = new Weighted(educationsAdult);
  private readonly elderlyEducationTable = new Weighted(educationsElderly);
  private readonly regionIndex = new Map<string, number>();
  private readonly localRegions: Weighted<RegionCode>;
  private readonly migrantRegions: Weighted<RegionCode>;
  private readonly usedIds = new Set<number>();
  private readonly todayDay: number;
  private readonly todayYear: number;

  constructor(
    private readonly rng: Rng,
    readonly today: string,
    home = '150204',
  ) {
    this.todayDay = dayNumber(today);
    this.todayYear = Number(today.slice(0, 4));
    regionCodes.forEach((r, i) => this.regionIndex.set(r.code, i));
    const city = home.slice(0, 4);
    const province = home.slice(0, 2);
    // Registered residents are mostly from this district and city; people from elsewhere mostly from the
    // rest of the region and the neighbouring provinces.
    this.localRegions = new Weighted(
      regionCodes.map((r) => [r, r.code === home ? 900 : r.code.startsWith(city) ? 80 : r.code.startsWith(province) ? 6 : 0.4] as const),
    );
    const neighbours = ['13', '14', '61', '62', '64', '41', '37', '21', '22', '23'];
    this.migrantRegions = new Weighted(
      regionCodes.map((r) => [r, r.code.startsWith(city) ? 0 : r.code.startsWith(province) ? 5 : neighbours.includes(r.code.slice(0, 2)) ? 3 : 1] as const),
    );
  }

  /** An age drawn from the census pyramid, limited to [lo, hi]. */
  age(lo: number, hi: number): number {
    const a = Math.max(0, Math.min(lo, 104));
    const b = Math.max(a, Math.min(hi, 104));
    return this.ageTableDraw(a, b);
  }

  private ageTableDraw(lo: number, hi: number): number {
    return ageTable.drawBetween(this.rng, lo, hi);
  }

  /** A birth date for someone who is `age` today. */
  birthDate(age: number): string {
    const latest = dayNumber(addYears(this.today, -age));
    const earliest = dayNumber(addYears(this.today, -age - 1)) + 1;
    return dateOfDay(this.rng.int(earliest, latest));
  }

  surname(): string {
    return this.surnameTable.draw(this.rng);
  }

  ethnicity(): string {
    return this.ethnicityTable.draw(this.rng);
  }

  /** A given name that fits the birth year: 秀英 for a grandmother, 梓涵 for a granddaughter. */
  givenName(gender: Gender, birthYear: number): string {
    const r = this.rng.next();
    if (r < 0.55) {
      const era = givenNamesByEra.find((e) => birthYear <= e.until) ?? givenNamesByEra[givenNamesByEra.length - 1];
      return this.rng.pick(gender === 'male' ? era.pools.male : era.pools.female);
    }
    const first = gender === 'male' ? givenChars.male : givenChars.female;
    const second = gender === 'male' ? givenChars.male2 : givenChars.female2;
    // About one name in eight has a single-character given name.
    if (r < 0.59) return this.rng.pick(second);
    return this.rng.pick(first) + this.rng.pick(second);
  }

  fullName(surname: string, gender: Gender, birthYear: number, ethnicity: string): string {
    if (ethnicity === '蒙古族' && this.rng.chance(0.2)) return this.rng.pick(gender === 'male' ? mongolianNames.male : mongolianNames.female);
    let given = this.givenName(gender, birthYear);
    // A two-character name with a two-character surname reads oddly short; keep 欧阳娜娜-style names rare.
    if (surname.length === 2 && given.length === 2 && this.rng.chance(0.5)) given = given.slice(0, 1);
    return surname + given;
  }

  region(local: boolean): string {
    return (local ? this.localRegions : this.migrantRegions).draw(this.rng).code;
  }

  /** A valid 18-character number: the sequence's last digit odd for men, even for women; unique in this run. */
  idNumber(region: string, birthDate: string, gender: Gender, taken?: (n: string) => boolean): string {
    const regionIdx = this.regionIndex.get(region) ?? 999;
    const day = dayNumber(birthDate) + 100_000;
    for (let attempt = 0; attempt < 200; attempt++) {
      const seq = this.rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      if (seq === 0) continue;
      const key = (regionIdx * 200_000 + day) * 1000 + seq;
      if (this.usedIds.has(key)) continue;
      const body = region + birthDate.replace(/-/g, '') + String(seq).padStart(3, '0');
      const number = body + idCheckChar(body);
      if (taken?.(number)) continue;
      this.usedIds.add(key);
      return number;
    }
    throw new Error(`seed: no free ID number for ${region} ${birthDate}`);
  }

  phone(): string {
    return this.rng.pick(mobilePrefixes) + this.rng.digits(8);
  }

  landline(): string {
    return `0472-${this.rng.int(2, 6)}${this.rng.digits(6)}`;
  }

  /**
   * The card someone holds today (《居民身份证法》第5条): 5 years when issued under 16, 10 years at 16–25,
   * 20 years at 26–45, long-term from 46 (no date). Most renew on time; a few carry an expired card.
   * Children under 16 mostly have none (no date, not long-term).
   */
  idCard(birthDate: string, age: number): { on: string | null; longTerm: boolean } {
    const birth = dayNumber(birthDate);
    let issueAge: number;
    if (age < 16) {
      if (!this.rng.chance(0.4)) return { on: null, longTerm: false };
      issueAge = Math.max(0, age - this.rng.next() * 5);
    } else {
      issueAge = 16 + this.rng.next() * 0.9;
    }
    for (;;) {
      const whole = Math.floor(issueAge);
      const validity = whole < 16 ? 5 : whole < 26 ? 10 : whole < 46 ? 20 : 0;
      if (validity === 0) return { on: null, longTerm: true };
      const issued = dateOfDay(birth + Math.round(issueAge * 365.25));
      const expires = addYears(issued, validity);
      if (dayNumber(expires) > this.todayDay || this.rng.chance(0.03)) return { on: expires, longTerm: false };
      // Renewed a little after expiry.
      issueAge = (dayNumber(expires) - birth) / 365.25 + this.rng.next() * 0.2;
      if (issueAge > age) return { on: expires, longTerm: false };
    }
  }

  reason(): string {
    return this.reasonTable.draw(this.rng);
  }

  occupation(age: number): string {
    if (age < 6) return '';
    if (age < 23) return age >= 18 && this.rng.chance(0.35) ? this.occupationTable.draw(this.rng) : '学生';
    if (age >= 60) return this.rng.chance(0.8) ? '离退休' : '无业';
    return this.occupationTable.draw(this.rng);
  }

  education(age: number): string {
    if (age < 6) return '学龄前';
    if (age < 12) return '小学';
    if (age < 15) return '初中';
    if (age < 18) return this.rng.chance(0.75) ? '高中' : '中专';
    if (age < 23) return this.rng.pick(['高中', '大学专科', '大学本科', '大学本科', '中专']);
    return age >= 60 ? this.elderlyEducationTable.draw(this.rng) : this.educationTable.draw(this.rng);
  }

  get todayDayNumber(): number {
    return this.todayDay;
  }

  get year(): number {
    return this.todayYear;
  }

  /** A date within the last `maxDays` days (today included). */
  recentDate(minDays: number, maxDays: number): string {
    return addDays(this.today, -this.rng.int(minDays, maxDays));
  }
}

/** Who lives together: relation, gender and an age range relative to the household head. */
interface Slot {
  relation: Relation;
  /** 'spouse', 'child', 'parent', 'childSpouse', 'grandchild', 'other'. */
  kind: 'head' | 'spouse' | 'child' | 'parent' | 'childSpouse' | 'grandchild' | 'other';
}

const S = (relation: Relation, kind: Slot['kind']): Slot => ({ relation, kind });
const head = S('户主', 'head');
const spouse = S('配偶', 'spouse');
const child = S('子', 'child'); // 子 or 女, decided by gender
const parent = S('父亲', 'parent'); // 父亲 or 母亲, decided by gender
const son = S('子', 'child');
const daughterInLaw = S('儿媳', 'childSpouse');
const grandchild = S('孙子女', 'grandchild');
const flatmate = S('非亲属', 'other');

/** Household compositions with weights; the head's age range keeps the generations plausible. */
type Composition = { slots: Slot[]; headAge: [number, number]; weight: number };

const ownerCompositions: Composition[] = [
  { slots: [head], headAge: [20, 59], weight: 35 },
  { slots: [head], headAge: [60, 100], weight: 40 },
  { slots: [head, spouse], headAge: [22, 59], weight: 45 },
  { slots: [head, spouse], headAge: [60, 95], weight: 88 },
  { slots: [head, child], headAge: [35, 80], weight: 35 },
  { slots: [head, parent], headAge: [25, 65], weight: 19 },
  { slots: [head, spouse, child], headAge: [25, 70], weight: 225 },
  { slots: [head, spouse, parent], headAge: [25, 65], weight: 57 },
  { slots: [head, spouse, child, child], headAge: [30, 70], weight: 200 },
  { slots: [head, spouse, child, parent], headAge: [28, 62], weight: 75 },
  { slots: [head, spouse, son, daughterInLaw], headAge: [46, 78], weight: 30 },
  { slots: [head, spouse, child, child, parent], headAge: [30, 62], weight: 85 },
  { slots: [head, spouse, child, parent, parent], headAge: [28, 60], weight: 42 },
  { slots: [head, spouse, son, daughterInLaw, grandchild], headAge: [48, 80], weight: 62 },
  { slots: [head, spouse, child, child, parent, parent], headAge: [30, 60], weight: 45 },
  { slots: [head, spouse, son, daughterInLaw, grandchild, grandchild], headAge: [50, 80], weight: 72 },
];

const tenantCompositions: Composition[] = [
  { slots: [head], headAge: [18, 60], weight: 30 },
  { slots: [head, spouse], headAge: [20, 60], weight: 21 },
  { slots: [head, flatmate], headAge: [18, 45], weight: 9 },
  { slots: [head, spouse, child], headAge: [22, 50], weight: 20 },
  { slots: [head, flatmate, flatmate], headAge: [18, 40], weight: 5 },
  { slots: [head, spouse, child, child], headAge: [26, 50], weight: 15 },
];

const ownerTable = new Weighted(ownerCompositions.map((c) => [c, c.weight] as const));
const tenantTable = new Weighted(tenantCompositions.map((c) => [c, c.weight] as const));

export interface PlannedHousehold {
  status: ResidentStatus;
  members: Person[];
}

/** Plans a household's members: relations, ages that fit together, names, regions and the coded fields. */
export function planHousehold(f: PeopleFactory, rng: Rng, tenant: boolean): PlannedHousehold {
  const comp = (tenant ? tenantTable : ownerTable).draw(rng);
  const status: ResidentStatus = tenant
    ? rng.chance(0.68)
      ? '流动人口'
      : rng.chance(0.85)
        ? '居住证'
        : '户籍'
    : rng.chance(0.878)
      ? '户籍'
      : rng.chance(0.6)
        ? '居住证'
        : '流动人口';
  const local = status === '户籍';
  const headRegion = f.region(local);
  const ethnicity = f.ethnicity();
  const familySurname = f.surname();
  const single = comp.slots.length === 1;
  const hasSpouse = comp.slots.some((s) => s.kind === 'spouse');

  // With children at home, the eldest child's age is drawn first (from the pyramid), and the head is
  // 22–42 years older: the children's ages then follow the census shape, not the parents' cohorts.
  const hasChild = comp.slots.includes(child) && !comp.slots.includes(daughterInLaw);
  const eldest = hasChild ? (rng.chance(0.85) ? f.age(0, 24) : f.age(25, Math.min(35, comp.headAge[1] - 22))) : null;
  const headAge =
    eldest === null ? f.age(comp.headAge[0], comp.headAge[1]) : f.age(Math.max(comp.headAge[0], eldest + 22), Math.min(comp.headAge[1], eldest + 42));
  const headGender: Gender = hasSpouse
    ? rng.chance(0.78)
      ? 'male'
      : 'female'
    : single && headAge >= 60
      ? rng.chance(0.62)
        ? 'female'
        : 'male'
      : rng.chance(0.55)
        ? 'male'
        : 'female';
  const members: Person[] = [];
  const make = (relation: Relation, gender: Gender, age: number, surname: string, region: string, marital: string, eth = ethnicity): Person => {
    const birthDate = f.birthDate(age);
    const person: Person = {
      relation,
      gender,
      age,
      birthDate,
      surname,
      region,
      ethnicity: eth,
      maritalStatus: marital,
      name: f.fullName(surname, gender, Number(birthDate.slice(0, 4)), eth),
      education: f.education(age),
      occupation: f.occupation(age),
    };
    members.push(person);
    return person;
  };

  const headMarital = hasSpouse
    ? '已婚'
    : headAge < 25
      ? '未婚'
      : comp.slots.some((s) => s.kind === 'child')
        ? rng.chance(0.6)
          ? '离婚'
          : '丧偶'
        : headAge >= 60
          ? rng.pick(['丧偶', '丧偶', '丧偶', '离婚', '未婚'])
          : rng.pick(['未婚', '未婚', '离婚', '丧偶']);
  const headSurname = headGender === 'male' || !hasSpouse ? familySurname : f.surname();
  const h = make('户主', headGender, headAge, headSurname, headRegion, headMarital);
  const husbandSurname = headGender === 'male' ? h.surname : familySurname;

  let youngerParentAge = headAge;
  let sonAge = 0;
  let lastChildAge: number | null = null;
  const parentsCount = comp.slots.filter((s) => s.kind === 'parent').length;
  let parentGender: Gender | null = null;
  for (const slot of comp.slots.slice(1)) {
    switch (slot.kind) {
      case 'spouse': {
        const gender: Gender = headGender === 'male' ? 'female' : 'male';
        const age = Math.max(20, Math.min(104, Math.round(headGender === 'male' ? rng.around(headAge - 2, 4) : rng.around(headAge + 2, 4))));
        youngerParentAge = Math.min(headAge, age);
        make(
          '配偶',
          gender,
          age,
          gender === 'male' ? husbandSurname : f.surname(),
          rng.chance(0.6) ? headRegion : f.region(local),
          '已婚',
          rng.chance(0.9) ? ethnicity : f.ethnicity(),
        );
        break;
      }
      case 'child': {
        // The son whose wife and children live here too is married and at least 22.
        const married = slot === son;
        const gender: Gender = married || rng.chance(0.515) ? 'male' : 'female';
        // The eldest was drawn with the head; siblings are a few years apart.
        const hi = Math.max(0, Math.min(youngerParentAge - 18, married ? 55 : 45));
        const lo = married ? Math.min(22, hi) : 0;
        let age: number;
        if (married) age = f.age(lo, Math.max(lo, hi));
        else if (lastChildAge === null) age = Math.min(hi, eldest ?? 0);
        else age = Math.max(0, Math.min(hi, lastChildAge - rng.int(1, 6)));
        lastChildAge = age;
        if (married) sonAge = age;
        const marital = married ? '已婚' : age >= 30 && rng.chance(0.3) ? '离婚' : '未婚';
        make(gender === 'male' ? '子' : '女', gender, age, husbandSurname, rng.chance(0.85) ? headRegion : f.region(local), marital);
        break;
      }
      case 'parent': {
        const gender: Gender = parentGender === null ? (rng.chance(0.45) ? 'male' : 'female') : parentGender === 'male' ? 'female' : 'male';
        parentGender = gender;
        const age = f.age(Math.min(headAge + 20, 100), Math.min(headAge + 42, 104));
        const marital = parentsCount === 2 ? '已婚' : rng.chance(0.8) ? '丧偶' : '离婚';
        const relation = gender === 'male' ? '父亲' : '母亲';
        make(relation, gender, age, gender === 'male' ? h.surname : f.surname(), rng.chance(0.9) ? headRegion : f.region(local), marital);
        break;
      }
      case 'childSpouse': {
        const age = Math.max(20, Math.round(rng.around(sonAge - 1, 3)));
        make('儿媳', 'female', age, f.surname(), f.region(local || rng.chance(0.7)), '已婚', rng.chance(0.9) ? ethnicity : f.ethnicity());
        break;
      }
      case 'grandchild': {
        const age = f.age(0, Math.max(0, Math.min(sonAge - 20, 30)));
        const gender: Gender = rng.chance(0.515) ? 'male' : 'female';
        make('孙子女', gender, age, husbandSurname, headRegion, '未婚');
        break;
      }
      case 'other': {
        const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
        const age = f.age(18, 45);
        make('非亲属', gender, age, f.surname(), f.region(local), age < 28 || rng.chance(0.6) ? '未婚' : '已婚', f.ethnicity());
        break;
      }
      default:
        break;
    }
  }
  return { status, members };
}

import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, id, isoDate, optionalDate, pageLimit, type Page, type TagRef } from './common';
import { residenceRelations } from './places';

export const docTypes = ['居民身份证', '港澳台居民居住证', '外国人永久居留证', '护照', '其他'] as const;
export const residentStatuses = ['户籍', '居住证', '流动人口'] as const;
export type DocType = (typeof docTypes)[number];
export type ResidentStatus = (typeof residentStatuses)[number];

/** What a list, a search hit and a household's member list show: masked, never the full numbers. */
export interface ResidentRow {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  age: number | null;
  idMasked: string;
  phoneMasked: string;
  status: ResidentStatus;
  address: string;
  gridName: string | null;
  tags: TagRef[];
  archived: boolean;
  movedOutOn: string | null;
  diedOn: string | null;
}

export interface ResidentDetail extends ResidentRow {
  formerNames: string;
  docType: DocType;
  regionCode: string | null;
  residenceReason: string;
  registeredOn: string | null;
  permitExpiresOn: string | null;
  idCardExpiresOn: string | null;
  /** 长期有效: the card never expires (idCardExpiresOn is then null). */
  idCardLongTerm: boolean;
  ethnicity: string;
  education: string;
  maritalStatus: string;
  occupation: string;
  notes: string;
  household: { id: string; number: string; relationToHead: string; headName: string | null } | null;
  /** 暂不登记到户: the reason given when they were saved without a household ('' if none was given). */
  unplacedReason: string;
  houseId: string | null;
  buildingId: string | null;
  gridId: string | null;
  movedInOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResidentEvent {
  id: string;
  at: string;
  onDate: string | null;
  actorName: string | null;
  kind: 'created' | 'updated' | 'moved_in' | 'moved_out' | 'died' | 'household_changed' | 'archived' | 'restored' | 'tagged' | 'untagged' | 'imported';
  /** For 'updated': { changes: { field, from, to }[] } with sensitive values masked. */
  detail: Record<string, unknown>;
}

/** A resident found by Ctrl+K. */
export interface ResidentHit {
  type: 'resident';
  id: string;
  name: string;
  idMasked: string;
  phoneMasked: string;
  address: string;
  archived: boolean;
  /** Why it matched: 'name' | 'pinyin' | 'initials' | 'id' | 'id_suffix' | 'phone' | 'phone_suffix' | 'address'. */
  matchedBy: string;
}

/** A household as a picker or a search hit shows it: its number, head, present members and address. */
export interface HouseholdSummary {
  id: string;
  number: string;
  houseId: string | null;
  /** The house's building, so a picker can open the house picker on it. */
  buildingId: string | null;
  address: string;
  headName: string | null;
  members: number;
  archived: boolean;
}

/** A household found by Ctrl+K: by its whole number, or by the number's beginning. */
export interface HouseholdHit extends HouseholdSummary {
  type: 'household';
  matchedBy: 'household' | 'household_prefix';
}

export type SearchHit = ResidentHit | HouseholdHit;

export interface Household {
  id: string;
  number: string;
  houseId: string | null;
  address: string;
  residenceRelation: (typeof residenceRelations)[number];
  headResidentId: string | null;
  lastVisitOn: string | null;
  nextVisitDue: string | null;
  visitIntervalDays: number;
  archived: boolean;
}

/**
 * A person's own fields, as a form or an import row gives them. The one place a field is declared: core's
 * ResidentFields and the form's values are derived from it.
 */
export const residentFields = z.object({
  name: z.string().trim().min(1, 'residents.name_required').max(40),
  formerNames: z.string().trim().max(80).default(''),
  docType: z.enum(docTypes).default('居民身份证'),
  /** Checked in core: GB 11643 for 居民身份证 and 港澳台居民居住证 (15-digit numbers converted). */
  idNumber: z.string().trim().max(40).default(''),
  /** If given with a mainland ID, must agree with the birth date in the number. */
  birthDate: optionalDate,
  gender: z.enum(['male', 'female']).nullable().default(null),
  phone: z.string().trim().max(30).default(''),
  status: z.enum(residentStatuses),
  residenceReason: z.string().trim().max(20).default(''),
  registeredOn: optionalDate,
  permitExpiresOn: optionalDate,
  /** The date the ID card expires; none for a long-term card (and none when not known). */
  idCardExpiresOn: optionalDate,
  /** 长期有效: a 居民身份证 issued at 46 or older, which never expires (checked in core). */
  idCardLongTerm: z.boolean().default(false),
  ethnicity: z.string().trim().max(20).default(''),
  education: z.string().trim().max(20).default(''),
  maritalStatus: z.string().trim().max(20).default(''),
  occupation: z.string().trim().max(20).default(''),
  notes: z.string().max(2000).default(''),
});
/** The fields, parsed: every one present, defaults filled in. */
export type ResidentFields = z.output<typeof residentFields>;
export const residentFieldNames = Object.keys(residentFields.shape) as (keyof ResidentFields)[];

/** A new, empty record: the schema's defaults, status 户籍, no name yet. */
export function blankResidentFields(): ResidentFields {
  return { ...residentFields.parse({ name: '-', status: '户籍' }), name: '' };
}

/** residents.create and residents.update: the person's fields, where they live, and their tags. */
export const residentInput = residentFields.extend({
  houseId: id.nullable().default(null),
  householdId: id.nullable().default(null),
  relationToHead: z.string().trim().max(20).default(''),
  movedInOn: optionalDate,
  tagIds: z.array(id).max(50).default([]),
  /** The same name and birth date exists: saving needs this acknowledgement (error residents.similar_exists). */
  acknowledgeSimilar: z.boolean().default(false),
  /**
   * 暂不登记到户: why the person is saved without a household (the form asks for it; kept while they have
   * none, and listed for follow-up). Ignored once a household is given.
   */
  unplacedReason: z.string().trim().max(200).default(''),
});
export type ResidentInput = z.input<typeof residentInput>;
/** The input as core receives it, after parsing. */
export type ResidentValues = z.output<typeof residentInput>;

export const residentListInput = z.object({
  gridId: id.optional(),
  buildingId: id.optional(),
  tagId: id.optional(),
  status: z.enum(residentStatuses).optional(),
  ageMin: z.number().int().min(0).max(130).optional(),
  ageMax: z.number().int().min(0).max(130).optional(),
  /** People who moved out or died are archived: hidden unless asked for. */
  archived: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(['name', 'birthDate']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  cursor,
  limit: pageLimit,
});

export const householdInput = z.object({
  id: id.optional(),
  number: z.string().trim().min(1).max(30),
  houseId: id.nullable().default(null),
  residenceRelation: z.enum(residenceRelations).default('人户一致'),
  headResidentId: id.nullable().default(null),
});

export const people = {
  'residents.list': method({ input: residentListInput, access: 'residents.read', writes: false }, returns<Page<ResidentRow>>()),
  'residents.count': method(
    { input: residentListInput.omit({ sort: true, direction: true, cursor: true, limit: true }), access: 'residents.read', writes: false },
    returns<{ count: number }>(),
  ),
  'residents.get': method(
    { input: z.object({ id }), access: 'residents.read', writes: false },
    returns<{ resident: ResidentDetail; timeline: ResidentEvent[] }>(),
  ),
  /**
   * Who holds this document number already (the form asks as the number is typed, before saving): the
   * number as the form has it, checked and normalised as a save would; null when nobody, or when the number
   * is not a valid one. exceptId: the resident being edited.
   */
  'residents.idOwner': method(
    {
      input: z.object({ docType: z.enum(docTypes), idNumber: z.string().trim().min(1).max(40), exceptId: id.optional() }),
      access: 'residents.read',
      writes: false,
    },
    returns<{ id: string; name: string; archived: boolean } | null>(),
  ),
  'residents.create': method({ input: residentInput, access: 'residents.write', writes: true }, returns<ResidentDetail>()),
  'residents.update': method({ input: residentInput.extend({ id }), access: 'residents.write', writes: true }, returns<ResidentDetail>()),
  'residents.moveOut': method(
    { input: z.object({ id, on: isoDate, note: z.string().max(200).default('') }), access: 'residents.write', writes: true },
    returns<ResidentDetail>(),
  ),
  'residents.recordDeath': method(
    { input: z.object({ id, on: isoDate, note: z.string().max(200).default('') }), access: 'residents.write', writes: true },
    returns<ResidentDetail>(),
  ),
  'residents.moveIn': method(
    {
      input: z.object({
        id,
        on: isoDate,
        houseId: id.nullable().default(null),
        householdId: id.nullable().default(null),
        relationToHead: z.string().max(20).default(''),
      }),
      access: 'residents.write',
      writes: true,
    },
    returns<ResidentDetail>(),
  ),
  'residents.changeHousehold': method(
    { input: z.object({ id, householdId: id, relationToHead: z.string().trim().max(20) }), access: 'residents.write', writes: true },
    returns<ResidentDetail>(),
  ),
  'residents.setTags': method({ input: z.object({ id, tagIds: z.array(id).max(50) }), access: 'residents.write', writes: true }, returns<ResidentDetail>()),
  /** The full ID number or phone: needs the permission and a reason, and is audited. */
  'residents.reveal': method(
    {
      input: z.object({ id, field: z.enum(['idNumber', 'phone']), reason: z.string().trim().min(2, 'residents.reason_required').max(200) }),
      access: 'residents.reveal',
      writes: true,
    },
    returns<{ value: string }>(),
  ),
  /** Ctrl+K: name, pinyin or initials, ID number or its last 4–6 characters, phone or its last 4 digits, an address like 3栋2单元501, or a 户号. */
  'residents.search': method(
    {
      input: z.object({ q: z.string().trim().min(1).max(60), limit: z.number().int().min(1).max(50).default(20), includeArchived: z.boolean().default(true) }),
      access: 'residents.read',
      writes: false,
    },
    returns<SearchHit[]>(),
  ),
  'residents.getHousehold': method(
    { input: z.object({ id }), access: 'residents.read', writes: false },
    returns<{ household: Household; members: (ResidentRow & { relationToHead: string })[] }>(),
  ),
  'residents.saveHousehold': method({ input: householdInput, access: 'residents.write', writes: true }, returns<Household>()),
  /** Households by 户号: the one with exactly this number first, then those whose number starts with it. */
  'residents.findHousehold': method(
    {
      input: z.object({
        number: z.string().trim().min(1, 'residents.household_number_required').max(30),
        limit: z.number().int().min(1).max(50).default(20),
        includeArchived: z.boolean().default(false),
      }),
      access: 'residents.read',
      writes: false,
    },
    returns<HouseholdSummary[]>(),
  ),
};

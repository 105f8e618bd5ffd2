import type { ImportField, ImportProblem, ImportPreviewRow } from '../../../../../shared/contract/residents/imports';
import { maskIdNumber } from '../../../../../shared/values/mask';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type { ResidentsTable } from '../../../db/schema';
import { newId } from '../../../util/ids';
import { formatAddress, normaliseBuildingName, normaliseRoom, normaliseUnit } from '../address';
import { prepareResident, type PreparedResident, type ResidentFields } from '../prepare';
import { diffResident, type FieldChange } from '../write';
import type { RowDraft } from './draft';
import { blank, firstPass, type FirstPass, type Prepared } from './first-pass';
import type { PlaceResult, RegistryLookups } from './lookups';
import { noPlannedPlaces, PlacePlanner, type PlannedPlaces } from './new-places';

/** Where a written row puts the person; null means "as stored" (an update) or nowhere (a new person). */
export interface PlacementColumns {
  house_id: string | null;
  building_id: string | null;
  grid_id: string | null;
}

/** What the commit writes for one row. */
export interface RowWrite {
  /** null: a new resident. */
  residentId: string | null;
  before: ResidentsTable | null;
  prepared: PreparedResident;
  /** The columns to store beyond the prepared ones (placement, household, relation). */
  next: Partial<ResidentsTable>;
  changes: FieldChange[];
  tagIds: string[];
  tagNames: string[];
  household: { id: string; number: string; isNew: boolean } | null;
  isHead: boolean;
}

export interface PlannedRow extends ImportPreviewRow {
  write: RowWrite | null;
  /** The prepared values of a row that is not rejected, kept for the commit. */
  prepared: PreparedResident | null;
  /** The stored person this plan was made against ("id@updated_at"), to notice a change before commit. */
  stamp: string;
}

/**
 * What an import keeps of each row's plan between the preview and the commit: what the screen and the
 * error report show, and the stamp. The prepared values are kept apart, serialized with the row's batch
 * (row-batches.ts); the write is made again by the commit's own plan.
 */
export type KeptPlan = Omit<PlannedRow, 'write' | 'prepared'>;

export function keptPlan(plan: PlannedRow): KeptPlan {
  const { write: _write, prepared: _prepared, ...kept } = plan;
  return kept;
}

/** An earlier plan of the same row (the preview's), whose prepared values the commit reuses if it can. */
export interface EarlierPlan {
  prepared: PreparedResident | null;
  stamp: string;
}

/**
 * The state of one pass over the rows: identities and household heads seen so far (duplicates inside
 * the file are refused on the later row) and the households the file creates by 户号.
 */
export class PlanContext {
  readonly keys = new Map<string, number>();
  readonly heads = new Map<string, number>();
  /** 户号 → the household this import creates: its id, and its house (from the first valid row placed in one). */
  readonly newHouseholds = new Map<string, { id: string; houseId: string | null }>();

  /** Places the rows name that the registry lacks: planned, and used when the import creates them (new-places.ts). */
  readonly places: PlacePlanner;

  constructor(
    readonly lookups: RegistryLookups,
    readonly secrets: FieldCipher,
    readonly today: string,
    /** Household ids planned by an earlier pass, so that a commit re-plan keeps the preview's ids. */
    plannedHouseholds?: Map<string, { id: string; houseId: string | null }>,
    /** Whether to create missing places, the file's compound spellings mapped to existing ones, and an earlier pass's planned places. */
    placeChoice: { create: boolean; aliases: Record<string, string>; planned?: PlannedPlaces } = { create: false, aliases: {} },
  ) {
    // The ids stay; each household's house is found again from its first row placed (it may be a place planned anew).
    if (plannedHouseholds) for (const [k, v] of plannedHouseholds) this.newHouseholds.set(k, { id: v.id, houseId: null });
    this.places = new PlacePlanner(lookups, copyPlanned(placeChoice.planned), placeChoice.create, placeChoice.aliases);
  }
}

/** Which column a place's problem is about. */
const placeProblemField: Record<Extract<PlaceResult, { ok: false }>['code'], ImportField> = {
  'import.unknown_compound': 'compound',
  'import.unknown_building': 'building',
  'import.ambiguous_building': 'building',
  'import.unknown_house': 'room',
  'import.grid_needed': 'grid',
};

/** An address as a row names it, normalised as the registry writes addresses (泰和小区3栋1单元301). */
function namedAddress(compound: string, building: string, unit: string, room: string): string {
  return formatAddress({ compoundName: compound, buildingName: normaliseBuildingName(building), unit: normaliseUnit(unit), room: normaliseRoom(room) });
}

function copyPlanned(p: PlannedPlaces | undefined): PlannedPlaces {
  if (!p) return noPlannedPlaces();
  const copy = <K, V>(m: Map<K, V>) => new Map([...m].map(([k, v]) => [k, { ...v }]));
  return { grids: copy(p.grids), compounds: copy(p.compounds), buildings: copy(p.buildings), houses: copy(p.houses) };
}

/** A stored resident's fields, so that an empty cell keeps what is stored. */
function storedFields(r: ResidentsTable, secrets: FieldCipher): ResidentFields {
  return {
    name: r.name,
    formerNames: r.former_names,
    docType: r.doc_type as ResidentFields['docType'],
    idNumber: '',
    birthDate: r.birth_date,
    gender: r.gender as ResidentFields['gender'],
    phone: r.phone_cipher ? secrets.decrypt(r.phone_cipher) : '',
    status: r.status as ResidentFields['status'],
    residenceReason: r.residence_reason,
    registeredOn: r.registered_on,
    permitExpiresOn: r.permit_expires_on,
    idCardExpiresOn: r.id_card_expires_on,
    idCardLongTerm: r.id_card_long_term === 1,
    ethnicity: r.ethnicity,
    education: r.education,
    maritalStatus: r.marital_status,
    occupation: r.occupation,
    notes: r.notes,
  };
}

function stampOf(r: ResidentsTable | undefined): string {
  return r ? `${r.id}@${r.updated_at}` : 'none';
}

function samePhone(before: ResidentsTable, prepared: PreparedResident, secrets: FieldCipher): boolean {
  if (before.phone_cipher === null || prepared.phone === null) return before.phone_cipher === null && prepared.phone === null;
  return before.phone_last4 === prepared.columns.phone_last4 && secrets.decrypt(before.phone_cipher) === prepared.phone;
}

/**
 * Decides what one row does: add a person, update one (matched by the ID number's look-up hash, or by
 * name and birth date for people registered without a number), leave one unchanged, or reject the row
 * with every problem found. `reuse` is the preview's plan: its prepared values are kept when the stored
 * person has not changed since (encryption and pinyin are the costly part of a row). `pass` is the row's
 * first pass (firstPass(draft.given)) when a worker thread has made it already.
 */
export function planRow(draft: RowDraft, ctx: PlanContext, reuse?: EarlierPlan, pass?: FirstPass): PlannedRow {
  const { row, given } = draft;
  const problems: ImportProblem[] = [...draft.problems];
  const add = (p: Omit<ImportProblem, 'row'>) => problems.push({ row, ...p });

  // As a new person first: the common case, and it gives the look-up hash.
  let first: Prepared | null = null;
  let hash: string | null;
  if (reuse?.prepared) hash = reuse.prepared.columns.id_hash;
  else ({ first, hash } = pass ?? firstPass(given, ctx.secrets, ctx.today));

  let existing: ResidentsTable | undefined;
  let key: string | null = null;
  if (hash) {
    key = `h:${hash}`;
    existing = ctx.lookups.residentByHash(hash);
  } else if (!given.idNumber && (given.docType ?? '居民身份证') === '其他') {
    if (given.name && given.birthDate) {
      key = `nb:${given.name}|${given.birthDate}`;
      const matches = ctx.lookups.residentsByNameBirth(given.name, given.birthDate);
      if (matches.length > 1) add({ field: 'name', code: 'import.ambiguous_match', params: { count: matches.length } });
      else existing = matches[0];
    } else add({ field: 'birthDate', code: 'import.no_identity' });
  }
  if (key) {
    const firstRow = ctx.keys.get(key);
    if (firstRow !== undefined) add({ field: hash ? 'idNumber' : 'name', code: 'import.duplicate_in_file', params: { firstRow } });
    else ctx.keys.set(key, row);
  }
  if (existing && given.name && existing.name !== given.name) add({ field: 'name', code: 'import.conflict', params: { name: existing.name } });
  if (existing?.archived) add({ field: 'name', code: 'import.archived', params: { name: existing.name } });

  const stamp = stampOf(existing);
  let prepared: Prepared;
  if (reuse?.prepared && reuse.stamp === stamp) prepared = { ok: true, value: reuse.prepared };
  else if (existing) prepared = prepareResident({ ...storedFields(existing, ctx.secrets), ...given }, ctx.secrets, ctx.today);
  else prepared = first ?? prepareResident({ ...blank, ...given }, ctx.secrets, ctx.today);
  if (!existing && !given.status) add({ field: 'status', code: 'import.required' });
  // A cell the draft could not read (a mangled ID, a bad date) is reported as that, not again as empty.
  const unreadable = new Set(draft.problems.map((p) => p.field));
  if (!prepared.ok) {
    for (const p of prepared.problems) {
      // 长期有效 is read from the expiry column: a problem with it is that column's.
      const field = p.field === 'idCardLongTerm' ? 'idCardExpiresOn' : p.field;
      if (unreadable.has(field)) continue;
      // "1.10105E+17" typed or saved as text: name what the cell shows, as for a number cell.
      const params = p.code === 'id.scientific' && !p.params ? { value: given.idNumber ?? '' } : p.params;
      add({ field, code: p.code, params });
    }
  }

  // Where the person lives: a house that exists (or that the import creates), or a grid alone.
  let placement: PlacementColumns | null = null;
  let address = existing ? (ctx.lookups.house(existing.house_id ?? '')?.address ?? '') : '';
  const rowGrid = draft.grid ? ctx.places.grid(draft.grid) : null;
  if (draft.place) {
    const p = draft.place;
    if (!p.building || !p.room) add({ field: p.building ? 'room' : 'building', code: 'import.place_incomplete' });
    else {
      const found = ctx.places.place(p.compound, p.building, p.unit, p.room, rowGrid);
      if (!found.ok) {
        add({ field: placeProblemField[found.code], code: found.code, params: found.params });
        // The screen shows the address the row names, so that the clerk sees which place is missing.
        address = namedAddress(ctx.places.compoundName(p.compound), p.building, p.unit, p.room);
      } else {
        placement = { house_id: found.place.houseId, building_id: found.place.buildingId, grid_id: found.place.gridId };
        address = found.place.address;
      }
    }
  }
  if (draft.grid) {
    const gridId = rowGrid;
    if (!gridId) add({ field: 'grid', code: 'import.unknown_grid', params: { grid: draft.grid } });
    else if (placement && placement.grid_id !== gridId) add({ field: 'grid', code: 'import.grid_mismatch', params: { grid: draft.grid, address } });
    else if (!draft.place) {
      if (existing?.house_id) {
        if (existing.grid_id !== gridId) add({ field: 'grid', code: 'import.grid_mismatch', params: { grid: draft.grid, address } });
      } else placement = { house_id: null, building_id: null, grid_id: gridId };
    }
  }

  // The household, by 户号: an existing one, or one this import creates.
  let household: RowWrite['household'] = null;
  if (draft.householdNumber) {
    const number = draft.householdNumber;
    const found = ctx.lookups.household(number);
    if (found) household = { id: found.id, number, isNew: false };
    else {
      let planned = ctx.newHouseholds.get(number);
      if (!planned) ctx.newHouseholds.set(number, (planned = { id: newId(), houseId: null }));
      household = { id: planned.id, number, isNew: true };
    }
    // A member placed only by 户号 lives in the household's house, as the form does it.
    const householdHouse = found ? found.houseId : (ctx.newHouseholds.get(number)?.houseId ?? null);
    if (!draft.place && householdHouse && !existing?.house_id) {
      const h = ctx.lookups.house(householdHouse);
      if (h) {
        placement = { house_id: h.houseId, building_id: h.buildingId, grid_id: h.gridId };
        address = h.address;
      }
    }
    if (draft.relationToHead === '户主') {
      if (found?.headResidentId && found.headResidentId !== existing?.id)
        add({ field: 'relationToHead', code: 'import.head_exists', params: { household: number } });
      const firstRow = ctx.heads.get(household.id);
      if (firstRow !== undefined) add({ field: 'relationToHead', code: 'import.two_heads', params: { household: number, firstRow } });
      else ctx.heads.set(household.id, row);
    }
  }

  const tagIds: string[] = [];
  const tagNames: string[] = [];
  for (const name of draft.tags) {
    const t = ctx.lookups.tag(name);
    if (!t) add({ field: 'tags', code: 'import.unknown_tag', params: { tag: name } });
    else {
      tagIds.push(t.id);
      tagNames.push(t.name);
    }
  }

  const name = given.name ?? existing?.name ?? '';
  if (problems.length || !prepared.ok) {
    return { row, action: 'reject', name, idMasked: maskIdNumber(given.idNumber ?? ''), address, problems, write: null, prepared: null, stamp };
  }
  const value = prepared.value;
  const planned = household?.isNew ? ctx.newHouseholds.get(household.number) : undefined;
  if (planned && !planned.houseId && placement?.house_id) planned.houseId = placement.house_id;
  const next: Partial<ResidentsTable> = { ...(placement ?? {}) };
  if (household) next.household_id = household.id;
  if (draft.relationToHead !== null) next.relation_to_head = draft.relationToHead;
  const base = { row, name: value.columns.name, idMasked: value.columns.id_masked, address, problems, stamp, prepared: value };
  const write = { prepared: value, next, tagIds, tagNames, household, isHead: draft.relationToHead === '户主' };
  if (!existing) return { ...base, action: 'add', write: { ...write, residentId: null, before: null, changes: [] } };

  // An update writes only what differs; the same file imported again changes nothing.
  const after: Partial<ResidentsTable> = { ...value.columns, ...next };
  if (after.id_hash === existing.id_hash) after.id_cipher = existing.id_cipher;
  if (samePhone(existing, value, ctx.secrets)) after.phone_cipher = existing.phone_cipher;
  const changes = diffResident(existing, after);
  if (placement && placement.grid_id !== existing.grid_id && !changes.some((c) => c.field === 'house_id'))
    changes.push({ field: 'grid_id', from: existing.grid_id, to: placement.grid_id });
  const stored = tagIds.length ? ctx.lookups.tagsOf(existing.id) : new Set<string>();
  const newTags = tagIds.map((id, i) => [id, tagNames[i]] as const).filter(([id]) => !stored.has(id));
  const cipherChanged = after.id_cipher !== existing.id_cipher || after.phone_cipher !== existing.phone_cipher;
  const changed = changes.length > 0 || newTags.length > 0 || cipherChanged;
  return {
    ...base,
    action: changed ? 'update' : 'unchanged',
    write: changed
      ? { ...write, next: after, residentId: existing.id, before: existing, changes, tagIds: newTags.map(([id]) => id), tagNames: newTags.map(([, n]) => n) }
      : null,
  };
}

import type { Kysely } from 'kysely';
import type { DocType, ResidentDetail, ResidentEvent, ResidentRow, ResidentStatus } from '../../../../../shared/contract/residents';
import type { Database, ResidentEventsTable, ResidentsTable } from '../../../db/schema';
import { agesOn } from '../../../time/calendar';
import { placesByHouse } from '../places/service';
import { tagsByResident } from '../tags';
import { findHouseholdRow, gridNames, namesOf, unplacedReasonOf } from './repository';

/**
 * Rows → what the screens see. Lists, search hits and household members carry the masked numbers only;
 * a page costs three set-based queries (tags, addresses, grids), never one per row.
 */
export async function toResidentRows(db: Kysely<Database>, rows: readonly ResidentsTable[], today: string): Promise<ResidentRow[]> {
  if (rows.length === 0) return [];
  const [tags, places] = await Promise.all([
    tagsByResident(
      db,
      rows.map((r) => r.id),
    ),
    placesByHouse(
      db,
      rows.map((r) => r.house_id),
    ),
  ]);
  const grids = await gridNames(
    db,
    rows.filter((r) => r.grid_id && !(r.house_id && places.has(r.house_id))).map((r) => r.grid_id!),
  );
  const ageOf = agesOn(today);
  return rows.map((r) => {
    const place = r.house_id ? places.get(r.house_id) : undefined;
    return {
      id: r.id,
      name: r.name,
      gender: r.gender as ResidentRow['gender'],
      birthDate: r.birth_date,
      age: ageOf(r.birth_date),
      idMasked: r.id_masked,
      phoneMasked: r.phone_masked,
      status: r.status as ResidentStatus,
      address: place?.address ?? '',
      gridName: place?.gridName ?? (r.grid_id ? (grids.get(r.grid_id) ?? null) : null),
      tags: tags.get(r.id) ?? [],
      archived: r.archived === 1,
      movedOutOn: r.moved_out_on,
      diedOn: r.died_on,
    };
  });
}

export async function toResidentDetail(db: Kysely<Database>, row: ResidentsTable, today: string): Promise<ResidentDetail> {
  const [base] = await toResidentRows(db, [row], today);
  const household = row.household_id ? await findHouseholdRow(db, row.household_id) : undefined;
  const head = household?.head_resident_id ? ((await namesOf(db, [household.head_resident_id])).get(household.head_resident_id) ?? null) : null;
  return {
    ...base,
    formerNames: row.former_names,
    docType: row.doc_type as DocType,
    regionCode: row.region_code,
    residenceReason: row.residence_reason,
    registeredOn: row.registered_on,
    permitExpiresOn: row.permit_expires_on,
    idCardExpiresOn: row.id_card_expires_on,
    idCardLongTerm: row.id_card_long_term === 1,
    ethnicity: row.ethnicity,
    education: row.education,
    maritalStatus: row.marital_status,
    occupation: row.occupation,
    notes: row.notes,
    household: household ? { id: household.id, number: household.number, relationToHead: row.relation_to_head, headName: head } : null,
    unplacedReason: household ? '' : await unplacedReasonOf(db, row.id),
    houseId: row.house_id,
    buildingId: row.building_id,
    gridId: row.grid_id,
    movedInOn: row.moved_in_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toResidentEvent(row: ResidentEventsTable): ResidentEvent {
  return {
    id: row.id,
    at: row.at,
    onDate: row.on_date,
    actorName: row.actor_name,
    kind: row.kind as ResidentEvent['kind'],
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
  };
}

/** What the audit trail keeps of a resident: masked numbers only, never the full ID number or phone. */
export function auditView(row: ResidentsTable, tags?: string[]): Record<string, unknown> {
  return {
    name: row.name,
    docType: row.doc_type,
    idMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    birthDate: row.birth_date,
    gender: row.gender,
    status: row.status,
    householdId: row.household_id,
    relationToHead: row.relation_to_head,
    houseId: row.house_id,
    movedInOn: row.moved_in_on,
    movedOutOn: row.moved_out_on,
    diedOn: row.died_on,
    archived: row.archived === 1,
    ...(tags ? { tags } : {}),
  };
}

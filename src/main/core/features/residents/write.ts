import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { ResidentEvent } from '../../../../shared/contract/residents';
import type { Database, ResidentsTable } from '../../db/schema';
import { newId } from '../../util/ids';
import type { PreparedResident } from './prepare';
import type { FieldCipher } from '../../crypto/field-cipher';

export interface Actor {
  id: string | null;
  name: string | null;
}

/** Where a resident lives: the house decides the building and grid; a household without a house is allowed. */
export interface Placement {
  houseId: string | null;
  householdId: string | null;
  relationToHead: string;
}

export interface PlacementColumns {
  house_id: string | null;
  building_id: string | null;
  grid_id: string | null;
  household_id: string | null;
  relation_to_head: string;
}

export async function resolvePlacement(db: Kysely<Database>, p: Placement): Promise<PlacementColumns> {
  let houseId = p.houseId;
  if (p.householdId) {
    const hh = await db.selectFrom('households').select(['id', 'house_id']).where('id', '=', p.householdId).executeTakeFirst();
    if (!hh) throw new AppError('residents.household_not_found', 'No such household', { fields: { householdId: 'residents.household_not_found' } });
    houseId ??= hh.house_id;
  }
  if (!houseId) return { house_id: null, building_id: null, grid_id: null, household_id: p.householdId, relation_to_head: p.relationToHead };
  const house = await db
    .selectFrom('houses')
    .innerJoin('buildings', 'buildings.id', 'houses.building_id')
    .select(['houses.id', 'houses.building_id', 'buildings.grid_id'])
    .where('houses.id', '=', houseId)
    .executeTakeFirst();
  if (!house) throw new AppError('residents.house_not_found', 'No such house', { fields: { houseId: 'residents.house_not_found' } });
  return { house_id: house.id, building_id: house.building_id, grid_id: house.grid_id, household_id: p.householdId, relation_to_head: p.relationToHead };
}

/** The same ID number is never entered twice: a clear error that names the existing record. */
export async function assertIdFree(db: Kysely<Database>, idHash: string | null, exceptId?: string): Promise<void> {
  if (!idHash) return;
  let q = db.selectFrom('residents').select(['id', 'name']).where('id_hash', '=', idHash);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const other = await q.executeTakeFirst();
  if (other)
    throw new AppError('residents.duplicate_id', `This ID number belongs to ${other.name}`, {
      params: { residentId: other.id, name: other.name },
      fields: { idNumber: 'residents.duplicate_id' },
    });
}

/** Someone with the same name and birth date: the clerk must look before saving another. */
export async function findSimilar(db: Kysely<Database>, name: string, birthDate: string | null, exceptId?: string) {
  if (!birthDate) return undefined;
  let q = db.selectFrom('residents').select(['id', 'name', 'birth_date']).where('name', '=', name).where('birth_date', '=', birthDate);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function appendResidentEvent(
  db: Kysely<Database>,
  e: { residentId: string; kind: ResidentEvent['kind']; onDate?: string | null; detail?: Record<string, unknown>; actor: Actor; at: string },
): Promise<void> {
  await db
    .insertInto('resident_events')
    .values({
      id: newId(),
      resident_id: e.residentId,
      at: e.at,
      on_date: e.onDate ?? null,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      kind: e.kind,
      detail_json: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

export async function insertResident(
  db: Kysely<Database>,
  prepared: PreparedResident,
  placement: PlacementColumns,
  extra: { movedInOn: string | null; unplacedReason?: string },
  actor: Actor,
  at: string,
  kind: 'created' | 'imported' = 'created',
): Promise<string> {
  await assertIdFree(db, prepared.columns.id_hash);
  const id = newId();
  const row: ResidentsTable = {
    id,
    ...prepared.columns,
    ...placement,
    moved_in_on: extra.movedInOn,
    moved_out_on: null,
    died_on: null,
    archived: 0,
    created_at: at,
    created_by: actor.id,
    updated_at: at,
    updated_by: actor.id,
  };
  await db.insertInto('residents').values(row).execute();
  // The history keeps why someone was registered without a household (the follow-up list forgets it once placed).
  const unplaced = extra.unplacedReason ? { unplacedReason: extra.unplacedReason } : {};
  await appendResidentEvent(db, { residentId: id, kind, onDate: extra.movedInOn, detail: { name: row.name, idMasked: row.id_masked, ...unplaced }, actor, at });
  return id;
}

/** Columns compared for the history; sensitive ones are compared by their masked form only. */
const tracked: (keyof ResidentsTable)[] = [
  'name',
  'former_names',
  'doc_type',
  'id_masked',
  'birth_date',
  'gender',
  'phone_masked',
  'status',
  'residence_reason',
  'registered_on',
  'permit_expires_on',
  'id_card_expires_on',
  'id_card_long_term',
  'ethnicity',
  'education',
  'marital_status',
  'occupation',
  'notes',
  'household_id',
  'relation_to_head',
  'house_id',
  'moved_in_on',
];

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What changed between a stored row and the next state; sensitive numbers compared by hash, shown masked. */
export function diffResident(before: ResidentsTable, after: Partial<ResidentsTable>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of tracked) {
    if (!(key in after)) continue;
    const a = before[key];
    const b = after[key];
    if ((a ?? null) === (b ?? null)) continue;
    changes.push({ field: key, from: a ?? null, to: b ?? null });
  }
  // A new number with the same mask (rare) must still show up in the history.
  if ('id_hash' in after && after.id_hash !== before.id_hash && !changes.some((c) => c.field === 'id_masked'))
    changes.push({ field: 'id_masked', from: before.id_masked, to: after.id_masked });
  if ('phone_cipher' in after && after.phone_last4 !== before.phone_last4 && !changes.some((c) => c.field === 'phone_masked'))
    changes.push({ field: 'phone_masked', from: before.phone_masked, to: after.phone_masked });
  return changes;
}

/**
 * Applies new fields to a stored resident. Returns the changes (empty when nothing changed, so an import
 * of the same file again writes nothing). Encrypted values are only replaced when the number changed:
 * a fresh IV would otherwise make every save look like a change.
 */
export async function updateResident(
  db: Kysely<Database>,
  before: ResidentsTable,
  prepared: PreparedResident,
  placement: PlacementColumns | null,
  actor: Actor,
  at: string,
  secrets: FieldCipher,
  extra: { movedInOn?: string | null } = {},
): Promise<FieldChange[]> {
  await assertIdFree(db, prepared.columns.id_hash, before.id);
  const next: Partial<ResidentsTable> = { ...prepared.columns, ...(placement ?? {}) };
  if (extra.movedInOn !== undefined) next.moved_in_on = extra.movedInOn;
  if (prepared.columns.id_hash === before.id_hash) {
    next.id_cipher = before.id_cipher;
  }
  if (samePhone(before, prepared, secrets)) next.phone_cipher = before.phone_cipher;
  const changes = diffResident(before, next);
  if (changes.length === 0 && next.id_cipher === before.id_cipher && next.phone_cipher === before.phone_cipher) return [];
  await db
    .updateTable('residents')
    .set({ ...next, updated_at: at, updated_by: actor.id })
    .where('id', '=', before.id)
    .execute();
  if (changes.length) await appendResidentEvent(db, { residentId: before.id, kind: 'updated', detail: { changes }, actor, at });
  return changes;
}

function samePhone(before: ResidentsTable, prepared: PreparedResident, secrets: FieldCipher): boolean {
  if (before.phone_cipher === null || prepared.phone === null) return before.phone_cipher === null && prepared.phone === null;
  // Masks hide the middle digits, so only the full numbers can be compared.
  return before.phone_last4 === prepared.columns.phone_last4 && secrets.decrypt(before.phone_cipher) === prepared.phone;
}

import type { Kysely } from 'kysely';
import type { Database, ResidentsTable } from '../../db/schema';
import type { FieldCipher } from '../../crypto/field-cipher';
import { inList } from '../../db/keyset';
import { hallDay } from '../../time/hall-day';
import { membersOfHousehold, residentRowsByIds } from './people/repository';
import { toResidentRows } from './people/rows';
import { searchRegistry } from './search';

/**
 * How another area shows a person it refers to (a donor, a recipient, a council member): name, masked
 * numbers only, address and household. Never the full ID number or phone.
 */
export interface PersonSummary {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  age: number | null;
  idMasked: string;
  phoneMasked: string;
  address: string;
  householdId: string | null;
  householdNumber: string | null;
  relationToHead: string | null;
  archived: boolean;
}

type Reader = { db: Kysely<Database>; now(): Date };

/**
 * People matching what a clerk typed, as Ctrl+K finds them (a name or its beginning, pinyin or initials,
 * an ID number or its last digits, a phone), present residents first: for picking a recipient or a member.
 */
export async function findPeople(
  ctx: Reader & { secrets: FieldCipher },
  q: string,
  opts: { limit?: number; includeArchived?: boolean } = {},
): Promise<PersonSummary[]> {
  const hits = await searchRegistry(ctx.db, ctx.secrets, q, opts.limit ?? 20, opts.includeArchived ?? false);
  const ids = hits.flatMap((h) => (h.type === 'resident' ? [h.id] : []));
  const byId = new Map((await personSummaries(ctx, ids)).map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** One person as other areas show them; null when there is no such resident. */
export async function personSummary(ctx: Reader, residentId: string): Promise<PersonSummary | null> {
  return (await personSummaries(ctx, [residentId]))[0] ?? null;
}

/** Everyone registered in a household, the present first (the moved-out and the dead are kept, marked archived). */
export async function householdMembers(ctx: Reader, householdId: string): Promise<PersonSummary[]> {
  return summarise(ctx, await membersOfHousehold(ctx.db, householdId));
}

/** Several people at once (a page of a ledger): three set-based queries, never one per person. */
export async function personSummaries(ctx: Reader, residentIds: readonly string[]): Promise<PersonSummary[]> {
  const rows = await residentRowsByIds(ctx.db, residentIds);
  const order = new Map(residentIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return summarise(ctx, rows);
}

async function summarise(ctx: Reader, rows: ResidentsTable[]): Promise<PersonSummary[]> {
  if (rows.length === 0) return [];
  const { today } = await hallDay(ctx);
  const shown = await toResidentRows(ctx.db, rows, today);
  const householdIds = [...new Set(rows.flatMap((r) => (r.household_id ? [r.household_id] : [])))];
  const numbers = householdIds.length
    ? new Map((await ctx.db.selectFrom('households').select(['id', 'number']).where('id', 'in', inList(householdIds)).execute()).map((h) => [h.id, h.number]))
    : new Map<string, string>();
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    gender: shown[i].gender,
    birthDate: r.birth_date,
    age: shown[i].age,
    idMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    address: shown[i].address,
    householdId: r.household_id,
    householdNumber: r.household_id ? (numbers.get(r.household_id) ?? null) : null,
    relationToHead: r.household_id ? r.relation_to_head : null,
    archived: r.archived === 1,
  }));
}

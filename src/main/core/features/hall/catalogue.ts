// The catalogue of services (服务事项): rows → the contract's objects, search keys, and the one write path
// that hall.saveService and the demo seeder share, so the seeder obeys the same rules as the screen.

import type { Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { HallService, MaterialForm, ServiceMaterial, serviceInput } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import { newId } from '../../util/ids';
import type { HallServicesTable } from './tables';

type Db = Kysely<Database>;
export type ServiceInput = z.output<typeof serviceInput>;

export function toService(row: HallServicesTable): HallService {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    department: row.department,
    legalBasis: row.legal_basis,
    conditions: row.conditions,
    timeLimitDays: row.time_limit_days,
    fee: row.fee,
    place: row.place,
    contact: row.contact,
    materials: (JSON.parse(row.materials) as ServiceMaterial[]).map((m) => ({
      name: m.name,
      form: m.form as MaterialForm,
      copies: m.copies,
      issuer: m.issuer,
      required: m.required,
    })),
    archived: row.archived === 1,
    updatedAt: row.updated_at,
  };
}

export async function findService(db: Db, id: string): Promise<HallService | undefined> {
  const row = await db.selectFrom('hall_services').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toService(row);
}

/** Full pinyin and initials of a service's name, lower-case: `ylbx` and `yanglao` both find 养老保险. */
const nameKeysKept = new Map<string, string[]>();
function nameKeys(name: string): string[] {
  let keys = nameKeysKept.get(name);
  if (!keys) {
    const options = { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' } as const;
    const full = pinyin(name, options).join('').toLowerCase();
    const initials = pinyin(name, { ...options, pattern: 'first' })
      .join('')
      .toLowerCase();
    keys = [full, initials];
    // Service names are a catalogue's few dozen; the bound only guards against a runaway.
    if (nameKeysKept.size > 5_000) nameKeysKept.clear();
    nameKeysKept.set(name, keys);
  }
  return keys;
}

/** Whether a service matches a search: code, name, category or department, or the name's pinyin or initials. */
export function serviceMatches(service: HallService, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  const plain = [service.code, service.name, service.category, service.department].map((s) => s.toLowerCase());
  if (plain.some((s) => s.includes(q))) return true;
  return /^[a-z]+$/.test(q) && nameKeys(service.name).some((k) => k.includes(q));
}

/** The catalogue in code order; archived services only when asked (a catalogue is dozens, so filtered here). */
export async function listServices(db: Db, opts: { includeArchived: boolean; query: string }): Promise<HallService[]> {
  let q = db.selectFrom('hall_services').selectAll().orderBy('archived').orderBy('code');
  if (!opts.includeArchived) q = q.where('archived', '=', 0);
  return (await q.execute()).map(toService).filter((s) => serviceMatches(s, opts.query));
}

/**
 * Creates or updates a service after checking what the contract cannot: the code is the catalogue's own,
 * and a material is listed once (the counter ticks materials off by name). Returns the service before and
 * after, for the caller's audit record.
 */
export async function writeService(
  db: Db,
  input: ServiceInput,
  by: string | null,
  at: string,
): Promise<{ before: HallService | undefined; after: HallService }> {
  const sameCode = await db.selectFrom('hall_services').select(['id', 'name']).where('code', '=', input.code).executeTakeFirst();
  if (sameCode && sameCode.id !== input.id)
    throw new AppError('hall.service_code_taken', `The code ${input.code} is already used by ${sameCode.name}`, {
      params: { code: input.code, name: sameCode.name },
      fields: { code: 'hall.service_code_taken' },
    });
  const seen = new Set<string>();
  for (const [index, m] of input.materials.entries()) {
    if (seen.has(m.name))
      throw new AppError('hall.material_duplicate', `The material ${m.name} is listed twice`, {
        params: { name: m.name },
        fields: { [`materials.${index}.name`]: 'hall.material_duplicate' },
      });
    seen.add(m.name);
  }
  const before = input.id ? await findService(db, input.id) : undefined;
  if (input.id && !before) throw new AppError('hall.service_not_found', 'No such service');
  const values = {
    code: input.code,
    name: input.name,
    category: input.category,
    department: input.department,
    legal_basis: input.legalBasis,
    conditions: input.conditions,
    time_limit_days: input.timeLimitDays,
    fee: input.fee,
    place: input.place,
    contact: input.contact,
    materials: JSON.stringify(input.materials.map((m) => ({ name: m.name, form: m.form, copies: m.copies, issuer: m.issuer, required: m.required }))),
  };
  const id = input.id ?? newId();
  if (before)
    await db
      .updateTable('hall_services')
      .set({ ...values, updated_at: at, updated_by: by })
      .where('id', '=', id)
      .execute();
  else
    await db
      .insertInto('hall_services')
      .values({ id, ...values, archived: 0, created_at: at, created_by: by, updated_at: at, updated_by: by })
      .execute();
  return { before, after: (await findService(db, id))! };
}

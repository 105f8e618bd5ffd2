import type { Kysely } from 'kysely';
import type { ImportMapping } from '../../../../../shared/contract/residents/imports';
import type { Database } from '../../../db/schema';
import { newId } from '../../../util/ids';

/** Saved column mappings: a hall that gets the same street-office sheet every month maps it once. */
export async function listMappings(db: Kysely<Database>): Promise<{ id: string; name: string; mapping: ImportMapping }[]> {
  const rows = await db.selectFrom('import_mappings').select(['id', 'name', 'mapping_json']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mapping: JSON.parse(r.mapping_json) as ImportMapping }));
}

/** Saves under a name; the same name again replaces that mapping. */
export async function saveMapping(
  db: Kysely<Database>,
  name: string,
  mapping: ImportMapping,
  actorId: string | null,
  at: string,
): Promise<{ id: string; name: string; replaced: ImportMapping | null }> {
  const existing = await db.selectFrom('import_mappings').select(['id', 'mapping_json']).where('name', '=', name).executeTakeFirst();
  const mapping_json = JSON.stringify(mapping);
  if (existing) {
    await db.updateTable('import_mappings').set({ mapping_json, updated_at: at, updated_by: actorId }).where('id', '=', existing.id).execute();
    return { id: existing.id, name, replaced: JSON.parse(existing.mapping_json) as ImportMapping };
  }
  const id = newId();
  await db.insertInto('import_mappings').values({ id, name, mapping_json, created_at: at, created_by: actorId, updated_at: at, updated_by: actorId }).execute();
  return { id, name, replaced: null };
}

import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Tag, TagRef } from '../../../../shared/contract/residents';
import type { Database, TagsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { inJsonList, jsonList } from '../../db/keyset';
import { queryShape } from '../../db/query-shape';
import { appendResidentEvent, type Actor } from './write';

export function toTagRef(row: Pick<TagsTable, 'id' | 'name' | 'colour'>): TagRef {
  return { id: row.id, name: row.name, colour: row.colour };
}

/** The tags of a set of residents, in the tags' own order: one query, compiled once (every list page asks it). */
const tagsOfResidents = queryShape<{ ids: string }, { resident_id: string; id: string; name: string; colour: string }>(['ids'], (db, v) =>
  db
    .selectFrom('resident_tags')
    .innerJoin('tags', 'tags.id', 'resident_tags.tag_id')
    .select(['resident_tags.resident_id', 'tags.id', 'tags.name', 'tags.colour'])
    .where('resident_tags.resident_id', 'in', inJsonList<string>(v.ids))
    .orderBy('tags.sort')
    .orderBy('tags.name'),
);

export async function tagsByResident(db: Kysely<Database>, residentIds: readonly string[]): Promise<Map<string, TagRef[]>> {
  const out = new Map<string, TagRef[]>();
  if (residentIds.length === 0) return out;
  for (const r of await tagsOfResidents.execute(db, { ids: jsonList(residentIds) })) {
    const tags = out.get(r.resident_id);
    if (tags) tags.push(toTagRef(r));
    else out.set(r.resident_id, [toTagRef(r)]);
  }
  return out;
}

/**
 * Makes a resident's tags exactly `tagIds`, with a 'tagged'/'untagged' history event per change.
 * Returns whether anything changed (the caller then recomputes the household's next visit).
 */
export async function setResidentTags(
  db: Kysely<Database>,
  residentId: string,
  tagIds: readonly string[],
  actor: Actor,
  at: string,
): Promise<{ added: string[]; removed: string[] }> {
  const wanted = [...new Set(tagIds)];
  const known = wanted.length ? await db.selectFrom('tags').select(['id', 'name']).where('id', 'in', wanted).execute() : [];
  if (known.length !== wanted.length) throw new AppError('residents.tag_not_found', 'No such tag', { fields: { tagIds: 'residents.tag_not_found' } });
  const current = await db
    .selectFrom('resident_tags')
    .innerJoin('tags', 'tags.id', 'resident_tags.tag_id')
    .select(['tags.id', 'tags.name'])
    .where('resident_tags.resident_id', '=', residentId)
    .execute();
  const has = new Set(current.map((t) => t.id));
  const add = known.filter((t) => !has.has(t.id));
  const remove = current.filter((t) => !wanted.includes(t.id));
  // Each link with its resident's keys, read in the same statement: written once (migration 0018).
  for (const t of add)
    await db
      .insertInto('resident_tags')
      .columns(['resident_id', 'tag_id', 'created_at', 'created_by', 'archived', 'status', 'birth_date', 'name_pinyin', 'name', 'grid_id'])
      .expression(
        db
          .selectFrom('residents as r')
          .select((eb) => [
            'r.id',
            eb.val(t.id).as('tag_id'),
            eb.val(at).as('created_at'),
            eb.val(actor.id).as('created_by'),
            'r.archived',
            'r.status',
            'r.birth_date',
            'r.name_pinyin',
            'r.name',
            'r.grid_id',
          ])
          .where('r.id', '=', residentId),
      )
      .execute();
  if (remove.length)
    await db
      .deleteFrom('resident_tags')
      .where('resident_id', '=', residentId)
      .where(
        'tag_id',
        'in',
        remove.map((t) => t.id),
      )
      .execute();
  for (const t of add) await appendResidentEvent(db, { residentId, kind: 'tagged', detail: { tagId: t.id, tag: t.name }, actor, at });
  for (const t of remove) await appendResidentEvent(db, { residentId, kind: 'untagged', detail: { tagId: t.id, tag: t.name }, actor, at });
  return { added: add.map((t) => t.name), removed: remove.map((t) => t.name) };
}

/**
 * Tags with the number of present residents carrying each: for each tag, its present links counted in
 * one range of resident_tags_birth (tag, archived, …), since links carry their resident's archived flag
 * (0005). The index alone is read.
 */
async function listTagRows(db: Kysely<Database>): Promise<(TagsTable & { resident_count: number })[]> {
  const rows = await sql<TagsTable & { resident_count: number }>`
    SELECT t.*, (SELECT count(*) FROM resident_tags rt INDEXED BY resident_tags_birth WHERE rt.tag_id = t.id AND rt.archived = 0) AS resident_count
    FROM tags t ORDER BY t.sort, t.name`.execute(db);
  return rows.rows.map((r) => ({ ...r, resident_count: Number(r.resident_count) }));
}

function toTag(row: TagsTable & { resident_count: number }): Tag {
  return { ...toTagRef(row), sort: row.sort, residentCount: row.resident_count };
}

export const tagsHandlers: HandlerMap<'residents.listTags' | 'residents.saveTag'> = {
  async 'residents.listTags'(_input, ctx) {
    return (await listTagRows(ctx.db)).map(toTag);
  },

  /** A renamed tag keeps its visit-policy rows (they match by name), so intervals do not change. */
  async 'residents.saveTag'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const same = await ctx.db.selectFrom('tags').select('id').where('name', '=', input.name).executeTakeFirst();
    if (same && same.id !== input.id)
      throw new AppError('residents.tag_name_taken', 'A tag with that name exists', { fields: { name: 'residents.tag_name_taken' } });
    const before = input.id ? await ctx.db.selectFrom('tags').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw new AppError('residents.tag_not_found', 'No such tag');
    const id = input.id ?? newId();
    if (before) {
      await ctx.db
        .updateTable('tags')
        .set({ name: input.name, colour: input.colour, sort: input.sort, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
      if (before.name !== input.name) {
        await ctx.db
          .updateTable('visit_policy')
          .set({ match: input.name, updated_at: at, updated_by: by })
          .where('kind', '=', 'tag')
          .where('match', '=', before.name)
          .execute();
      }
    } else {
      await ctx.db
        .insertInto('tags')
        .values({ id, name: input.name, colour: input.colour, sort: input.sort, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    }
    const after = (await listTagRows(ctx.db)).find((t) => t.id === id)!;
    await ctx.audit({ recordType: 'tag', recordId: id, summary: input.name, before: before && toTagRef(before), after: toTag(after) });
    return toTag(after);
  },
};

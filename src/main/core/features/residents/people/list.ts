import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { residentListInput } from '../../../../../shared/contract/residents';
import type { Database, ResidentsTable } from '../../../db/schema';
import { addYears } from '../clock';
import { compareKeyset, type Keyset } from '../cursor';

export type ListFilter = Omit<z.output<typeof residentListInput>, 'cursor' | 'limit'>;
type CountFilter = Omit<ListFilter, 'sort' | 'direction'>;
type Col = 'building_id' | 'grid_id' | 'status';

/**
 * The residents list, paged by keyset on (sort key, id), each query one index range in that order:
 *   name order:  residents_archived_pinyin / residents_grid_pinyin / residents_building_pinyin / residents_status_pinyin
 *                on (name_pinyin, name, id): pinyin order (艾, 安, 白 … 张, 赵, 周), the name and id as tie-breakers
 *   birth order: residents_archived_birth / residents_grid_birth / residents_building_birth / residents_status_birth
 * One filter column picks the index (building, else grid, else status), named with INDEXED BY: without
 * statistics SQLite's planner sometimes prefers an index that would need a sort, and a query that can no
 * longer use its index should fail loudly rather than get slow. The other filters are residual (`+col`);
 * a tag filter is an EXISTS probe into resident_tags (a sparse tag takes taggedCandidates instead). "All" (active and archived) and the residents
 * without a birth date are separate ranges, merged here in the same order: no query ever sorts.
 */

function drivingColumn(f: CountFilter): Col | null {
  if (f.buildingId) return 'building_id';
  if (f.gridId) return 'grid_id';
  if (f.status) return 'status';
  return null;
}

const indexFor: Record<'name' | 'birthDate', Record<Col | 'none', string>> = {
  name: { none: 'residents_archived_pinyin', grid_id: 'residents_grid_pinyin', building_id: 'residents_building_pinyin', status: 'residents_status_pinyin' },
  birthDate: { none: 'residents_archived_birth', grid_id: 'residents_grid_birth', building_id: 'residents_building_birth', status: 'residents_status_birth' },
};

/** Age limits as a birth-date range: age ≥ min ⇔ born on or before today − min years. */
export function birthRange(f: Pick<ListFilter, 'ageMin' | 'ageMax'>, today: string): { after?: string; upTo?: string } {
  return {
    upTo: f.ageMin !== undefined ? addYears(today, -f.ageMin) : undefined,
    after: f.ageMax !== undefined ? addYears(today, -(f.ageMax + 1)) : undefined,
  };
}

/** The filter's conditions but the birth range (which depends on the sort). */
function filterConditions(f: CountFilter, withTag = true): RawBuilder<unknown>[] {
  const driving = drivingColumn(f);
  const out: RawBuilder<unknown>[] = [];
  const equal: [Col, string | undefined][] = [
    ['building_id', f.buildingId],
    ['grid_id', f.gridId],
    ['status', f.status],
  ];
  for (const [col, value] of equal) {
    if (value === undefined) continue;
    out.push(col === driving ? sql`${sql.ref(col)} = ${value}` : sql`+${sql.ref(col)} = ${value}`);
  }
  if (f.tagId && withTag) out.push(sql`EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.tag_id = ${f.tagId} AND rt.resident_id = residents.id)`);
  return out;
}

const and = (conds: RawBuilder<unknown>[]) => sql.join(conds, sql` AND `);

/**
 * A tag filter starts from the tag's residents (resident_tags_tag), every other condition residual; without
 * one, the driving column's index serves the count.
 */
export function countQuery(f: CountFilter, today: string): RawBuilder<{ n: number }> {
  if (f.tagId) return sql<{ n: number }>`SELECT count(*) AS n FROM residents WHERE ${and(taggedConditions(f, today))}`;
  const archived = f.archived === 'all' ? sql`archived IN (0, 1)` : sql`archived = ${f.archived === 'archived' ? 1 : 0}`;
  const range = birthRange(f, today);
  const conds = [archived, ...filterConditions(f)];
  if (range.after !== undefined) conds.push(sql`birth_date > ${range.after}`);
  if (range.upTo !== undefined) conds.push(sql`birth_date <= ${range.upTo}`);
  return sql<{ n: number }>`SELECT count(*) AS n FROM residents WHERE ${and(conds)}`;
}

/**
 * A tag with at most `sparseTagLimit` residents is listed from resident_tags and ordered here (see
 * taggedCandidates); a denser one walks the residents index with an EXISTS probe. That walk is fast only
 * when the tag's residents are spread along the sort order: 高龄 (27,000 of 1.1M) sorted by birth date
 * descending read ~1M index entries from the youngest before finding one (0.9 s a page). So a tag of up
 * to `sparseTagLimit` residents first probes the walk (walkProbes, at most `walkWindow` covering index
 * entries, ~10–20 ms): if it would not fill the page, the tag's residents are read through residents_tag_keys
 * (covering, in id order) and ordered here instead; below `alwaysListBelow` they always are. A building or
 * grid filter bounds the walk to its few thousand residents, so those always walk. (Tests change the
 * tuning to run every path.)
 */
export const listTuning = { sparseTagLimit: 50_000, alwaysListBelow: 5000, walkWindow: 20_000 };

type CandidateKeys = Pick<ResidentsTable, 'id' | 'name' | 'name_pinyin' | 'birth_date'>;

/**
 * Whether a tag's residents are listed from resident_tags and ordered here rather than walked: its residents
 * counted no further than the limit (a covering index range); above `alwaysListBelow` only when the walk
 * would not fill the page within its window (the tag's residents bunched at the far end of the order).
 */
export async function listsFromTag(db: Kysely<Database>, f: ListFilter, today: string, after: Keyset | null, limit: number): Promise<boolean> {
  if (!f.tagId) return false;
  const tuning = listTuning;
  if ((f.gridId || f.buildingId) && tuning.sparseTagLimit > 0) return false;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM resident_tags WHERE tag_id = ${f.tagId} LIMIT ${tuning.sparseTagLimit + 1})`.execute(db);
  const n = Number(r.rows[0].n);
  if (n > tuning.sparseTagLimit) return false;
  if (n <= tuning.alwaysListBelow) return true;
  for (const group of walkProbes(f, today, after, tuning.walkWindow, limit)) {
    let hits = 0;
    for (const probe of group) {
      hits += Number((await probe.hits.execute(db)).rows[0].n);
      if (hits > limit) break;
      if (Number((await probe.seen.execute(db)).rows[0].n) >= tuning.walkWindow) return true;
    }
  }
  return false;
}

/** Every condition of a tag-filtered list, driven by resident_tags_tag and the residents' primary key. */
function taggedConditions(f: CountFilter, today: string): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [sql`id IN (SELECT resident_id FROM resident_tags WHERE tag_id = ${f.tagId})`];
  if (f.archived !== 'all') conds.push(sql`+archived = ${f.archived === 'archived' ? 1 : 0}`);
  if (f.buildingId) conds.push(sql`+building_id = ${f.buildingId}`);
  if (f.gridId) conds.push(sql`+grid_id = ${f.gridId}`);
  if (f.status) conds.push(sql`+status = ${f.status}`);
  const range = birthRange(f, today);
  if (range.after !== undefined) conds.push(sql`+birth_date > ${range.after}`);
  if (range.upTo !== undefined) conds.push(sql`+birth_date <= ${range.upTo}`);
  return conds;
}

/**
 * The keys of every resident a sparse tag selects (at most listTuning.sparseTagLimit): walking the residents index
 * for a rare tag would read most of the registry per page, so these few are ordered and cut here instead.
 */
export function taggedCandidates(f: CountFilter, today: string): RawBuilder<CandidateKeys> {
  // The covering index holds every column but grid and building (which take the walk instead, see listTuning).
  const index = f.gridId || f.buildingId ? sql`` : sql` INDEXED BY residents_tag_keys`;
  return sql`SELECT id, name, name_pinyin, birth_date FROM residents${index} WHERE ${and(taggedConditions(f, today))}`;
}

/** One page of the sparse-tag candidates in (key, id) order after the cursor, plus one row. */
export function pageOfCandidates(rows: CandidateKeys[], sort: ListFilter['sort'], direction: 'asc' | 'desc', after: Keyset | null, limit: number): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (r: CandidateKeys): Keyset => keyOf(r, sort);
  return rows
    .filter((r) => !after || sign * compareKeyset(key(r), after) > 0)
    .sort((a, b) => sign * compareKeyset(key(a), key(b)))
    .slice(0, limit + 1)
    .map((r) => r.id);
}

/**
 * The queries for one page: each an index range in (key, id) order after the cursor, LIMIT limit + 1.
 * One group per archived value, its ranges in scan order (a later one is only needed if the earlier ones
 * came short). Their union, merged in order, is the page.
 */
export function pageQueries(f: ListFilter, today: string, after: Keyset | null, limit: number): RawBuilder<ResidentsTable>[][] {
  return rangeQueries(f, today, after, (index, where, order) => sql<ResidentsTable>`SELECT * FROM residents INDEXED BY ${index} WHERE ${where(true)} ORDER BY ${order} LIMIT ${limit + 1}`);
}

/**
 * For a tag filter, the same ranges as pageQueries, each read no further than `window` index entries:
 * `hits`, the tagged residents among them (stopping at limit + 1), and `seen`, how many entries the window
 * holds (asked only when the hits fall short). The walk is cheap when the ranges fill a page within their
 * windows, or run out before them.
 */
export function walkProbes(f: ListFilter, today: string, after: Keyset | null, window: number, limit: number): { hits: RawBuilder<{ n: number }>; seen: RawBuilder<{ n: number }> }[][] {
  return rangeQueries(f, today, after, (index, where, order) => {
    const w = sql`SELECT id FROM residents INDEXED BY ${index} WHERE ${where(false)} ORDER BY ${order} LIMIT ${window}`;
    return {
      hits: sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${w}) AS w WHERE EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.tag_id = ${f.tagId ?? ''} AND rt.resident_id = w.id) LIMIT ${limit + 1})`,
      seen: sql<{ n: number }>`SELECT count(*) AS n FROM (${w})`,
    };
  });
}

function rangeQueries<T>(
  f: ListFilter,
  today: string,
  after: Keyset | null,
  make: (index: RawBuilder<unknown>, where: (withTag: boolean) => RawBuilder<unknown>, order: RawBuilder<unknown>) => T,
): T[][] {
  const byBirth = f.sort === 'birthDate';
  const dir = sql.raw(f.direction);
  const order = byBirth ? sql`birth_date ${dir}, id ${dir}` : sql`name_pinyin ${dir}, name ${dir}, id ${dir}`;
  const index = sql.raw(indexFor[f.sort][drivingColumn(f) ?? 'none']);
  const archivedValues = f.archived === 'all' ? [0, 1] : [f.archived === 'archived' ? 1 : 0];
  const range = birthRange(f, today);
  const hasAgeLimit = range.after !== undefined || range.upTo !== undefined;
  const asc = f.direction === 'asc';
  const out: T[][] = [];
  const query = (archived: number, conds: RawBuilder<unknown>[]) => make(index, (withTag) => and([sql`archived = ${archived}`, ...filterConditions(f, withTag), ...conds]), order);

  for (const archived of archivedValues) {
    if (!byBirth) {
      const conds = after ? [sql`(name_pinyin, name, id) ${sql.raw(asc ? '>' : '<')} (${after.k}, ${after.n ?? ''}, ${after.i})`] : [];
      if (range.after !== undefined) conds.push(sql`+birth_date > ${range.after}`);
      if (range.upTo !== undefined) conds.push(sql`+birth_date <= ${range.upTo}`);
      out.push([query(archived, conds)]);
      continue;
    }
    let keyed: T | null = null;
    let unkeyed: T | null = null;
    // Rows with a birth date. Ascending, NULL keys sort first, so a cursor on a NULL key still has every
    // dated row ahead; descending, they come last. Only one bound in each direction goes to the index
    // range: the cursor's when there is one (it lies inside the age range), else the age limit.
    const keyedDone = !asc && after !== null && after.k === null;
    if (!keyedDone) {
      const conds: RawBuilder<unknown>[] = [];
      const cursorKey = after && after.k !== null ? after : null;
      if (cursorKey) conds.push(sql`(birth_date, id) ${sql.raw(asc ? '>' : '<')} (${cursorKey.k}, ${cursorKey.i})`);
      const lower = range.after !== undefined && !(asc && cursorKey) ? sql`birth_date > ${range.after}` : null;
      const upper = range.upTo !== undefined && !(!asc && cursorKey) ? sql`birth_date <= ${range.upTo}` : null;
      if (lower) conds.push(lower);
      if (upper) conds.push(upper);
      if (!lower && (!cursorKey || !asc)) conds.push(sql`birth_date IS NOT NULL`);
      keyed = query(archived, conds);
    }
    const nullsDone = hasAgeLimit || (asc && after !== null && after.k !== null);
    if (!nullsDone) {
      unkeyed = query(archived, [sql`birth_date IS NULL`, ...(after && after.k === null ? [sql`id ${sql.raw(asc ? '>' : '<')} ${after.i}`] : [])]);
    }
    const inScanOrder = asc ? [unkeyed, keyed] : [keyed, unkeyed];
    out.push(inScanOrder.filter((q): q is T => q !== null));
  }
  return out;
}

/** A row's keyset: (birth_date, id), or (name_pinyin, name, id) for the name order. */
export function keyOf(row: CandidateKeys, sort: ListFilter['sort']): Keyset {
  return sort === 'birthDate' ? { k: row.birth_date, i: row.id } : { k: row.name_pinyin, n: row.name, i: row.id };
}

/** Merges the ordered parts and cuts one page (plus one row to tell whether there is more). */
export function mergePage(parts: ResidentsTable[][], sort: ListFilter['sort'], direction: 'asc' | 'desc', limit: number) {
  const sign = direction === 'asc' ? 1 : -1;
  const all = parts.flat().sort((a, b) => sign * compareKeyset(keyOf(a, sort), keyOf(b, sort)));
  return { rows: all.slice(0, limit), more: all.length > limit };
}

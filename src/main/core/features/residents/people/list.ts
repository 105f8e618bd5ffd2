import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { residentListInput } from '../../../../../shared/contract/residents';
import type { Database, ResidentsTable } from '../../../db/schema';
import { fillTemplate, placeholder, templateOf, type QueryTemplate } from '../../../db/query-shape';
import { addYears } from '../../../time/calendar';
import { compareKeyset, type Keyset } from '../../../db/keyset';

export type ListFilter = Omit<z.output<typeof residentListInput>, 'cursor' | 'limit'>;
type CountFilter = Omit<ListFilter, 'sort' | 'direction'>;
type Col = 'building_id' | 'grid_id' | 'status';

/**
 * The residents list, paged by keyset on (sort key, rowid), each query one index range in that order:
 *   name order:  residents_archived_pinyin / residents_grid_pinyin / residents_status_pinyin
 *                on (name_pinyin, name): pinyin order (艾, 安, 白 … 张, 赵, 周), the name as tie-breaker
 *   birth order: residents_archived_birth / residents_grid_birth / residents_status_birth
 * and the row's rowid last, which every SQLite index entry ends in (migration 0008: a 36-character id in
 * every entry made each index a third larger, and imports slower). One filter column picks the index
 * (building, else grid, else status), named with INDEXED BY: without statistics SQLite's planner sometimes
 * prefers an index that would need a sort, and a query that can no longer use its index should fail
 * loudly rather than get slow. The other filters are residual (`+col`).
 *
 * A building is the exception: its few hundred residents (a couple of thousand at most) are found in
 * residents_building and each page sorts them, which costs a millisecond and saves a district-wide sorted
 * index per order on every insert.
 *
 * A tag filter pages in resident_tags instead (resident_tags_pinyin / resident_tags_birth on (tag_id,
 * archived, sort key, resident_id), each link carrying its resident's keys, see migration 0005): one range
 * for any tag size and either direction, deep pages as cheap as the first. Each range joins the links'
 * residents in the same statement, walking the links' index in order (no sort, no second statement). A
 * grid with a tag is the same in resident_tags_grid_pinyin / resident_tags_grid_birth, the grid after
 * archived (links carry their resident's grid since migration 0017). With a building, whose few hundred
 * residents bound the walk, residents_building is read instead, with an EXISTS probe per resident.
 * A tag's cursors carry the resident's id, where the others carry the rowid.
 *
 * "All" (active and archived) and the residents without a birth date are separate ranges, merged here in
 * the same order.
 */

/** Whether a list pages through the tag's own links (a tag filter, with a grid or without, but no building). */
export function pagesByTag(f: CountFilter): boolean {
  return Boolean(f.tagId) && !f.buildingId;
}

function drivingColumn(f: CountFilter): Col | null {
  if (f.buildingId) return 'building_id';
  if (f.gridId) return 'grid_id';
  if (f.status) return 'status';
  return null;
}

const indexFor: Record<'name' | 'birthDate', Record<Col | 'none', string>> = {
  name: { none: 'residents_archived_pinyin', grid_id: 'residents_grid_pinyin', building_id: 'residents_building', status: 'residents_status_pinyin' },
  birthDate: { none: 'residents_archived_birth', grid_id: 'residents_grid_birth', building_id: 'residents_building', status: 'residents_status_birth' },
};
/** A tag's links in each order, on their own or within one grid. */
const tagIndexFor: Record<'name' | 'birthDate', Record<'tag' | 'grid', string>> = {
  name: { tag: 'resident_tags_pinyin', grid: 'resident_tags_grid_pinyin' },
  birthDate: { tag: 'resident_tags_birth', grid: 'resident_tags_grid_birth' },
};
const tagIndex = (f: CountFilter, sort: ListFilter['sort']) => tagIndexFor[sort][f.gridId ? 'grid' : 'tag'];

/** Age limits as a birth-date range: age ≥ min ⇔ born on or before today − min years. */
export function birthRange(f: Pick<ListFilter, 'ageMin' | 'ageMax'>, today: string): { after?: string; upTo?: string } {
  return {
    upTo: f.ageMin !== undefined ? addYears(today, -f.ageMin) : undefined,
    after: f.ageMax !== undefined ? addYears(today, -(f.ageMax + 1)) : undefined,
  };
}

/** The filter's conditions but the birth range (which depends on the sort). */
function filterConditions(f: CountFilter): RawBuilder<unknown>[] {
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
  if (f.tagId) out.push(sql`EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.tag_id = ${f.tagId} AND rt.resident_id = residents.id)`);
  return out;
}

const and = (conds: RawBuilder<unknown>[]) => sql.join(conds, sql` AND `);

/**
 * How many residents the filter selects: a tag's links counted in resident_tags_birth or, in a grid,
 * resident_tags_grid_birth (covering), else the driving column's index.
 */
export function countQuery(f: CountFilter, today: string): RawBuilder<{ n: number }> {
  const range = birthRange(f, today);
  const archived = f.archived === 'all' ? sql`archived IN (0, 1)` : sql`archived = ${f.archived === 'archived' ? 1 : 0}`;
  const byTag = pagesByTag(f);
  const conds = [archived, ...(byTag ? tagConditions(f) : filterConditions(f))];
  if (range.after !== undefined) conds.push(sql`birth_date > ${range.after}`);
  if (range.upTo !== undefined) conds.push(sql`birth_date <= ${range.upTo}`);
  const from = byTag ? sql`resident_tags INDEXED BY ${sql.raw(tagIndex(f, 'birthDate'))}` : sql`residents`;
  return sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${and(conds)}`;
}

/**
 * A tag's links (in a grid: the grid is a key of the grid's indexes), with the status checked in the index
 * (every other filter but building is a key); `link` names them where a page joins their residents.
 */
function tagConditions(f: CountFilter, link = ''): RawBuilder<unknown>[] {
  const col = (name: string) => sql.raw(link + name);
  return [
    sql`${col('tag_id')} = ${f.tagId ?? ''}`,
    ...(f.gridId ? [sql`${col('grid_id')} = ${f.gridId}`] : []),
    ...(f.status ? [sql`+${col('status')} = ${f.status}`] : []),
  ];
}

/** What a page is ordered and cut by: a resident's row (with its rowid) or a tag's link (without). */
export type SortKeys = Pick<ResidentsTable, 'id' | 'name' | 'name_pinyin' | 'birth_date'> & { row_no?: number };

/** A residents row as the list reads it: with its rowid, the tie-breaker of every order. */
export type ListedRow = ResidentsTable & { row_no: number };

/**
 * The queries for one page: each an index range in (key, rowid) order after the cursor, LIMIT limit + 1.
 * One group per archived value, its ranges in scan order (a later one is only needed if the earlier ones
 * came short). Their union, merged in order, is the page.
 */
export function pageQueries(f: ListFilter, today: string, after: Keyset | null, limit: number): RawBuilder<ListedRow>[][] {
  return rangeQueries(f, false, birthRange(f, today), after, limit + 1, residentRanges);
}

/**
 * The same for a list paged by tag (pagesByTag): each range walks the links in order and joins their
 * residents (a link's keys are its resident's, kept so by the triggers of migrations 0005 and 0017). Its rows carry no
 * rowid: the tie-breaker of a tag's order is the resident's id.
 */
export function tagPageQueries(f: ListFilter, today: string, after: Keyset | null, limit: number): RawBuilder<ResidentsTable>[][] {
  return rangeQueries(f, true, birthRange(f, today), after, limit + 1, linkRanges);
}

type MakeRange<T> = (index: RawBuilder<unknown>, where: RawBuilder<unknown>, order: RawBuilder<unknown>, take: number) => RawBuilder<T>;
const residentRanges: MakeRange<ListedRow> = (index, where, order, take) =>
  sql`SELECT rowid AS row_no, * FROM residents INDEXED BY ${index} WHERE ${where} ORDER BY ${order} LIMIT ${take}`;
const linkRanges: MakeRange<ResidentsTable> = (index, where, order, take) =>
  sql`SELECT residents.* FROM resident_tags AS link INDEXED BY ${index} JOIN residents ON residents.id = link.resident_id WHERE ${where} ORDER BY ${order} LIMIT ${take}`;

/** One page query, compiled: its SQL and this call's parameters. */
export interface PageQuery {
  sql: string;
  parameters: unknown[];
}

/** Compiled page queries by shape (pageShape): at most a few hundred shapes, each compiled once. */
const pageTemplates = new Map<string, QueryTemplate[][]>();

/**
 * What decides a page's SQL text, its values aside: which filters are given (not their values), the sort,
 * the direction, the archive choice, which age limits, and what kind of cursor.
 */
function pageShape(f: ListFilter, byTag: boolean, range: { after?: string; upTo?: string }, after: Keyset | null): string {
  const cursor = after === null ? 'none' : after.k === null ? 'null-key' : after.n === undefined ? 'key' : 'key+name';
  return [
    byTag,
    f.sort,
    f.direction,
    f.archived,
    !!f.buildingId,
    !!f.gridId,
    !!f.status,
    !!f.tagId,
    range.after !== undefined,
    range.upTo !== undefined,
    cursor,
  ].join('|');
}

/**
 * pageQueries and tagPageQueries as the list handler runs them: built and compiled by Kysely once per shape
 * (with placeholders where the values go, db/query-shape.ts), then filled with this call's values. Building
 * and compiling a page's one to four queries cost more than reading a last page of a building.
 */
export function compiledPageQueries(db: Kysely<Database>, f: ListFilter, byTag: boolean, today: string, after: Keyset | null, limit: number): PageQuery[][] {
  const range = birthRange(f, today);
  const shape = pageShape(f, byTag, range, after);
  let templates = pageTemplates.get(shape);
  if (!templates) {
    const p = placeholder;
    const filter: ListFilter = {
      ...f,
      buildingId: f.buildingId && p('buildingId'),
      gridId: f.gridId && p('gridId'),
      status: f.status && (p('status') as ListFilter['status']),
      tagId: f.tagId && p('tagId'),
    };
    const ranges = { after: range.after === undefined ? undefined : p('after'), upTo: range.upTo === undefined ? undefined : p('upTo') };
    const cursor: Keyset | null = after && { k: after.k === null ? null : p('k'), ...(after.n === undefined ? {} : { n: p('n') }), i: p('i') };
    const take = p('take') as unknown as number;
    const groups = byTag ? rangeQueries(filter, true, ranges, cursor, take, linkRanges) : rangeQueries(filter, false, ranges, cursor, take, residentRanges);
    templates = groups.map((group) => group.map((q) => templateOf(q.compile(db))));
    pageTemplates.set(shape, templates);
  }
  const values = {
    buildingId: f.buildingId,
    gridId: f.gridId,
    status: f.status,
    tagId: f.tagId,
    after: range.after,
    upTo: range.upTo,
    k: after?.k,
    n: after?.n,
    i: after?.i,
    take: limit + 1,
  };
  return templates.map((group) => group.map((t) => ({ sql: t.sql, parameters: fillTemplate(t, values) })));
}

function rangeQueries<T>(
  f: ListFilter,
  byTag: boolean,
  range: { after?: string; upTo?: string },
  after: Keyset | null,
  take: number,
  make: MakeRange<T>,
): RawBuilder<T>[][] {
  const byBirth = f.sort === 'birthDate';
  const dir = sql.raw(f.direction);
  // A tag's ranges are on its links (`link`), joined with residents, whose columns have the same names.
  const col = (name: string) => sql.raw(byTag ? `link.${name}` : name);
  const birth = col('birth_date');
  // The tie-breaker: the resident's id in resident_tags, the rowid in residents.
  const id = col(byTag ? 'resident_id' : 'rowid');
  const order = byBirth ? sql`${birth} ${dir}, ${id} ${dir}` : sql`${col('name_pinyin')} ${dir}, ${col('name')} ${dir}, ${id} ${dir}`;
  const index = sql.raw(byTag ? tagIndex(f, f.sort) : indexFor[f.sort][drivingColumn(f) ?? 'none']);
  const filters = byTag ? tagConditions(f, 'link.') : filterConditions(f);
  const archivedValues = f.archived === 'all' ? [0, 1] : [f.archived === 'archived' ? 1 : 0];
  const hasAgeLimit = range.after !== undefined || range.upTo !== undefined;
  const asc = f.direction === 'asc';
  const out: RawBuilder<T>[][] = [];
  const query = (archived: number, conds: RawBuilder<unknown>[]) =>
    make(index, and([sql`${col('archived')} = ${archived}`, ...filters, ...conds]), order, take);

  for (const archived of archivedValues) {
    if (!byBirth) {
      const conds = after ? [sql`(${col('name_pinyin')}, ${col('name')}, ${id}) ${sql.raw(asc ? '>' : '<')} (${after.k}, ${after.n ?? ''}, ${after.i})`] : [];
      if (range.after !== undefined) conds.push(sql`+${birth} > ${range.after}`);
      if (range.upTo !== undefined) conds.push(sql`+${birth} <= ${range.upTo}`);
      out.push([query(archived, conds)]);
      continue;
    }
    let keyed: RawBuilder<T> | null = null;
    let unkeyed: RawBuilder<T> | null = null;
    // Rows with a birth date. Ascending, NULL keys sort first, so a cursor on a NULL key still has every
    // dated row ahead; descending, they come last. Only one bound in each direction goes to the index
    // range: the cursor's when there is one (it lies inside the age range), else the age limit.
    const keyedDone = !asc && after !== null && after.k === null;
    if (!keyedDone) {
      const conds: RawBuilder<unknown>[] = [];
      const cursorKey = after && after.k !== null ? after : null;
      if (cursorKey) conds.push(sql`(${birth}, ${id}) ${sql.raw(asc ? '>' : '<')} (${cursorKey.k}, ${cursorKey.i})`);
      const lower = range.after !== undefined && !(asc && cursorKey) ? sql`${birth} > ${range.after}` : null;
      const upper = range.upTo !== undefined && !(!asc && cursorKey) ? sql`${birth} <= ${range.upTo}` : null;
      if (lower) conds.push(lower);
      if (upper) conds.push(upper);
      if (!lower && (!cursorKey || !asc)) conds.push(sql`${birth} IS NOT NULL`);
      keyed = query(archived, conds);
    }
    const nullsDone = hasAgeLimit || (asc && after !== null && after.k !== null);
    if (!nullsDone) {
      unkeyed = query(archived, [sql`${birth} IS NULL`, ...(after && after.k === null ? [sql`${id} ${sql.raw(asc ? '>' : '<')} ${after.i}`] : [])]);
    }
    const inScanOrder = asc ? [unkeyed, keyed] : [keyed, unkeyed];
    out.push(inScanOrder.filter((q): q is RawBuilder<T> => q !== null));
  }
  return out;
}

/** A row's keyset: (birth_date, tie), or (name_pinyin, name, tie) for the name order; the tie is the rowid, or a link's resident id. */
export function keyOf(row: SortKeys, sort: ListFilter['sort']): Keyset {
  const i = row.row_no ?? row.id;
  return sort === 'birthDate' ? { k: row.birth_date, i } : { k: row.name_pinyin, n: row.name, i };
}

/**
 * Merges the ordered parts and cuts one page (plus one row to tell whether there is more). Each part is
 * one archived value's ranges, read in scan order, and so already in the page's order: one part is cut as
 * it is, two ("all") are merged head by head, each head's key made once (no sort, no wrapper per row).
 */
export function mergePage<R extends SortKeys>(parts: R[][], sort: ListFilter['sort'], direction: 'asc' | 'desc', limit: number): { rows: R[]; more: boolean } {
  if (parts.length === 1) {
    const only = parts[0];
    return only.length > limit ? { rows: only.slice(0, limit), more: true } : { rows: only, more: false };
  }
  const sign = direction === 'asc' ? 1 : -1;
  const next = parts.map(() => 0);
  const heads = parts.map((part) => (part.length > 0 ? keyOf(part[0], sort) : null));
  const rows: R[] = [];
  for (;;) {
    let best = -1;
    for (let j = 0; j < parts.length; j++) {
      const key = heads[j];
      if (key && (best < 0 || sign * compareKeyset(key, heads[best]!) < 0)) best = j;
    }
    if (best < 0) return { rows, more: false };
    if (rows.length === limit) return { rows, more: true };
    const part = parts[best];
    rows.push(part[next[best]++]);
    heads[best] = next[best] < part.length ? keyOf(part[next[best]], sort) : null;
  }
}

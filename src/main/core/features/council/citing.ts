import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A resolution as another area cites it (the charity ledger's aid review): its number, the meeting's date, the motion's title. */
export interface CitableResolution {
  id: string;
  number: string;
  heldOn: string;
  title: string;
}

function citable(db: Kysely<Database>) {
  return db
    .selectFrom('council_resolutions as r')
    .innerJoin('council_meetings as m', 'm.id', 'r.meeting_id')
    .innerJoin('council_motions as mo', 'mo.id', 'r.motion_id')
    .select(['r.id', 'r.number', 'm.held_on', 'mo.title']);
}

/** The council's resolutions, newest first along their (year, seq) index, optionally those whose number or title contains `query`. */
export function citableResolutionsQuery(db: Kysely<Database>, query = '', limit = 50) {
  let q = citable(db);
  const words = query.trim();
  // instr, not LIKE: a typed % or _ is a character here, not a wildcard.
  if (words) q = q.where(sql<boolean>`(instr(r.number, ${words}) > 0 OR instr(mo.title, ${words}) > 0)`);
  return q.orderBy('r.year', 'desc').orderBy('r.seq', 'desc').limit(limit);
}

export async function citableResolutions(db: Kysely<Database>, query = '', limit = 50): Promise<CitableResolution[]> {
  const rows = await citableResolutionsQuery(db, query, limit).execute();
  return rows.map((r) => ({ id: r.id, number: r.number, heldOn: r.held_on, title: r.title }));
}

/** One resolution by id, or null when the council has none with that id. */
export async function findCitableResolution(db: Kysely<Database>, id: string): Promise<CitableResolution | null> {
  const r = await citable(db).where('r.id', '=', id).executeTakeFirst();
  return r ? { id: r.id, number: r.number, heldOn: r.held_on, title: r.title } : null;
}

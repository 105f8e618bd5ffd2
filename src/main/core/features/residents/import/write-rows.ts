import type SqliteDatabase from 'better-sqlite3';
import type { ResidentEvent } from '../../../../../shared/contract/residents';
import type { ResidentsTable } from '../../../db/schema';
import { newId } from '../../../util/ids';
import type { Actor } from '../write';

/** Every column of residents, once: a missing one is a compile error. */
const residentColumnSet: Record<keyof ResidentsTable, true> = {
  id: true, name: true, former_names: true, name_pinyin: true, name_initials: true, doc_type: true, id_cipher: true, id_hash: true,
  id_tail_rev: true, id_masked: true, birth_date: true, gender: true, region_code: true, phone_cipher: true, phone_last4: true,
  phone_masked: true, status: true, residence_reason: true, registered_on: true, permit_expires_on: true, id_card_expires_on: true,
  id_card_long_term: true, ethnicity: true, education: true, marital_status: true, occupation: true, notes: true, household_id: true, relation_to_head: true,
  grid_id: true, building_id: true, house_id: true, moved_in_on: true, moved_out_on: true, died_on: true, archived: true,
  created_at: true, created_by: true, updated_at: true, updated_by: true,
};
const residentColumns = Object.keys(residentColumnSet) as (keyof ResidentsTable)[];
const updatable = residentColumns.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'created_by');

/**
 * The import's writes as prepared better-sqlite3 statements on the open connection: a 100,000-row
 * import is one transaction of a few hundred thousand statement runs, not as many Kysely round trips.
 * The rows come from the one preparation path (prepareResident); this only stores them.
 */
export class ImportWriter {
  private readonly s;

  constructor(
    sqlite: SqliteDatabase.Database,
    private readonly actor: Actor,
    private readonly at: string,
  ) {
    this.s = {
      insertResident: sqlite.prepare(`INSERT INTO residents (${residentColumns.join(', ')}) VALUES (${residentColumns.map((c) => `@${c}`).join(', ')})`),
      updateResident: sqlite.prepare(`UPDATE residents SET ${updatable.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`),
      event: sqlite.prepare('INSERT INTO resident_events (id, resident_id, at, on_date, actor_id, actor_name, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      tag: sqlite.prepare('INSERT OR IGNORE INTO resident_tags (resident_id, tag_id, created_at, created_by) VALUES (?, ?, ?, ?)'),
      household: sqlite.prepare(
        `INSERT INTO households (id, number, house_id, head_resident_id, residence_relation, last_visit_on, next_visit_due, archived, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, NULL, '人户一致', NULL, NULL, 0, ?, ?, ?, ?)`,
      ),
      householdExists: sqlite.prepare('SELECT 1 FROM households WHERE id = ?'),
      setHead: sqlite.prepare('UPDATE households SET head_resident_id = ?, updated_at = ?, updated_by = ? WHERE id = ? AND head_resident_id IS NULL'),
    };
  }

  insertResident(row: ResidentsTable): void {
    this.s.insertResident.run(row);
  }

  updateResident(row: ResidentsTable): void {
    this.s.updateResident.run(row);
  }

  event(residentId: string, kind: ResidentEvent['kind'], detail: Record<string, unknown>): void {
    this.s.event.run(newId(), residentId, this.at, null, this.actor.id, this.actor.name, kind, JSON.stringify(detail));
  }

  tag(residentId: string, tagId: string): void {
    this.s.tag.run(residentId, tagId, this.at, this.actor.id);
  }

  /** The households this import has made or found: each family's later rows need no look-up. */
  private readonly households = new Set<string>();

  /** A household the file names by 户号 and the registry does not have yet (once, by its planned id). */
  ensureHousehold(id: string, number: string, houseId: string | null): boolean {
    if (this.households.has(id)) return false;
    this.households.add(id);
    if (this.s.householdExists.get(id)) return false;
    this.s.household.run(id, number, houseId, this.at, this.actor.id, this.at, this.actor.id);
    return true;
  }

  /** The 户主 row becomes the household's head, unless it already has one. */
  setHeadIfNone(householdId: string, residentId: string): void {
    this.s.setHead.run(residentId, this.at, this.actor.id, householdId);
  }
}

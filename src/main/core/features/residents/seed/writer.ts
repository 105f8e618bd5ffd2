import type SqliteDatabase from 'better-sqlite3';
import type { CompoundsTable, GridsTable, BuildingsTable, HousesTable, HouseholdsTable, ResidentsTable, VisitsTable } from '../../../db/schema';
import type { SeedSink } from './community';

type Row = Record<string, unknown>;

const columns = {
  grids: ['id', 'code', 'name', 'worker_user_id', 'worker_name', 'worker_phone', 'complaint_phone', 'archived', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  compounds: ['id', 'name', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  buildings: ['id', 'compound_id', 'grid_id', 'name', 'floors', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  houses: ['id', 'building_id', 'unit', 'floor', 'room', 'address_key', 'use', 'owner_name', 'landlord_name', 'lease_start', 'lease_end', 'rental_registration_no', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  households: ['id', 'number', 'house_id', 'head_resident_id', 'residence_relation', 'last_visit_on', 'next_visit_due', 'archived', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  residents: [
    'id', 'name', 'former_names', 'name_pinyin', 'name_initials', 'doc_type', 'id_cipher', 'id_hash', 'id_tail_rev', 'id_masked', 'birth_date', 'gender',
    'region_code', 'phone_cipher', 'phone_last4', 'phone_masked', 'status', 'residence_reason', 'registered_on', 'permit_expires_on', 'id_card_expires_on',
    'ethnicity', 'education', 'marital_status', 'occupation', 'notes', 'household_id', 'relation_to_head', 'grid_id', 'building_id', 'house_id',
    'moved_in_on', 'moved_out_on', 'died_on', 'archived', 'created_at', 'created_by', 'updated_at', 'updated_by',
  ],
  resident_tags: ['resident_id', 'tag_id', 'created_at', 'created_by'],
  visits: ['id', 'household_id', 'visited_on', 'visitor_user_id', 'visitor_name', 'outcome', 'checklist_json', 'notes', 'follow_up', 'follow_up_note', 'created_at', 'created_by'],
} as const satisfies Record<string, readonly string[]>;

type Table = keyof typeof columns;
/** Parents before children, so that every foreign key finds its row inside the same transaction. */
const order: Table[] = ['grids', 'compounds', 'buildings', 'houses', 'households', 'residents', 'resident_tags', 'visits'];

/**
 * Buffers generated rows and writes them with prepared statements, one transaction per `batchRows` rows,
 * letting the event loop run between transactions.
 */
export class SeedWriter implements SeedSink {
  private readonly statements: Record<Table, SqliteDatabase.Statement>;
  private readonly buffers: Record<Table, unknown[][]>;
  private pending = 0;
  private readonly flushAll: () => void;
  written = 0;

  constructor(
    sqlite: SqliteDatabase.Database,
    private readonly tagIds: Map<string, string>,
    private readonly stamp: { at: string; actorId: string | null },
    private readonly batchRows = 20_000,
    private readonly onFlush: (written: number) => void = () => {},
  ) {
    const prepare = (table: Table) => sqlite.prepare(`INSERT INTO ${table} (${columns[table].join(', ')}) VALUES (${columns[table].map(() => '?').join(', ')})`);
    this.statements = Object.fromEntries(order.map((t) => [t, prepare(t)])) as Record<Table, SqliteDatabase.Statement>;
    this.buffers = Object.fromEntries(order.map((t) => [t, []])) as unknown as Record<Table, unknown[][]>;
    this.flushAll = sqlite.transaction(() => {
      for (const table of order) {
        const stmt = this.statements[table];
        for (const values of this.buffers[table]) stmt.run(values);
        this.buffers[table].length = 0;
      }
    });
  }

  private push(table: Table, row: Row): void {
    this.buffers[table].push(columns[table].map((c) => row[c]));
    this.pending++;
  }

  grid(row: GridsTable): void {
    this.push('grids', row as unknown as Row);
  }
  compound(row: CompoundsTable): void {
    this.push('compounds', row as unknown as Row);
  }
  building(row: BuildingsTable): void {
    this.push('buildings', row as unknown as Row);
  }
  house(row: HousesTable): void {
    this.push('houses', row as unknown as Row);
  }
  household(row: HouseholdsTable): void {
    this.push('households', row as unknown as Row);
  }
  resident(row: ResidentsTable, tags: string[]): void {
    this.push('residents', row as unknown as Row);
    for (const name of tags) {
      const tagId = this.tagIds.get(name);
      if (tagId) this.push('resident_tags', { resident_id: row.id, tag_id: tagId, created_at: this.stamp.at, created_by: this.stamp.actorId });
    }
  }
  visit(row: VisitsTable): void {
    this.push('visits', row as unknown as Row);
  }

  async checkpoint(): Promise<void> {
    if (this.pending < this.batchRows) return;
    this.flush();
    await new Promise((resolve) => setImmediate(resolve));
  }

  flush(): void {
    if (this.pending === 0) return;
    this.flushAll();
    this.written += this.pending;
    this.pending = 0;
    this.onFlush(this.written);
  }
}

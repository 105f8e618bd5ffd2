import type SqliteDatabase from 'better-sqlite3';
import type { CompoundsTable, GridsTable, BuildingsTable, HousesTable, HouseholdsTable, VisitsTable } from '../../../db/schema';
import type { ResidentFields } from '../prepare';
import type { ResidentBase, SeedSink } from './community';
import type { BatchDeriver } from './derive';

type Row = Record<string, unknown>;

const columns = {
  grids: [
    'id',
    'code',
    'name',
    'worker_user_id',
    'worker_name',
    'worker_phone',
    'complaint_phone',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  compounds: ['id', 'name', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  buildings: ['id', 'compound_id', 'grid_id', 'name', 'floors', 'created_at', 'created_by', 'updated_at', 'updated_by'],
  houses: [
    'id',
    'building_id',
    'unit',
    'floor',
    'room',
    'address_key',
    'use',
    'owner_name',
    'landlord_name',
    'lease_start',
    'lease_end',
    'rental_registration_no',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  households: [
    'id',
    'number',
    'house_id',
    'head_resident_id',
    'residence_relation',
    'last_visit_on',
    'next_visit_due',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  residents: [
    'id',
    'name',
    'former_names',
    'name_pinyin',
    'name_initials',
    'doc_type',
    'id_cipher',
    'id_hash',
    'id_tail_rev',
    'id_masked',
    'birth_date',
    'gender',
    'region_code',
    'phone_cipher',
    'phone_last4',
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
    'grid_id',
    'building_id',
    'house_id',
    'moved_in_on',
    'moved_out_on',
    'died_on',
    'archived',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  resident_tags: ['resident_id', 'tag_id', 'created_at', 'created_by'],
  visits: [
    'id',
    'household_id',
    'visited_on',
    'visitor_user_id',
    'visitor_name',
    'outcome',
    'checklist_json',
    'notes',
    'follow_up',
    'follow_up_note',
    'created_at',
    'created_by',
  ],
} as const satisfies Record<string, readonly string[]>;

type Table = keyof typeof columns;
/** Parents before children, so that every foreign key finds its row inside the same transaction. */
const order: Table[] = ['grids', 'compounds', 'buildings', 'houses', 'households', 'residents', 'resident_tags', 'visits'];

interface Batch {
  rows: Record<Table, unknown[][]>;
  residents: { base: ResidentBase; fields: ResidentFields }[];
  count: number;
}

function emptyBatch(): Batch {
  return { rows: Object.fromEntries(order.map((t) => [t, []])) as unknown as Record<Table, unknown[][]>, residents: [], count: 0 };
}

/**
 * Buffers generated rows and writes them with prepared statements, one transaction per `batchRows` rows.
 * A batch's residents get their derived columns (encryption, hashes, pinyin) from the deriver; with
 * worker threads that runs while the next batch is generated, and batches are still written in order.
 */
export class SeedWriter implements SeedSink {
  private readonly statements: Record<Table, SqliteDatabase.Statement>;
  private readonly writeBatch: (batch: Batch) => void;
  private batch = emptyBatch();
  private inFlight: { batch: Batch; derived: Promise<unknown[][]> } | null = null;
  written = 0;

  constructor(
    sqlite: SqliteDatabase.Database,
    private readonly deriver: BatchDeriver,
    private readonly tagIds: Map<string, string>,
    private readonly stamp: { at: string; actorId: string | null },
    private readonly batchRows = 20_000,
    private readonly onFlush: (written: number) => void = () => {},
  ) {
    const prepare = (table: Table) =>
      sqlite.prepare(`INSERT INTO ${table} (${columns[table].join(', ')}) VALUES (${columns[table].map(() => '?').join(', ')})`);
    this.statements = Object.fromEntries(order.map((t) => [t, prepare(t)])) as Record<Table, SqliteDatabase.Statement>;
    this.writeBatch = sqlite.transaction((batch: Batch) => {
      for (const table of order) {
        const stmt = this.statements[table];
        for (const values of batch.rows[table]) stmt.run(values);
      }
    });
  }

  private push(table: Table, row: Row): void {
    this.batch.rows[table].push(columns[table].map((c) => row[c]));
    this.batch.count++;
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
  resident(base: ResidentBase, fields: ResidentFields, tags: string[]): void {
    this.batch.residents.push({ base, fields });
    this.batch.count++;
    for (const name of tags) {
      const tagId = this.tagIds.get(name);
      if (tagId) this.push('resident_tags', { resident_id: base.id, tag_id: tagId, created_at: this.stamp.at, created_by: this.stamp.actorId });
    }
  }
  visit(row: VisitsTable): void {
    this.push('visits', row as unknown as Row);
  }

  /** Hands a full batch to the deriver and writes the previous one; lets other work run in between. */
  async checkpoint(): Promise<void> {
    if (this.batch.count < this.batchRows) return;
    const batch = this.batch;
    this.batch = emptyBatch();
    const derived = this.derive(batch);
    // Awaited in drain(); until then a failure must not count as unhandled.
    derived.catch(() => {});
    await this.drain();
    this.inFlight = { batch, derived };
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Writes everything still buffered. */
  async flush(): Promise<void> {
    await this.drain();
    if (this.batch.count === 0) return;
    const batch = this.batch;
    this.batch = emptyBatch();
    this.inFlight = { batch, derived: this.derive(batch) };
    await this.drain();
  }

  private async derive(batch: Batch): Promise<unknown[][]> {
    const derived = await this.deriver.derive(batch.residents.map((r) => r.fields));
    return batch.residents.map((r, i) => {
      const row = { ...r.base, ...derived[i] } as Row;
      return columns.residents.map((c) => row[c]);
    });
  }

  private async drain(): Promise<void> {
    const flight = this.inFlight;
    if (!flight) return;
    this.inFlight = null;
    flight.batch.rows.residents = await flight.derived;
    this.writeBatch(flight.batch);
    this.written += flight.batch.count;
    this.onFlush(this.written);
  }
}

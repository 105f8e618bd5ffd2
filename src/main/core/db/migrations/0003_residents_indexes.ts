import { sql, type Kysely } from 'kysely';

/**
 * Indexes the residents screens need beyond 0002, so that every list filter and sort is an index range
 * scan in keyset order (no temporary B-tree for ORDER BY):
 * - a list filtered by grid, building or status and sorted by birth date;
 * - the visits-due board, ordered by (next_visit_due, id) for keyset paging.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX residents_grid_birth ON residents (archived, grid_id, birth_date, id)`.execute(db);
  await sql`CREATE INDEX residents_building_birth ON residents (archived, building_id, birth_date, id)`.execute(db);
  await sql`CREATE INDEX residents_status_birth ON residents (archived, status, birth_date, id)`.execute(db);
  await sql`CREATE INDEX households_due ON households (archived, next_visit_due, id)`.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * The council's registers (DOMAIN.md §5): the 议事事项清单 (issues residents raised, sorted by 三事分流, what
 * was decided and where they stand), and the 居民公约, the yearly plan and the 居民议事日 calendar, which
 * share one table of dated entries by kind. Entries are never deleted: a superseded 公约 keeps its row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const stamp = sql.raw(`created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT`);
  await sql`
    CREATE TABLE council_issues (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL CHECK (length(title) > 0),
      raised_by TEXT NOT NULL DEFAULT '',
      raised_on TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('大事', '小事', '私事')),
      status TEXT NOT NULL CHECK (status IN ('raised', 'scheduled', 'decided', 'done', 'referred')),
      decision TEXT NOT NULL DEFAULT '',
      resolution_id TEXT REFERENCES council_resolutions(id),
      ${stamp}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX council_issues_raised ON council_issues (raised_on)`.execute(db);

  await sql`
    CREATE TABLE council_register_entries (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('convention', 'plan', 'deliberation_day')),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      on_date TEXT,
      title TEXT NOT NULL CHECK (length(title) > 0),
      text TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('active', 'superseded', 'done')),
      resolution_id TEXT REFERENCES council_resolutions(id),
      ${stamp},
      CHECK (on_date IS NULL OR substr(on_date, 1, 4) = CAST(year AS TEXT))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX council_register_kind_year ON council_register_entries (kind, year, on_date)`.execute(db);
}

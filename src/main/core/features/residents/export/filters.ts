import type SqliteDatabase from 'better-sqlite3';
import { z } from 'zod';
import { AppError, ErrorCodes } from '../../../../../shared/errors';
import { residentStatuses } from '../../../../../shared/contract/residents';
import { permissionsOf, type Permission, type Role } from '../../../../../shared/permissions';
import { normaliseBuildingName } from '../address';
import { paramInput } from '../../../reports/param-fields';

/** '' from a form's empty field means "not given". */
const optionalText = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(60).optional());
const optionalAge = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(0).max(130).optional());
export const flag = z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 1, z.boolean());

/**
 * The register's filters: those of residents.list. A grid, building or tag may be given by id (the list
 * screen passes its filter) or by what people type (a grid's name or code, "幸福小区3栋", a tag's name).
 */
export const registerParams = z.object({
  grid: paramInput(optionalText, 'grid'),
  building: paramInput(optionalText, 'building'),
  tag: paramInput(optionalText, 'tag'),
  status: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(residentStatuses).optional()),
  ageMin: optionalAge,
  ageMax: optionalAge,
  archived: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(['active', 'archived', 'all']).default('active')),
  /** Full ID and phone numbers instead of masked ones: needs residents.export_full. */
  fullIds: flag.default(false),
});
export type RegisterParams = z.output<typeof registerParams>;

export interface ResolvedFilter {
  gridId?: string;
  buildingId?: string;
  tagId?: string;
  /** For the register's heading: the filters in words. */
  labels: { grid?: string; building?: string; tag?: string };
}

function one<T>(rows: T[], code: string, field: string): T {
  if (rows.length !== 1) throw new AppError(code, `No single match for ${field}`, { fields: { [field]: code } });
  return rows[0];
}

export function resolveFilter(sqlite: SqliteDatabase.Database, p: RegisterParams): ResolvedFilter {
  const out: ResolvedFilter = { labels: {} };
  if (p.grid) {
    const g = one(
      sqlite.prepare('SELECT id, name FROM grids WHERE id = @v OR code = @v OR name = @v').all({ v: p.grid }) as { id: string; name: string }[],
      'residents.grid_not_found',
      'grid',
    );
    out.gridId = g.id;
    out.labels.grid = g.name;
  }
  if (p.building) {
    let rows = sqlite
      .prepare('SELECT b.id, b.name, c.name AS compound FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.id = ?')
      .all(p.building) as { id: string; name: string; compound: string }[];
    if (!rows.length) {
      const m = /^(.*?)([0-9A-Za-z]+(?:栋|幢|号楼|座|号)?|[^0-9A-Za-z]+楼)$/.exec(p.building.replace(/\s+/g, ''));
      const compound = m?.[1] ?? '';
      const name = normaliseBuildingName(m?.[2] ?? p.building);
      rows = sqlite
        .prepare(
          "SELECT b.id, b.name, c.name AS compound FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.name = ? AND (? = '' OR c.name = ?)",
        )
        .all(name, compound, compound) as typeof rows;
    }
    const b = one(rows, 'residents.building_not_found', 'building');
    out.buildingId = b.id;
    out.labels.building = `${b.compound}${/^[0-9A-Za-z]+$/.test(b.name) ? `${b.name}栋` : b.name}`;
  }
  if (p.tag) {
    const t = one(
      sqlite.prepare('SELECT id, name FROM tags WHERE id = @v OR name = @v').all({ v: p.tag }) as { id: string; name: string }[],
      'residents.tag_not_found',
      'tag',
    );
    out.tagId = t.id;
    out.labels.tag = t.name;
  }
  return out;
}

/**
 * What the user may do now, from their roles as stored (a report job may outlive a change of roles).
 * Full numbers leave the app only with residents.export_full.
 */
export function requirePermission(sqlite: SqliteDatabase.Database, userId: string, permission: Permission): void {
  const row = sqlite.prepare('SELECT roles_json, disabled FROM users WHERE id = ?').get(userId) as { roles_json: string; disabled: number } | undefined;
  const allowed = row && !row.disabled && permissionsOf(JSON.parse(row.roles_json) as Role[]).has(permission);
  if (!allowed) throw new AppError(ErrorCodes.forbidden, `Permission ${permission} is needed`, { params: { permission } });
}

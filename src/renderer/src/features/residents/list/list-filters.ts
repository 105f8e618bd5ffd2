import type { ResidentStatus } from '@shared/contract/residents';

export interface ListFilters {
  gridId: string | null;
  buildingId: string | null;
  tagId: string | null;
  status: ResidentStatus | null;
  ageMin: number | null;
  ageMax: number | null;
  /** 在册 / 含迁出 / 已迁出: people who moved out or died are archived, hidden unless asked for. */
  archived: 'active' | 'all' | 'archived';
}

export interface ListSort {
  sort: 'name' | 'birthDate';
  direction: 'asc' | 'desc';
}

export const emptyFilters: ListFilters = { gridId: null, buildingId: null, tagId: null, status: null, ageMin: null, ageMax: null, archived: 'active' };
export const defaultSort: ListSort = { sort: 'name', direction: 'asc' };

/** The filters as the contract takes them: unset ones are left out, not sent as null. */
export function toQuery(f: ListFilters) {
  return {
    gridId: f.gridId ?? undefined,
    buildingId: f.buildingId ?? undefined,
    tagId: f.tagId ?? undefined,
    status: f.status ?? undefined,
    ageMin: f.ageMin ?? undefined,
    ageMax: f.ageMax ?? undefined,
    archived: f.archived,
  };
}

export function activeFilterCount(f: ListFilters): number {
  return [f.gridId, f.buildingId, f.tagId, f.status, f.ageMin, f.ageMax].filter((v) => v !== null).length + (f.archived === 'active' ? 0 : 1);
}

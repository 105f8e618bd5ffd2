import type { Building, Compound, Grid, Tag } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useLoad } from '../../../components/use-load';

/**
 * The small reference lists every resident screen needs (grids, compounds, tags, coded lists, buildings).
 * They are loaded per screen, not cached across screens, and loaded again when places change in any
 * window (useLoad follows data.changed); each list is a handful of rows.
 */
export function useGrids() {
  return useLoad<Grid[]>(() => api.call('residents.listGrids', {}), []);
}

export function useCompounds() {
  return useLoad<Compound[]>(() => api.call('residents.listCompounds', {}), []);
}

export function useTags() {
  return useLoad<Tag[]>(() => api.call('residents.listTags', {}), []);
}

export type CodeLists = Record<string, { code: string; label: string }[]>;

export function useCodeLists() {
  return useLoad<CodeLists>(() => api.call('residents.codeLists', {}), []);
}

const noBuildings: Building[] = [];

/** Buildings narrowed by grid and/or compound; nothing is asked until one of them is chosen unless `all`. */
export function useBuildings(filter: { gridId?: string | null; compoundId?: string | null }, all = false) {
  const gridId = filter.gridId ?? undefined;
  const compoundId = filter.compoundId ?? undefined;
  const asked = all || Boolean(gridId || compoundId);
  const { data, error, reload } = useLoad<Building[]>(
    async () => (asked ? api.call('residents.listBuildings', { gridId, compoundId }) : noBuildings),
    [gridId, compoundId, asked],
  );
  return { data: data ?? noBuildings, error, reload };
}

/** Select options from a coded list: the label is what is stored (the contract keeps labels, not codes). */
export function codeOptions(lists: CodeLists | null, list: string): string[] {
  return (lists?.[list] ?? []).map((c) => c.label);
}

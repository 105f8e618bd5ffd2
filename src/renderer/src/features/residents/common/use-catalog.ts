import { useCallback, useEffect, useState } from 'react';
import type { Building, Compound, Grid, Tag } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useLoad } from '../../../components/use-load';

/**
 * The small reference lists every resident screen needs (grids, compounds, tags, coded lists). They are
 * loaded per screen, not cached across screens: places can change in another window, and each list is a
 * handful of rows.
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

/** Buildings narrowed by grid and/or compound; nothing is asked until one of them is chosen unless `all`. */
export function useBuildings(filter: { gridId?: string | null; compoundId?: string | null }, all = false) {
  const [data, setData] = useState<Building[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const gridId = filter.gridId ?? undefined;
  const compoundId = filter.compoundId ?? undefined;
  useEffect(() => {
    if (!all && !gridId && !compoundId) {
      setData([]);
      return;
    }
    let live = true;
    api
      .call('residents.listBuildings', { gridId, compoundId })
      .then((rows) => live && (setData(rows), setError(null)))
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [gridId, compoundId, all, version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data, error, reload };
}

/** Select options from a coded list: the label is what is stored (the contract keeps labels, not codes). */
export function codeOptions(lists: CodeLists | null, list: string): string[] {
  return (lists?.[list] ?? []).map((c) => c.label);
}

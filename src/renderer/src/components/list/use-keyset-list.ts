import { useLoad } from '../use-load';
import type { KeysetPager } from './DataTable';
import { usePager } from './use-pager';

/**
 * A keyset-paged list for DataTable: `scope` names the query (filters and sort, e.g. their JSON), and a
 * new scope starts again at page 1 in the same render; `load` is called with the page's cursor.
 *
 * `total` is the list's length when page 1 holds all of it (a keyset page carries no count; a list that
 * needs one everywhere asks its server for it), undefined otherwise and while a page is loading.
 */
export function useKeysetList<P extends { rows: unknown[]; nextCursor: string | null }>(scope: string, load: (cursor: string | null) => Promise<P>) {
  const pager = usePager(scope);
  // `load` is a new closure on every render; `scope` names what it reads.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- scope stands for load (see the doc comment)
  const list = useLoad(() => load(pager.cursor), [scope, pager.cursor]);
  const keyset: KeysetPager = {
    page: pager.page,
    hasPrevious: pager.hasPrevious,
    nextCursor: list.data?.nextCursor ?? null,
    onPrevious: pager.previous,
    onNext: pager.next,
  };
  const whole = pager.page === 1 && !list.loading && list.data && !list.data.nextCursor;
  return { ...list, pager: keyset, total: whole ? list.data!.rows.length : undefined };
}

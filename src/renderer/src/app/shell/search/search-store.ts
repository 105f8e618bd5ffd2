import { createSpotlight } from '@mantine/spotlight';

/** The shell's one spotlight store: the header's search box and Ctrl+K open the same one. */
export const [searchStore, search] = createSpotlight();

/** The search box's element id: the type-ahead buffer and the focus helper find it by this. */
export const SEARCH_INPUT_ID = 'linli-search';

/**
 * Marks the first result as selected, as the spotlight itself does after each keystroke (its own helper is
 * not exported). Needed because results arrive after that moment, from the server.
 */
export function selectFirstHit(): void {
  const { listId } = searchStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  const first = list?.querySelector('[data-action]');
  if (!list || !first) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  first.setAttribute('data-selected', 'true');
  searchStore.updateState((s) => ({ ...s, selected: 0 }));
}

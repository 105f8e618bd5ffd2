import { createSpotlight } from '@mantine/spotlight';

/** The resident search's own spotlight store: the header's search box and Ctrl+K open the same one. */
export const [residentSearchStore, residentSearch] = createSpotlight();

/**
 * Marks the first result as selected, as the spotlight itself does after each keystroke (its own helper is
 * not exported). Needed because results arrive after that moment, from the server.
 */
export function selectFirstHit(): void {
  const { listId } = residentSearchStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  const first = list?.querySelector('[data-action]');
  if (!list || !first) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  first.setAttribute('data-selected', 'true');
  residentSearchStore.updateState((s) => ({ ...s, selected: 0 }));
}

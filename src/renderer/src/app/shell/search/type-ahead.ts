import { useCallback, useEffect, useRef } from 'react';
import { search, searchStore, SEARCH_INPUT_ID } from './search-store';

const isShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k');
const isPrintable = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;
let opener: (() => void) | null = null;

/** Opens the shell's search with an empty query, as Ctrl+K does (the header's search box). */
export function openSearch(): void {
  opener?.();
}

const searchInput = () => document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;

/**
 * Ctrl+K and typing at once, as a fast clerk does. The spotlight's search box exists only once its dialog
 * has mounted, and Mantine's focus trap focuses it on a timer after that: letters typed in between went to
 * the page (lost: bhj → hj), and a select() of the old query on a frame timer swallowed the first letter or
 * missed the old query (zs → zszs). Here the query is emptied when the search opens, and until the box
 * has focus every printable key is caught on the window (before any other listener but the lock's key
 * guard) and added to the query; the box is focused on the first frame it exists, caret at the end.
 */
export function useTypeAhead({ enabled, opened, setQuery }: { enabled: boolean; opened: boolean; setQuery: (update: (q: string) => string) => void }) {
  const waiting = useRef(false);

  const open = useCallback(() => {
    setQuery(() => '');
    waiting.current = true;
    search.open();
  }, [setQuery]);

  // The header's search box opens the search the same way.
  useEffect(() => {
    if (!enabled) return;
    opener = open;
    return () => {
      opener = null;
    };
  }, [enabled, open]);

  /** The search box's onFocus: from now on it takes the keys itself. */
  const focused = useCallback((input: HTMLInputElement) => {
    waiting.current = false;
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (isShortcut(e)) {
        e.preventDefault();
        e.stopPropagation();
        if (searchStore.getState().opened) search.close();
        else open();
        return;
      }
      if (!waiting.current || document.activeElement === searchInput()) return;
      if (isPrintable(e)) {
        e.preventDefault();
        e.stopPropagation();
        setQuery((q) => q + e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        e.stopPropagation();
        setQuery((q) => q.slice(0, -1));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, open, setQuery]);

  // Focus the box on the first frame it exists, rather than waiting for the focus trap's timer.
  useEffect(() => {
    if (!opened) {
      waiting.current = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const input = searchInput();
      if (input) {
        if (document.activeElement !== input) input.focus({ preventScroll: true });
      } else if (++tries < 120) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [opened]);

  return { open, focused };
}

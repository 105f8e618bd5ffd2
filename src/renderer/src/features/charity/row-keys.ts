import type { KeyboardEvent } from 'react';
import './keyboard-rows.css';

/**
 * A table row that works from the keyboard as it does with the mouse: Tab reaches it, Enter (or Space)
 * does what a click does, ↑/↓ move to the row above or below. Spread onto a Table.Tr.
 */
export function keyRow(activate: () => void) {
  return {
    tabIndex: 0,
    className: 'linli-key-row',
    'aria-keyshortcuts': 'Enter',
    onClick: activate,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
        if (next instanceof HTMLElement && next.tabIndex >= 0) next.focus();
      }
    },
  };
}

/** Focuses the row after `row` (or `row` itself when it is the last), once React has drawn the table again. */
export function focusRowAfter(row: HTMLElement | null) {
  if (!row) return;
  requestAnimationFrame(() => {
    const next = row.nextElementSibling;
    (next instanceof HTMLElement && next.tabIndex >= 0 ? next : row).focus();
  });
}

/**
 * While the lock overlay is up, keys must not reach the app under it: not a global shortcut (a search
 * opened over the lock), not an Escape that closes a dialog with unsaved input. Dialogs listen on the
 * window in the capture phase too, so this listener is installed once at start-up, before any of them:
 * listeners on the same target and phase run in the order they were added.
 */
let overlay: HTMLElement | null = null;

function guard(e: KeyboardEvent) {
  if (!overlay) return;
  if (!overlay.contains(e.target as Node)) {
    e.preventDefault();
    e.stopImmediatePropagation();
  } else if (e.key === 'Escape' || e.ctrlKey || e.metaKey || e.altKey) {
    // Stops the app's listeners only; the password field's own editing keys (copy, paste) still work.
    e.stopImmediatePropagation();
  }
}

export function installKeyGuard(): void {
  window.addEventListener('keydown', guard, true);
}

/** The overlay element while the screen is locked, or null. */
export function guardKeysFor(element: HTMLElement | null): void {
  overlay = element;
}

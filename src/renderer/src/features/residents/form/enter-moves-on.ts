import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])';

/**
 * Keyboard-first forms: Enter in a field moves to the next field, and on the last one submits;
 * Ctrl+Enter submits from anywhere. Components that use Enter themselves (a select choosing an option,
 * an IME confirming pinyin) mark the event handled, and are left alone. Textareas keep Enter for new lines.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  // 229: the key went to the input method (a Chinese IME picking characters), not to the form.
  if (event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229) return;
  const form = event.currentTarget;
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  if (!(target instanceof HTMLInputElement)) return;
  event.preventDefault();
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => el.offsetParent !== null && !el.closest('[data-enter-skip]'));
  const next = fields[fields.indexOf(target) + 1];
  if (next) next.focus();
  else form.requestSubmit();
}

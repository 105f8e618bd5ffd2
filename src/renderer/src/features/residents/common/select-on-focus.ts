import type { FocusEvent } from 'react';

/**
 * For searchable selects that already hold a value: focusing selects its text, so typing replaces the
 * choice ("学生" → type "个体", Enter) instead of searching for "学生个体".
 */
export const selectOnFocus = {
  onFocus: (event: FocusEvent<HTMLInputElement>) => event.currentTarget.select(),
};

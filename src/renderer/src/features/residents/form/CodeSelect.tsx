import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeValueLabel } from '../common/code-values';
import { codeOptions, type CodeLists } from '../common/use-catalog';
import { selectOnFocus } from '../common/select-on-focus';

/**
 * A coded-list field (民族, 文化程度 …). A stored value that is no longer in the list (an old import, a
 * renamed entry) stays selectable, so opening and saving a record never silently blanks it.
 */
export function CodeSelect({
  lists,
  list,
  current,
  defaultValue,
  ...props
}: Omit<SelectProps, 'data'> & { lists: CodeLists | null; list: string; current: string }) {
  const { t } = useTranslation();
  const options = codeOptions(lists, list);
  // The stored value is the Chinese label; what the select shows is it in the user's language.
  const data = (current && !options.includes(current) ? [current, ...options] : options).map((value) => ({ value, label: codeValueLabel(t, list, value) }));
  // The form stores '' for none; the select shows none as null (no clear button on an empty field).
  return (
    <Select
      data={data}
      searchable
      selectFirstOptionOnChange
      clearable
      comboboxProps={{ withinPortal: true }}
      defaultValue={defaultValue || null}
      {...selectOnFocus}
      {...props}
    />
  );
}

import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeValueLabel } from './code-values';
import { codeOptions, useCodeLists } from './use-catalog';
import { selectOnFocus } from './select-on-focus';

/** 与户主关系 from the coded list (户主, 配偶, 子, 女 …); the stored value is the label. */
export function RelationSelect(props: Omit<SelectProps, 'data' | 'label'>) {
  const { t } = useTranslation();
  const lists = useCodeLists();
  const data = codeOptions(lists.data, 'relation_to_head').map((value) => ({ value, label: codeValueLabel(t, 'relation_to_head', value) }));
  return (
    <Select
      label={t('residents.fields.relationToHead')}
      data={data}
      searchable
      selectFirstOptionOnChange
      clearable
      comboboxProps={{ withinPortal: true }}
      {...selectOnFocus}
      {...props}
    />
  );
}

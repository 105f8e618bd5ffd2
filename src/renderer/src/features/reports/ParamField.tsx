import { Checkbox, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportParamField } from '@shared/contract/reports';
import type { InputProps } from '../../components/form/use-form';
import { DateField } from '../../components/DateField';
import { optionLabel, paramLabel } from './labels';

/** One report parameter, drawn from its declared type. Dates are typed (2026-03-01, 20260301) or picked. */
export function ParamField({ field, inputProps, autoFocus }: { field: ReportParamField; inputProps: InputProps; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const label = paramLabel(t, field.name);
  const common = { label, autoFocus, error: inputProps.error };
  switch (field.type) {
    case 'date': {
      const defaultValue = (inputProps.defaultValue as string | null) ?? null;
      return <DateField w={160} label={label} autoFocus={autoFocus} error={inputProps.error} defaultValue={defaultValue} onChange={inputProps.onChange} />;
    }
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(t, o.label) }))}
          clearable={!field.required}
          searchable
          defaultValue={(inputProps.defaultValue as string | null) ?? null}
          onChange={inputProps.onChange}
          w={240}
        />
      );
    case 'boolean':
      return <Checkbox label={label} autoFocus={autoFocus} error={inputProps.error} defaultChecked={Boolean(inputProps.defaultValue)} onChange={inputProps.onChange} mt="lg" />;
    case 'text':
      return <TextInput {...common} defaultValue={(inputProps.defaultValue as string) ?? ''} onChange={inputProps.onChange} w={240} />;
  }
}

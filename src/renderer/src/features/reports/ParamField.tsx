import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportParamField } from '@shared/contract/reports';
import type { InputProps } from '../../components/form/use-form';
import { DateField } from '../../components/DateField';
import { optionLabel, paramLabel } from '../../components/report-job/labels';
import { PlacePicker } from './PlacePicker';
import { ReferencePicker } from './ReferencePicker';

/** One report parameter, drawn from its declared type. Dates are typed (2026-03-01, 20260301) or picked. */
export function ParamField({
  field,
  inputProps,
  autoFocus,
  gridId,
}: {
  field: ReportParamField;
  inputProps: InputProps;
  autoFocus?: boolean;
  /** The grid chosen beside a building picker, which narrows its list. */
  gridId?: string | null;
}) {
  const { t } = useTranslation();
  const label = paramLabel(t, field.name);
  const common = { label, autoFocus, error: inputProps.error };
  const value = (inputProps.defaultValue as string | null) ?? null;
  switch (field.type) {
    case 'date':
      return <DateField w={160} label={label} autoFocus={autoFocus} error={inputProps.error} defaultValue={value} onChange={inputProps.onChange} />;
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(t, `reports.options.${field.name}.${o.value}`, o.label) }))}
          clearable={!field.required && field.defaultValue === undefined}
          allowDeselect={!field.required && field.defaultValue === undefined}
          searchable
          placeholder={field.required ? undefined : t('residents.list.all')}
          defaultValue={value}
          onChange={inputProps.onChange}
          w={200}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={label}
          autoFocus={autoFocus}
          error={inputProps.error}
          defaultChecked={Boolean(inputProps.defaultValue)}
          onChange={inputProps.onChange}
          mt="lg"
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          defaultValue={(inputProps.defaultValue as number | string | null) ?? ''}
          onChange={(v) => inputProps.onChange(typeof v === 'number' ? v : null)}
          allowDecimal={false}
          allowNegative={false}
          w={120}
        />
      );
    case 'grid':
    case 'building':
    case 'tag':
      return <PlacePicker kind={field.type} {...common} defaultValue={value} onChange={inputProps.onChange} gridId={gridId ?? null} />;
    case 'reference':
      return <ReferencePicker reference={field.reference} {...common} required={field.required} defaultValue={value} onChange={inputProps.onChange} />;
    case 'text':
      return <TextInput {...common} defaultValue={(inputProps.defaultValue as string) ?? ''} onChange={inputProps.onChange} w={240} />;
  }
}

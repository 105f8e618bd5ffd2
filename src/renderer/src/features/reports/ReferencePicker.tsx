import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';
import { referenceSources, type ReferenceSource } from './reference-sources';

interface PickerProps {
  label: string;
  error?: unknown;
  autoFocus?: boolean;
  required: boolean;
  defaultValue: string | null;
  onChange: (value: unknown) => void;
}

/**
 * A report parameter that is the id of some area's record (a meeting): a searchable list of those records,
 * labelled as people know them. A kind the report centre cannot list, or may not list for this user, falls
 * back to a box for the id.
 */
export function ReferencePicker({ reference, ...props }: PickerProps & { reference: string | undefined }) {
  const { can } = useSession();
  const source = reference ? referenceSources[reference] : undefined;
  if (!source || !can(source.permission)) {
    return (
      <TextInput
        label={props.label}
        error={props.error as string | undefined}
        autoFocus={props.autoFocus}
        defaultValue={props.defaultValue ?? ''}
        onChange={props.onChange}
        w={240}
      />
    );
  }
  return <SourcePicker source={source} {...props} />;
}

function SourcePicker({ source, label, error, autoFocus, required, defaultValue, onChange }: PickerProps & { source: ReferenceSource }) {
  const { t } = useTranslation();
  const options = source.useOptions();
  return (
    <Select
      label={label}
      error={(error as string | undefined) ?? (options.error ? t('reports.referenceFailed') : undefined)}
      autoFocus={autoFocus}
      data={options.data}
      defaultValue={defaultValue || null}
      onChange={(v) => onChange(v ?? '')}
      // Typing into a list that is still loading would be lost when it arrives: wait for it.
      disabled={options.loading && options.data.length === 0}
      searchable
      clearable={!required}
      placeholder={options.loading ? t('common.loading') : t('reports.referenceSearch')}
      nothingFoundMessage={t('reports.referenceNone')}
      maxDropdownHeight={300}
      w={440}
    />
  );
}

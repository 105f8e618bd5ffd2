import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { constantFields, docTypes, residentStatuses, type ConstantField, type ImportConstants, type ImportMapping } from '@shared/contract/residents';
import { importFieldLabel } from './problem-text';

/** Fields whose values are a short fixed list: picked, not typed. */
const choices: Partial<Record<ConstantField, readonly string[]>> = { status: residentStatuses, docType: docTypes };

/**
 * A column the file lacks, given one value for every row (小区 = 泰和小区; 人员类别 = 户籍). Only fields
 * not taken from a column are offered; a value set here replaces the column for that field.
 */
export function ConstantsEditor({
  mapping,
  constants,
  onChange,
}: {
  mapping: ImportMapping;
  constants: ImportConstants;
  onChange: (c: ImportConstants) => void;
}) {
  const { t } = useTranslation();
  const offered = constantFields.filter((f) => !mapping[f] || constants[f]);
  if (offered.length === 0) return null;
  const set = (field: ConstantField, value: string | null) => onChange({ ...constants, [field]: value?.trim() ? value : undefined });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('residents.import.constantsTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('residents.import.constantsHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4, lg: 5 }} spacing="sm" verticalSpacing={6}>
        {offered.map((field) => {
          const label = importFieldLabel(t, field);
          const list = choices[field];
          return list ? (
            <Select
              key={field}
              label={label}
              aria-label={t('residents.import.constantOf', { field: label })}
              data={[...list]}
              value={constants[field] ?? null}
              onChange={(v) => set(field, v)}
              clearable
              size="xs"
              placeholder={t('residents.import.constantNone')}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <TextInput
              key={field}
              label={label}
              aria-label={t('residents.import.constantOf', { field: label })}
              value={constants[field] ?? ''}
              onChange={(e) => set(field, e.currentTarget.value)}
              size="xs"
              maxLength={100}
              placeholder={t('residents.import.constantNone')}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

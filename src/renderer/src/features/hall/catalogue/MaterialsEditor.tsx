import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { materialForms, type MaterialForm, type ServiceMaterial } from '@shared/contract/hall';
import { materialFormLabel } from '../labels';

/** A material row being edited; `key` keeps each row's inputs its own when rows move. */
export interface MaterialRow extends ServiceMaterial {
  key: string;
}

let nextKey = 0;
export function materialRow(material?: ServiceMaterial): MaterialRow {
  nextKey += 1;
  return { key: `m${nextKey}`, name: '', form: 'original_and_copy', copies: 1, issuer: '', required: true, ...material };
}

/**
 * The 申请材料 of a service, in the order the 办事指南 lists them (and the counter ticks them): name, form,
 * copies, issuer, and whether it is required. Rows are added, removed and moved up or down. Errors come by
 * the contract's paths (materials.2.name).
 */
export function MaterialsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: MaterialRow[];
  onChange: (rows: MaterialRow[]) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ServiceMaterial>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const formOptions = materialForms.map((f) => ({ value: f, label: materialFormLabel(t, f) }));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('hall.catalogue.materials.title')}
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, materialRow()])}>
          {t('hall.catalogue.materials.add')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('hall.catalogue.materials.none')}
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} aria-label={t('hall.catalogue.materials.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>#</Table.Th>
              <Table.Th>{t('hall.catalogue.materials.name')}</Table.Th>
              <Table.Th w={170}>{t('hall.catalogue.materials.form')}</Table.Th>
              <Table.Th w={80}>{t('hall.catalogue.materials.copies')}</Table.Th>
              <Table.Th w={170}>{t('hall.catalogue.materials.issuer')}</Table.Th>
              <Table.Th w={60}>{t('hall.catalogue.materials.required')}</Table.Th>
              <Table.Th w={96} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {n}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('hall.catalogue.materials.nameOf', { n })}
                      value={row.name}
                      onChange={(e) => update(i, { name: e.currentTarget.value })}
                      error={errors[`materials.${i}.name`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('hall.catalogue.materials.formOf', { n })}
                      data={formOptions}
                      value={row.form}
                      onChange={(v) => v && update(i, { form: v as MaterialForm })}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('hall.catalogue.materials.copiesOf', { n })}
                      value={row.copies}
                      // While the box is emptied to type another number, the last number stands.
                      onChange={(v) => typeof v === 'number' && update(i, { copies: v })}
                      min={1}
                      max={20}
                      allowDecimal={false}
                      error={errors[`materials.${i}.copies`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('hall.catalogue.materials.issuerOf', { n })}
                      placeholder={t('hall.catalogue.materials.issuerPlaceholder')}
                      value={row.issuer}
                      onChange={(e) => update(i, { issuer: e.currentTarget.value })}
                      error={errors[`materials.${i}.issuer`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('hall.catalogue.materials.requiredOf', { n })}
                      checked={row.required}
                      onChange={(e) => update(i, { required: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t('hall.catalogue.materials.up', { n })}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t('hall.catalogue.materials.down', { n })}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => onChange(rows.filter((_, j) => j !== i))}
                        aria-label={t('hall.catalogue.materials.remove', { n })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {errors.materials && (
        <Text size="sm" c="red">
          {errors.materials}
        </Text>
      )}
    </Stack>
  );
}

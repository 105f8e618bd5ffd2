import { useState, type ReactNode } from 'react';
import { Button, Group, Table, Text, type TableTdProps, type TableThProps } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** A column: its header, what a row shows in it, and any cell styling (code in monospace, a bold name). */
export interface ListColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  td?: TableTdProps;
}

interface Props<T> {
  intro: string;
  addLabel: string;
  tableLabel: string;
  columns: ListColumn<T>[];
  rows: T[];
  error: unknown;
  /** The edit button's accessible name, naming its row, so a screen reader can tell the buttons apart. */
  editLabel: (row: T) => string;
  /** Props for the 操作 header (only the compounds tab narrows it). */
  actionsTh?: TableThProps;
  /** The new/edit dialog: row is null for a new entry. Only mounted while open, so it starts fresh each time. */
  modal: (row: T | null, close: () => void) => ReactNode;
}

/** The places screen's list tabs: intro and add button, the table with an edit button per row, the dialog. */
export function EditableListTab<T extends { id: string }>({ intro, addLabel, tableLabel, columns, rows, error, editLabel, actionsTh, modal }: Props<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {addLabel}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <Table fz="sm" verticalSpacing={6} striped aria-label={tableLabel}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
            <Table.Th {...actionsTh}>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((c) => (
                <Table.Td key={c.header} {...c.td}>
                  {c.cell(row)}
                </Table.Td>
              ))}
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(row)} aria-label={editLabel(row)}>
                  {t('residents.places.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && modal(editing === 'new' ? null : editing, () => setEditing(null))}
    </>
  );
}

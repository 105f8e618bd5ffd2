import { useState, type ReactNode } from 'react';
import { Button, Group, Text, type TableTdProps, type TableThProps } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/list/DataTable';

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
  /** Null until loaded: the list says nothing rather than "no records" before it knows. */
  rows: T[] | null | undefined;
  error: unknown;
  /** The edit button's accessible name, naming its row, so a screen reader can tell the buttons apart. */
  editLabel: (row: T) => string;
  /** Props for the 操作 header (only the compounds tab narrows it). */
  actionsTh?: TableThProps;
  /** The new/edit dialog: row is null for a new entry. Only mounted while open, so it starts fresh each time. */
  modal: (row: T | null, close: () => void) => ReactNode;
}

/** The places screen's list tabs: intro and add button, the shared list with an edit button per row, the dialog. */
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
      <DataTable
        label={tableLabel}
        rows={rows}
        rowKey={(row) => row.id}
        error={error}
        empty={t('common.list.empty')}
        total={rows?.length}
        columns={[
          ...columns.map((c): Column<T> => ({ key: c.header, title: c.header, render: c.cell, cellProps: c.td })),
          {
            key: 'actions',
            title: t('common.actions'),
            headerProps: actionsTh,
            render: (row) => (
              <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(row)} aria-label={editLabel(row)}>
                {t('residents.places.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && modal(editing === 'new' ? null : editing, () => setEditing(null))}
    </>
  );
}

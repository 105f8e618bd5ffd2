import { Table, UnstyledButton, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ListSort } from './list-filters';

/** A column header that sorts (in SQL, on the server); `aria-sort` tells screen readers which way. */
export function SortHeader({ label, column, sort, onSort, title }: { label: string; column: ListSort['sort']; sort: ListSort; onSort: (next: ListSort) => void; title?: string }) {
  const active = sort.sort === column;
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort({ sort: column, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })} title={title}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" className="linli-nowrap">
            {label}
          </Text>
          <Icon size={14} stroke={1.8} aria-hidden color={active ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

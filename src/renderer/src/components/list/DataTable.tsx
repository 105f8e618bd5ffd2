import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { Group, Loader, ScrollArea, Stack, Table, Text, UnstyledButton, type MantineColor, type TableTdProps, type TableThProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { Pager } from './Pager';

export interface Column<T> {
  key: string;
  title: ReactNode;
  render: (row: T, index: number) => ReactNode;
  /** Sorted on the server by this sort name (a sort change starts again at page 1: see useKeysetList). */
  sort?: string;
  /** A tooltip for a sort header that sorts by something else than it shows (age → birth date). */
  sortTitle?: string;
  nowrap?: boolean;
  numeric?: boolean;
  mono?: boolean;
  maw?: number;
  width?: number | string;
  /** Anything else a cell or the header needs (a bold name, a narrow 操作 column). */
  cellProps?: TableTdProps;
  headerProps?: TableThProps;
}

export interface TableSort {
  sort: string;
  direction: 'asc' | 'desc';
}

export interface KeysetPager {
  page: number;
  hasPrevious: boolean;
  nextCursor: string | null;
  onPrevious: () => void;
  onNext: (cursor: string | null) => void;
}

interface DataTableProps<T> {
  /** The table's accessible name (screen readers, and the e2e tests' way to find it). */
  label: string;
  columns: Column<T>[];
  /** Undefined or null until the first answer. */
  rows: T[] | null | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  /** What an empty list says (没有符合条件的居民). */
  empty: ReactNode;
  /** How many the whole list holds (every list shows its total); null while it is being counted, undefined when shown elsewhere. */
  total?: number | null;
  /** The total in the list's own words (共 N 人); default 共 N 条. */
  totalLabel?: (formatted: string, count: number) => string;
  sort?: TableSort;
  onSort?: (next: TableSort) => void;
  pager?: KeysetPager;
  onRowClick?: (row: T) => void;
  /** A row's test id, for a test that finds one row among many by its number (notice-G2026-000001). */
  rowTestId?: (row: T) => string;
  rowColor?: (row: T) => { bg?: MantineColor; c?: MantineColor } | undefined;
  minWidth?: number;
  striped?: boolean;
  /** A row's details, drawn in a full-width row under it while it returns something (the audit's diff). */
  expanded?: (row: T) => ReactNode | null;
  /** A long list scrolls inside this height, its header staying in view (the import preview). */
  maxHeight?: number;
  /** Without the total and pager line: a short list inside a card (a household's members). */
  bare?: boolean;
}

/**
 * The one list component: a table of one page of rows, with server-side sort headers, a loader for the
 * first answer (then the old page stays, dimmed, until the next one arrives), an empty state, the
 * list's total and the keyset pager (上一页 · 第 N 页 · 下一页).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, rows, rowKey, loading, error, empty, total, totalLabel, sort, onSort, pager, onRowClick, rowColor, rowTestId } = props;
  const { minWidth = 0, striped = true, bare, expanded, maxHeight } = props;
  const { t, i18n } = useTranslation();
  const clickable: CSSProperties | undefined = onRowClick ? { cursor: 'pointer' } : undefined;
  let body: ReactNode;
  if (!rows) body = loading ? <Loader size="sm" m="md" aria-label={t('common.loading')} /> : null;
  else if (rows.length === 0)
    body = (
      <Text p="lg" c="dimmed" role="status">
        {empty}
      </Text>
    );
  else
    body = (
      <Scroller minWidth={minWidth} maxHeight={maxHeight} dimmed={!!loading}>
        <Table
          stickyHeader={!!maxHeight}
          striped={striped}
          highlightOnHover
          verticalSpacing={6}
          horizontalSpacing="sm"
          fz="sm"
          aria-label={label}
          aria-busy={loading || undefined}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) =>
                c.sort && sort && onSort ? (
                  <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} />
                ) : (
                  <Table.Th key={c.key} w={c.width} ta={c.numeric ? 'right' : undefined} {...c.headerProps}>
                    {c.title}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const details = expanded?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <Table.Tr onClick={onRowClick && (() => onRowClick(row))} style={clickable} data-testid={rowTestId?.(row)} {...rowColor?.(row)}>
                    {columns.map((c) => (
                      <Table.Td
                        key={c.key}
                        className={c.numeric ? 'linli-num' : c.nowrap ? 'linli-nowrap' : undefined}
                        ff={c.mono ? 'monospace' : undefined}
                        maw={c.maw}
                        {...c.cellProps}
                      >
                        {c.render(row, i)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {details && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={columns.length - 1} bg="gray.0">
                        {details}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Scroller>
    );
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      {body}
      {!bare && (
        <Group justify="space-between" px="sm" pb="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === undefined || total === null
              ? rows && total === null
                ? t('common.list.counting')
                : ''
              : (totalLabel ?? ((formatted, count) => t('common.list.total', { count, formatted })))(formatNumber(total, i18n.language), total)}
          </Text>
          {pager && <Pager {...pager} loading={loading} />}
        </Group>
      )}
    </Stack>
  );
}

function Scroller({ minWidth, maxHeight, dimmed, children }: { minWidth: number; maxHeight?: number; dimmed: boolean; children: ReactNode }) {
  const style = { opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' };
  if (maxHeight)
    return (
      <ScrollArea.Autosize mah={maxHeight} type="auto" style={style}>
        {children}
      </ScrollArea.Autosize>
    );
  return (
    <Table.ScrollContainer minWidth={minWidth} style={style}>
      {children}
    </Table.ScrollContainer>
  );
}

/** A column header that sorts (in SQL, on the server); `aria-sort` tells screen readers which way. */
function SortHeader<T>({ column, sort, onSort }: { column: Column<T>; sort: TableSort; onSort: (next: TableSort) => void }) {
  const active = sort.sort === column.sort;
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={column.width} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort({ sort: column.sort!, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })} title={column.sortTitle}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" className="linli-nowrap">
            {column.title}
          </Text>
          <Icon size={14} stroke={1.8} aria-hidden color={active ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

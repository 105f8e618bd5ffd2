import { Card, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '@shared/contract/hall';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { openTicket } from '../hrefs';

/** One of the board's lists under its heading; a row opens its ticket. */
export function BoardList<Row extends TicketRow>({
  title,
  rows,
  columns,
  empty,
  colour,
}: {
  title: string;
  rows: Row[];
  columns: Column<Row>[];
  empty: string;
  /** The heading's colour while the list holds something (已逾期 in red). */
  colour?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding={0}>
      <Group px="sm" pt="sm">
        <Title order={3} fz="h5" c={rows.length > 0 ? colour : undefined}>
          {title}
        </Title>
      </Group>
      <DataTable
        label={title}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={empty}
        total={rows.length}
        totalLabel={(formatted) => t('hall.supervision.total', { formatted })}
        onRowClick={(r) => openTicket(r.id)}
        minWidth={900}
      />
    </Card>
  );
}

import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '@shared/contract/hall';
import { statusColour, statusLabel } from '../labels';

/** A ticket's status as a coloured badge that keeps its words whole in a narrow table column. */
export function StatusBadge({ status, size }: { status: TicketStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColour[status]} variant="light" size={size} style={{ minWidth: 'max-content' }}>
      {statusLabel(t, status)}
    </Badge>
  );
}

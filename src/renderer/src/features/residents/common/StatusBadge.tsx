import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { archivedLabel, statusColour, statusLabel } from './labels';

/** 户籍/居住证/流动人口, and a grey 已迁出/已死亡 beside it for archived people. */
export function StatusBadge({ row, size = 'sm' }: { row: Pick<ResidentRow, 'status' | 'archived' | 'diedOn' | 'movedOutOn'>; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const archived = archivedLabel(t, row);
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={statusColour[row.status]} variant="light" size={size} radius="sm">
        {statusLabel(t, row.status)}
      </Badge>
      {archived && (
        <Badge color="gray" variant="filled" size={size} radius="sm">
          {archived}
        </Badge>
      )}
    </Group>
  );
}

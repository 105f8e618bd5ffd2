import { Group, Text } from '@mantine/core';
import { IconAlertTriangleFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BuildingCell } from '@shared/contract/residents';
import { cellStates } from './cell-state';
import { cellStateLabel } from '../common/terms';

/**
 * What the colours mean, with how many rooms have each, how many visits are overdue, and (when there are
 * any) how many rooms are registered 空置 while people live there.
 */
export function Legend({ cells }: { cells: BuildingCell[] }) {
  const { t } = useTranslation();
  const count = (state: string) => cells.filter((c) => c.state === state).length;
  const overdue = cells.filter((c) => c.visitOverdue).length;
  const mismatched = cells.filter((c) => c.vacantButOccupied).length;
  return (
    <Group gap="lg" wrap="wrap" role="list" aria-label={t('residents.buildings.legend')}>
      {cellStates.map((s) => (
        <Group gap={6} key={s} role="listitem" wrap="nowrap">
          <span className={`linli-bg-swatch linli-bg-${s}`} aria-hidden />
          <Text size="sm">
            {cellStateLabel(t, s)}{' '}
            <Text span c="dimmed" size="sm" className="linli-num">
              {count(s)}
            </Text>
          </Text>
        </Group>
      ))}
      <Group gap={6} role="listitem" wrap="nowrap">
        <span className="linli-bg-swatch linli-bg-vacant linli-bg-overdue" aria-hidden style={{ borderStyle: 'solid' }} />
        <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
          {t('residents.buildings.overdue')}{' '}
          <Text span size="sm" className="linli-num">
            {overdue}
          </Text>
        </Text>
      </Group>
      {mismatched > 0 && (
        <Group gap={6} role="listitem" wrap="nowrap">
          <IconAlertTriangleFilled size={16} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Text size="sm" c="yellow.9" fw={600}>
            {t('residents.buildings.vacantButOccupiedLegend')}{' '}
            <Text span size="sm" className="linli-num">
              {mismatched}
            </Text>
          </Text>
        </Group>
      )}
    </Group>
  );
}

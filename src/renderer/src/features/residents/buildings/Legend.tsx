import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BuildingCell } from '@shared/contract/residents';
import { cellStates } from './cell-state';
import { cellStateLabel } from '../common/terms';

/** What the colours mean, with how many rooms have each, and how many visits are overdue. */
export function Legend({ cells }: { cells: BuildingCell[] }) {
  const { t } = useTranslation();
  const count = (state: string) => cells.filter((c) => c.state === state).length;
  const overdue = cells.filter((c) => c.visitOverdue).length;
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
    </Group>
  );
}

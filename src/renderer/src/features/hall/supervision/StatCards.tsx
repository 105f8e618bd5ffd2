import type { ReactNode } from 'react';
import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupervisionBoard } from '@shared/contract/hall';
import { formatNumber } from '../../../i18n/format';

/** A share as people read it on a board: 87.5, never 87.49999. */
function percent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** One figure of the board: its name, the number, and a line saying what it counts. */
function Stat({ label, value, hint, colour }: { label: string; value: ReactNode; hint: string; colour?: string }) {
  return (
    <Card withBorder padding="sm" role="group" aria-label={label}>
      <Text size="sm" fw={600} c={colour}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={colour}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

/** The supervisor's figures at a glance; 已逾期 turns red as soon as one ticket is late. */
export function StatCards({ counts, dueSoonWindow }: { counts: SupervisionBoard['counts']; dueSoonWindow: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      <Stat label={t('hall.supervision.stats.open')} value={n(counts.open)} hint={t('hall.supervision.stats.openHint')} />
      <Stat
        label={t('hall.supervision.stats.overdue')}
        value={n(counts.overdue)}
        hint={t('hall.supervision.stats.overdueHint')}
        colour={counts.overdue > 0 ? 'red.7' : undefined}
      />
      <Stat
        label={t('hall.supervision.stats.dueSoon')}
        value={n(counts.dueSoon)}
        hint={t('hall.supervision.stats.dueSoonHint', { window: dueSoonWindow })}
        colour={counts.dueSoon > 0 ? 'orange.7' : undefined}
      />
      <Stat label={t('hall.supervision.stats.completed')} value={n(counts.completedThisMonth)} hint={t('hall.supervision.stats.completedHint')} />
      <Stat
        label={t('hall.supervision.stats.onTime')}
        value={counts.onTimePercent === null ? '—' : t('hall.supervision.stats.percent', { n: percent(counts.onTimePercent, i18n.language) })}
        hint={counts.onTimePercent === null ? t('hall.supervision.stats.onTimeNone') : t('hall.supervision.stats.onTimeHint')}
      />
      <Stat
        label={t('hall.supervision.stats.ratings')}
        value={`${n(counts.ratedThisMonth)} / ${n(counts.badThisMonth)}`}
        hint={t('hall.supervision.stats.ratingsHint')}
        colour={counts.badThisMonth > 0 ? 'orange.7' : undefined}
      />
      <Stat
        label={t('hall.supervision.stats.followUps')}
        value={n(counts.followUpPending)}
        hint={t('hall.supervision.stats.followUpsHint')}
        colour={counts.followUpPending > 0 ? 'red.7' : undefined}
      />
    </SimpleGrid>
  );
}

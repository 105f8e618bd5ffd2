import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Spans the whole row (address, notes). */
  wide?: boolean;
}

/** Label-over-value pairs in a grid: a record page people scan, not a form they fill in. Empty values say 未填. */
export function Facts({ facts, cols = 3 }: { facts: Fact[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: cols }} spacing="md" verticalSpacing="sm">
      {facts.map((f) => (
        <Stack gap={0} key={f.label} style={f.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text size="xs" c="dimmed">
            {f.label}
          </Text>
          {f.value === '' || f.value === null || f.value === undefined ? (
            <Text size="sm" c="dimmed">
              {t('residents.common.notFilled')}
            </Text>
          ) : typeof f.value === 'string' || typeof f.value === 'number' ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.value}
            </Text>
          ) : (
            f.value
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

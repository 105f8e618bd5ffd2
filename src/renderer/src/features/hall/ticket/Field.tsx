import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

/** One labelled value on the ticket's cards; long text wraps rather than widening the card. */
export function Field({ label, children, span }: { label: string; children: ReactNode; span?: boolean }) {
  return (
    <Stack gap={2} style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' || typeof children === 'number' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {children === '' ? '—' : children}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

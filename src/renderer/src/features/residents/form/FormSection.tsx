import type { ReactNode } from 'react';
import { Card, SimpleGrid, Title } from '@mantine/core';

/** A titled card of fields, laid out in columns that read left to right, as paper forms do. */
export function FormSection({ title, cols = 3, children }: { title: string; cols?: number; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: cols }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Card>
  );
}

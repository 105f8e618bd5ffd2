import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importActionLabel } from '../common/terms';

type Counts = { add: number; update: number; unchanged: number; reject: number };

const colours: Record<keyof Counts, string> = { add: 'teal', update: 'blue', unchanged: 'gray', reject: 'red' };
const actionOf = { add: 'add', update: 'update', unchanged: 'unchanged', reject: 'reject' } as const;

/** 新增 / 更新 / 不变 / 拒绝: what the import would do (or did), in four large numbers. */
export function ImportCounts({ counts, title }: { counts: Counts; title?: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={4} spacing="sm" aria-label={title}>
      {(Object.keys(colours) as (keyof Counts)[]).map((k) => (
        <Paper key={k} withBorder p="sm" radius="md" style={{ borderTop: `3px solid var(--mantine-color-${colours[k]}-6)` }}>
          <Text size="xs" c="dimmed">
            {importActionLabel(t, actionOf[k])}
          </Text>
          <Text fz={26} fw={700} c={`${colours[k]}.8`} className="linli-num" style={{ textAlign: 'left' }}>
            {counts[k]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

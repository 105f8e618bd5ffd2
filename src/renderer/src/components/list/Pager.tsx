import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** 上一页 · 第 N 页 · 下一页, under a keyset-paged table. */
export function Pager({
  page,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  loading,
}: {
  page: number;
  hasPrevious: boolean;
  nextCursor: string | null;
  onPrevious: () => void;
  onNext: (cursor: string | null) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!hasPrevious || loading} onClick={onPrevious}>
        {t('common.pager.previous')}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.pager.page', { page })}
      </Text>
      <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!nextCursor || loading} onClick={() => onNext(nextCursor)}>
        {t('common.pager.next')}
      </Button>
    </Group>
  );
}

import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openSearch } from './type-ahead';

/**
 * The visible way into the Ctrl+K search, in the header (when some area's search is open to this user): it
 * looks like a search box and opens the spotlight.
 */
export function HeaderSearchButton() {
  const { t } = useTranslation();
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return (
    <UnstyledButton
      onClick={openSearch}
      aria-label={t('shell.search.open')}
      aria-keyshortcuts="Control+K"
      w={300}
      h={34}
      px="sm"
      visibleFrom="sm"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)', background: 'var(--mantine-color-gray-0)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconSearch size={16} stroke={1.6} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="sm" c="dimmed" truncate="end">
            {t('shell.search.box')}
          </Text>
        </Group>
        <Kbd size="xs">{mac ? '⌘ K' : 'Ctrl K'}</Kbd>
      </Group>
    </UnstyledButton>
  );
}

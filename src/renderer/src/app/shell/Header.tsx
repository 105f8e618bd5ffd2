import { Burger, Group, Text, Tooltip } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { UserMenu } from './UserMenu';
import { headerItems, searchProviders } from '../routes';
import { HeaderSearchButton } from './search/HeaderSearchButton';

export function Header({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  const { status, session, can } = useSignedIn();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
        <Text fw={700} size="lg" c="indigo.8" className="linli-nowrap">
          {t('app.name')}
        </Text>
        {status?.communityName && (
          <Text size="md" fw={500} truncate="end">
            {status.communityName}
          </Text>
        )}
      </Group>
      <Group gap="lg" wrap="nowrap">
        {searchProviders.some((p) => can(p.permission)) && <HeaderSearchButton />}
        {headerItems.map((Item, i) => (
          <Item key={i} />
        ))}
        <Tooltip label={t('shell.workstation')}>
          <Group gap={6} wrap="nowrap" visibleFrom="sm" aria-label={t('app.workstation', { name: session.workstation })}>
            <IconDeviceDesktop size={16} aria-hidden />
            <Text size="sm" c="dimmed" className="linli-nowrap">
              {session.workstation}
            </Text>
          </Group>
        </Tooltip>
        <UserMenu />
      </Group>
    </Group>
  );
}

import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../../i18n';
import { useSignedIn } from '../session-context';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const { session, lock, signOut } = useSignedIn();
  const [changing, changePassword] = useDisclosure(false);
  const { user } = session;
  const languageName = (lng: string) => (lng === 'zh-CN' ? t('lang.zh') : t('lang.en'));

  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('shell.userMenu', { name: user.displayName })} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <Group gap="xs" wrap="nowrap">
              <Avatar size={30} color="indigo" radius="xl" aria-hidden>
                {user.displayName.slice(0, 1)}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={500} className="linli-nowrap">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed" className="linli-nowrap">
                  {user.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator'))}
                </Text>
              </Stack>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('shell.signedInAs', { username: user.username })}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={changePassword.open}>
            {t('shell.changePassword')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('shell.language')}</Menu.Label>
          {languages.map((lng) => (
            <Menu.Item
              key={lng}
              onClick={() => void setLanguage(lng)}
              leftSection={i18n.language === lng ? <IconCheck size={16} /> : <span style={{ width: 16 }} />}
              lang={lng}
            >
              {languageName(lng)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()}>
            {t('shell.lock')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={changePassword.close} />
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/contract/users';
import { api } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesModal } from './RolesModal';
import { UsersTable, type UserAction } from './UsersTable';

/** 账号管理: accounts, their roles, enabling and disabling, password resets. */
export function UsersPage() {
  const { t } = useTranslation();
  const { session, refreshSession } = useSignedIn();
  const { data, error, loading, reload } = useLoad(() => api.call('users.list', { includeDisabled: true }), []);
  const [creating, create] = useDisclosure(false);
  const [action, setAction] = useState<{ kind: UserAction; user: UserSummary } | null>(null);
  const close = () => setAction(null);

  async function afterChange(user: UserSummary) {
    await reload();
    // Changing one's own roles changes what this screen and the menu may show.
    if (user.id === session.user.id) await refreshSession();
  }

  async function toggle(user: UserSummary) {
    const saved = await api.call('users.setDisabled', { userId: user.id, disabled: !user.disabled });
    notifications.show({
      color: 'green',
      message: saved.disabled ? t('users.disabledDone', { name: saved.displayName }) : t('users.enabledDone', { name: saved.displayName }),
    });
    await reload();
  }

  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('nav.users')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={create.open}>
            {t('users.create')}
          </Button>
        }
      />
      <Card withBorder padding="xs">
        <UsersTable users={data} loading={loading} error={error} onAction={(kind, user) => setAction({ kind, user })} />
      </Card>
      <CreateUserModal opened={creating} onClose={create.close} onCreated={() => void reload()} />
      {action?.kind === 'roles' && <RolesModal user={action.user} onClose={close} onSaved={(u) => void afterChange(u)} />}
      {action?.kind === 'password' && <ResetPasswordModal user={action.user} onClose={close} />}
      {action?.kind === 'toggle' && (
        <ConfirmModal
          opened
          title={action.user.disabled ? t('users.enableTitle', { name: action.user.displayName }) : t('users.disableTitle', { name: action.user.displayName })}
          confirmLabel={action.user.disabled ? t('users.enable') : t('users.disable')}
          danger={!action.user.disabled}
          onClose={close}
          onConfirm={() => toggle(action.user)}
        >
          {action.user.disabled ? t('users.enableExplain', { username: action.user.username }) : t('users.disableExplain', { username: action.user.username })}
        </ConfirmModal>
      )}
    </Stack>
  );
}

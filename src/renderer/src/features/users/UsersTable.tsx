import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/contract/users';
import { useSignedIn } from '../../app/session-context';
import { DataTable, type Column } from '../../components/list/DataTable';
import { formatDateTimeShort } from '../../i18n/format';

export type UserAction = 'roles' | 'toggle' | 'password';

/** Every account, enabled or not. There is no delete: accounts are disabled, and their history stays. */
interface UsersTableProps {
  users: UserSummary[] | null;
  loading: boolean;
  error: unknown;
  onAction: (action: UserAction, user: UserSummary) => void;
}

export function UsersTable({ users, loading, error, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  const { session, settings } = useSignedIn();
  const columns: Column<UserSummary>[] = [
    {
      key: 'username',
      title: t('users.fields.username'),
      nowrap: true,
      render: (u) => (
        <>
          {u.username}
          {u.id === session.user.id && (
            <Text span size="xs" c="dimmed" ml={4}>
              {t('users.you')}
            </Text>
          )}
        </>
      ),
    },
    { key: 'displayName', title: t('users.fields.displayName'), render: (u) => u.displayName },
    {
      key: 'roles',
      title: t('users.fields.roles'),
      render: (u) => (
        <Group gap={4}>
          {u.roles.map((r) => (
            <Badge key={r} variant="light" size="sm" color={r === 'admin' ? 'grape' : 'indigo'}>
              {t(`roles.${r}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'status',
      title: t('users.fields.status'),
      render: (u) => (
        <Badge variant="dot" color={u.disabled ? 'gray' : 'green'}>
          {u.disabled ? t('users.disabled') : t('users.enabled')}
        </Badge>
      ),
    },
    {
      key: 'lastLogin',
      title: t('users.fields.lastLogin'),
      nowrap: true,
      render: (u) => (u.lastLoginAt ? formatDateTimeShort(u.lastLoginAt, settings.timeZone) : t('users.neverSignedIn')),
    },
    { key: 'createdAt', title: t('users.fields.createdAt'), nowrap: true, render: (u) => formatDateTimeShort(u.createdAt, settings.timeZone) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (u) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => onAction('roles', u)}>
            {t('users.editRoles')}
          </Button>
          <Button size="compact-sm" variant="subtle" color={u.disabled ? 'green' : 'red'} onClick={() => onAction('toggle', u)}>
            {u.disabled ? t('users.enable') : t('users.disable')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => onAction('password', u)}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <DataTable
      label={t('users.tableLabel')}
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      loading={loading}
      error={error}
      empty={t('users.none')}
      total={users?.length}
      rowColor={(u) => (u.disabled ? { c: 'dimmed' } : undefined)}
      minWidth={960}
    />
  );
}

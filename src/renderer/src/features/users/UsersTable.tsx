import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/contract/users';
import { useSignedIn } from '../../app/session-context';
import { formatDateTimeShort } from '../../i18n/format';

export type UserAction = 'roles' | 'toggle' | 'password';

/** Every account, enabled or not. There is no delete: accounts are disabled, and their history stays. */
export function UsersTable({ users, onAction }: { users: UserSummary[]; onAction: (action: UserAction, user: UserSummary) => void }) {
  const { t } = useTranslation();
  const { session, settings } = useSignedIn();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('users.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fields.username')}</Table.Th>
            <Table.Th>{t('users.fields.displayName')}</Table.Th>
            <Table.Th>{t('users.fields.roles')}</Table.Th>
            <Table.Th>{t('users.fields.status')}</Table.Th>
            <Table.Th>{t('users.fields.lastLogin')}</Table.Th>
            <Table.Th>{t('users.fields.createdAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} c={u.disabled ? 'dimmed' : undefined}>
              <Table.Td className="linli-nowrap">
                {u.username}
                {u.id === session.user.id && (
                  <Text span size="xs" c="dimmed" ml={4}>
                    {t('users.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="light" size="sm" color={r === 'admin' ? 'grape' : 'indigo'}>
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={u.disabled ? 'gray' : 'green'}>
                  {u.disabled ? t('users.disabled') : t('users.enabled')}
                </Badge>
              </Table.Td>
              <Table.Td className="linli-nowrap">{u.lastLoginAt ? formatDateTimeShort(u.lastLoginAt, settings.timeZone) : t('users.neverSignedIn')}</Table.Td>
              <Table.Td className="linli-nowrap">{formatDateTimeShort(u.createdAt, settings.timeZone)}</Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

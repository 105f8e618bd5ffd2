import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { navigationFor } from '../routes';
import type { Route } from '../navigation';
import { hrefOf, useLocation } from '../router';

/** Navigation by area: 工作台, then one titled section per area group, only the screens this user may open. */
export function NavBar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const { screen } = useLocation();
  const { home, sections } = navigationFor(can);
  const link = (route: Route) => (
    <NavLink
      key={route.id}
      href={hrefOf(route.id)}
      label={route.label(t)}
      leftSection={<route.icon size={18} stroke={1.6} aria-hidden />}
      active={screen === route.id}
      aria-current={screen === route.id ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
    />
  );
  return (
    <Stack gap={2} component="nav" aria-label={t('shell.navigation')}>
      {link(home)}
      {sections.map(({ group, routes }) => (
        <Stack key={group.id} gap={2} mt="sm" role="group" aria-labelledby={`nav-group-${group.id}`}>
          <Text id={`nav-group-${group.id}`} size="xs" fw={600} c="dimmed" px="sm" pb={2}>
            {group.label(t)}
          </Text>
          {routes.map(link)}
        </Stack>
      ))}
    </Stack>
  );
}

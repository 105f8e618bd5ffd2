import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { allowedRoutes } from '../routes';
import { hrefOf, useLocation } from '../router';

/** Navigation by area: only the screens this user's permissions open. */
export function NavBar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const { screen } = useLocation();
  return (
    <Stack gap={2} component="nav" aria-label={t('shell.navigation')}>
      {allowedRoutes(can).map((route) => (
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
      ))}
    </Stack>
  );
}

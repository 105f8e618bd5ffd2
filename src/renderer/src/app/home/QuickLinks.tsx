import { Card, Group, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { areas } from '../../features/areas';
import { allowedRoutes } from '../navigation';
import { navigate } from '../router';

/**
 * The other screens this user may open, as large targets (from the list of areas, not the shell's routes,
 * which hold this page). Buttons rather than links: the navigation bar
 * holds the one link per screen, so "the link named 账号管理" means one thing.
 */
export function QuickLinks() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const links = allowedRoutes(
    areas.flatMap((a) => a.routes),
    can,
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      {links.map((route) => (
        <UnstyledButton key={route.id} onClick={() => navigate(route.id)} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Card withBorder padding="md" h="100%">
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size="lg" aria-hidden>
                <route.icon size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{route.label(t)}</Text>
                <Text size="xs" c="dimmed">
                  {route.description(t)}
                </Text>
              </div>
            </Group>
          </Card>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}

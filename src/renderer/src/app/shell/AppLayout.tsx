import { AppShell, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSession } from '../session-context';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { ScreenOutlet } from './ScreenOutlet';
import { shellOverlays } from '../routes';

/** The signed-in frame. While locked it is `inert`: still mounted (unsaved input survives), unreachable. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const { locked } = useSession();
  return (
    <>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg" inert={locked}>
        <AppShell.Header>
          <Header navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          {/* Every area adds its screens here: on a laptop's 768 pixels they no longer all fit, so the list scrolls. */}
          <AppShell.Section grow component={ScrollArea} type="auto" scrollbarSize={6}>
            <NavBar onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <ScreenOutlet />
        </AppShell.Main>
      </AppShell>
      {shellOverlays.map((Overlay, i) => (
        <Overlay key={i} />
      ))}
    </>
  );
}

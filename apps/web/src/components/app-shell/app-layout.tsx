// The frame of every signed-in page: header (job tray, notifications, account), sidebar, and the page in the main
// area. It also holds the tab's live socket, so every page stays current.
import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { LiveEvents } from '@/live/live-events';
import { layout } from '@/theme/tokens';
import { AppNavbar } from './app-navbar';
import { BrandMark } from './brand-mark';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { JobTray } from './job-tray';
import { NotificationBell } from './notification-bell';
import { PasswordChangeBanner } from './password-change-banner';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: layout.headerHeight }}
      navbar={{ width: layout.navbarWidth, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <LiveEvents />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <BrandMark />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <JobTray />
            <NotificationBell />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={layout.contentMaxWidth} mx="auto">
          <PasswordChangeBanner />
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

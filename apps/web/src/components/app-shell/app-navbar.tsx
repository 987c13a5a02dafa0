import { roleCan } from '@i2v/domain';
import { NavLink, ScrollArea, Stack } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useCurrentUser } from '@/auth/use-session';
import { Overline } from '../overline';
import { type NavItem, navigation } from './navigation';

function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const sections = navigation
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => !item.permission || roleCan(user.role, item.permission)),
    }))
    .filter((section) => section.items.length > 0);

  return (
    <ScrollArea type="scroll" px="sm" py="md" component="nav" aria-label="Main navigation">
      <Stack gap="lg">
        {sections.map((section) => (
          <Stack key={section.label ?? 'main'} gap={2}>
            {section.label && (
              <Overline px="sm" pb={4}>
                {section.label}
              </Overline>
            )}
            {section.items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                end={item.end}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={isActive(item, pathname)}
                onClick={onNavigate}
                variant="light"
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}

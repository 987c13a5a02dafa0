import { type Permission, roleCan } from '@i2v/domain';
import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { Role } from '@/api/types';
import {
  ApiDocsIcon,
  AuditLogIcon,
  ExternalLinkIcon,
  ProfileIcon,
  ProjectsIcon,
  UsersIcon,
  VariantTypesIcon,
} from '@/components';
import classes from './quick-links.module.css';

interface QuickLink {
  title: string;
  description: string;
  icon: ComponentType<{ size?: number }>;
  /** A page of this app, or (external) a page the server serves. */
  to: string;
  external?: boolean;
  permission: Permission;
}

const links: QuickLink[] = [
  {
    title: 'Projects',
    description: 'Every delivery in the studio and where it stands.',
    icon: ProjectsIcon,
    to: '/projects',
    permission: 'content.read',
  },
  {
    title: 'Image variant types',
    description: 'The kinds of seed image and their file prefixes.',
    icon: VariantTypesIcon,
    to: '/settings/variant-types',
    permission: 'content.read',
  },
  {
    title: 'User accounts',
    description: 'Create accounts, assign roles, reset passwords.',
    icon: UsersIcon,
    to: '/admin/users',
    permission: 'users.manage',
  },
  {
    title: 'Audit trail',
    description: 'Who did what and when; verify the chain.',
    icon: AuditLogIcon,
    to: '/admin/audit',
    permission: 'audit.read',
  },
  {
    title: 'Your account',
    description: 'Your display name and password.',
    icon: ProfileIcon,
    to: '/profile',
    permission: 'profile.manage',
  },
  {
    title: 'API docs',
    description: 'The REST API reference, for scripts and tools.',
    icon: ApiDocsIcon,
    to: '/api/docs',
    external: true,
    permission: 'profile.manage',
  },
];

function QuickLinkBody({ link }: { link: QuickLink }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <ThemeIcon size={40} radius="md" variant="light">
        <link.icon size={22} />
      </ThemeIcon>
      <Stack gap={2}>
        <Group gap={6}>
          <Text fw={600}>{link.title}</Text>
          {link.external && <ExternalLinkIcon size={14} />}
        </Group>
        <Text size="sm" c="dimmed">
          {link.description}
        </Text>
      </Stack>
    </Group>
  );
}

function QuickLinkCard({ link }: { link: QuickLink }) {
  const testId = `quick-link-${link.to}`;
  if (link.external) {
    return (
      <Card
        component="a"
        href={link.to}
        target="_blank"
        rel="noreferrer"
        className={classes.card}
        data-testid={testId}
      >
        <QuickLinkBody link={link} />
      </Card>
    );
  }
  return (
    <Card component={Link} to={link.to} className={classes.card} data-testid={testId}>
      <QuickLinkBody link={link} />
    </Card>
  );
}

export function QuickLinks({ role }: { role: Role }) {
  const visible = links.filter((link) => roleCan(role, link.permission));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Go to
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {visible.map((link) => (
          <QuickLinkCard key={link.title} link={link} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

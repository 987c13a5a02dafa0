// The sidebar's sections. A page appears here when it exists; a section with no page the user may open is hidden.
import type { Permission } from '@i2v/domain';
import type { ComponentType } from 'react';
import {
  AuditLogIcon,
  HomeIcon,
  OutputProfilesIcon,
  ProfileIcon,
  ProjectsIcon,
  QueueIcon,
  SystemHealthIcon,
  UsersIcon,
  VariantTypesIcon,
  WorkersIcon,
  WorkflowsIcon,
} from '../icons';

export interface NavItem {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Needed to see the item; none means every signed-in user. */
  permission?: Permission;
  /** Active only on this exact path (for `/`). */
  end?: boolean;
}

export interface NavSection {
  label: string | null;
  items: NavItem[];
}

export const navigation: NavSection[] = [
  {
    label: null,
    items: [{ label: 'Home', to: '/', icon: HomeIcon, end: true }],
  },
  {
    label: 'Production',
    items: [
      { label: 'Projects', to: '/projects', icon: ProjectsIcon, permission: 'content.read' },
      { label: 'Queue', to: '/jobs', icon: QueueIcon, permission: 'content.read' },
    ],
  },
  {
    label: 'Studio',
    items: [
      {
        label: 'Image variant types',
        to: '/settings/variant-types',
        icon: VariantTypesIcon,
        permission: 'content.read',
      },
      {
        label: 'Output profiles',
        to: '/settings/output-profiles',
        icon: OutputProfilesIcon,
        permission: 'content.read',
      },
      { label: 'Workflows', to: '/workflows', icon: WorkflowsIcon, permission: 'content.read' },
      { label: 'Workers', to: '/workers', icon: WorkersIcon, permission: 'content.read' },
      { label: 'System health', to: '/system/health', icon: SystemHealthIcon, permission: 'content.read' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Users', to: '/admin/users', icon: UsersIcon, permission: 'users.manage' },
      { label: 'Audit log', to: '/admin/audit', icon: AuditLogIcon, permission: 'audit.read' },
    ],
  },
  {
    label: 'Account',
    items: [{ label: 'Profile', to: '/profile', icon: ProfileIcon, permission: 'profile.manage' }],
  },
];

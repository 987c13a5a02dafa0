// The lifecycle moves (PRD-072) as actions people take: what each is called and what it does to the project.
import type { ComponentType } from 'react';
import type { ProjectStatus } from '@/api/types';
import { ArchiveIcon, CloseProjectIcon, DeliverIcon, ReopenIcon, StartProductionIcon } from '@/components';

export interface LifecycleAction {
  to: ProjectStatus;
  label: string;
  icon: ComponentType<{ size?: number }>;
  /** `primary` moves work forward, `danger` cannot be undone. */
  emphasis: 'primary' | 'default' | 'danger';
  /** What happens, for the confirm dialog; `name` is the project's. */
  explain: (name: string) => string;
}

const reopen: LifecycleAction = {
  to: 'active',
  label: 'Re-open',
  icon: ReopenIcon,
  emphasis: 'primary',
  explain: (name) =>
    `"${name}" returns to Active, so it can be edited and generated for again. Re-opening is recorded in the audit log.`,
};

const forward: Partial<Record<ProjectStatus, LifecycleAction>> = {
  active: {
    to: 'active',
    label: 'Start production',
    icon: StartProductionIcon,
    emphasis: 'primary',
    explain: (name) => `"${name}" moves from Setup to Active: generation, review and approval can begin.`,
  },
  delivered: {
    to: 'delivered',
    label: 'Mark delivered',
    icon: DeliverIcon,
    emphasis: 'primary',
    explain: (name) =>
      `"${name}" becomes Delivered and is locked: no edits or new generation until someone re-opens it. Review notes and metadata stay readable.`,
  },
  archived: {
    to: 'archived',
    label: 'Archive',
    icon: ArchiveIcon,
    emphasis: 'default',
    explain: (name) =>
      `"${name}" is archived and locked. It stays listed and searchable; you can re-open it later or close it for good.`,
  },
  closed: {
    to: 'closed',
    label: 'Close permanently',
    icon: CloseProjectIcon,
    emphasis: 'danger',
    explain: (name) =>
      `Closing is final: "${name}" can never be re-opened, and its supporting files become eligible for disk reclamation under its retention policy. Approved outputs and deliveries stay protected.`,
  },
};

/** The action that moves a project from `from` to `to`. */
export function lifecycleAction(from: ProjectStatus, to: ProjectStatus): LifecycleAction | null {
  if (to === 'active' && (from === 'delivered' || from === 'archived')) return reopen;
  return forward[to] ?? null;
}

/** The project's possible moves as actions, forward work first and the irreversible one last. */
export function lifecycleActionsOf(
  status: ProjectStatus,
  allowed: readonly ProjectStatus[],
): LifecycleAction[] {
  const rank = { primary: 0, default: 1, danger: 2 } as const;
  return allowed
    .map((to) => lifecycleAction(status, to))
    .filter((action): action is LifecycleAction => action !== null)
    .sort((a, b) => rank[a.emphasis] - rank[b.emphasis]);
}

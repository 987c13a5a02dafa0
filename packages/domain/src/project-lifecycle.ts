// Project lifecycle (PRD-072): which status may follow which, and which statuses lock a project against edits.
export type ProjectStatusName = 'setup' | 'active' | 'delivered' | 'archived' | 'closed';

const transitions: Record<ProjectStatusName, readonly ProjectStatusName[]> = {
  setup: ['active', 'archived'],
  active: ['delivered', 'archived'],
  // re-opening a delivered or archived project returns it to active work
  delivered: ['active', 'archived'],
  archived: ['active', 'closed'],
  closed: [],
};

export function allowedProjectTransitions(from: ProjectStatusName): ProjectStatusName[] {
  return [...transitions[from]];
}

export function canTransitionProject(from: ProjectStatusName, to: ProjectStatusName): boolean {
  return transitions[from].includes(to);
}

/** Delivered, archived and closed projects refuse edits until re-opened (PRD-072 §1.5). */
export function isProjectLocked(status: ProjectStatusName): boolean {
  return status === 'delivered' || status === 'archived' || status === 'closed';
}

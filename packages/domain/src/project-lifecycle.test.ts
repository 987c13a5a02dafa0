import { describe, expect, it } from 'vitest';
import { allowedProjectTransitions, canTransitionProject, isProjectLocked } from './project-lifecycle.js';

describe('project lifecycle', () => {
  it('follows setup → active → delivered → archived → closed', () => {
    expect(canTransitionProject('setup', 'active')).toBe(true);
    expect(canTransitionProject('active', 'delivered')).toBe(true);
    expect(canTransitionProject('delivered', 'archived')).toBe(true);
    expect(canTransitionProject('archived', 'closed')).toBe(true);
  });

  it('allows re-opening delivered and archived projects, never closed ones', () => {
    expect(canTransitionProject('delivered', 'active')).toBe(true);
    expect(canTransitionProject('archived', 'active')).toBe(true);
    expect(allowedProjectTransitions('closed')).toEqual([]);
  });

  it('refuses skipping steps and staying put', () => {
    expect(canTransitionProject('setup', 'delivered')).toBe(false);
    expect(canTransitionProject('active', 'closed')).toBe(false);
    expect(canTransitionProject('active', 'active')).toBe(false);
    expect(canTransitionProject('delivered', 'setup')).toBe(false);
  });

  it('locks delivered, archived and closed projects', () => {
    expect(
      ['setup', 'active', 'delivered', 'archived', 'closed'].filter((s) => isProjectLocked(s as never)),
    ).toEqual(['delivered', 'archived', 'closed']);
  });
});

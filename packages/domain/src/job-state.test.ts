import { describe, expect, it } from 'vitest';
import {
  availableJobActions,
  canTransition,
  findDependencyCycle,
  IllegalJobTransition,
  retryBackoffMs,
  transition,
  waitingState,
} from './job-state.js';

describe('job state machine', () => {
  it('walks the happy path', () => {
    let s = transition('pending', 'release', 'queued');
    s = transition(s, 'dispatch', 'dispatched');
    s = transition(s, 'start', 'running');
    expect(transition(s, 'complete', 'completed')).toBe('completed');
  });

  it('refuses to leave completed, and names the move', () => {
    expect(() => transition('completed', 'cancel', 'cancelled')).toThrow(IllegalJobTransition);
    expect(() => transition('completed', 'requeue', 'queued')).toThrow(
      'A job that is completed cannot be queued again.',
    );
    expect(() => transition('completed', 'cancel', 'cancelled')).toThrow(
      'A completed job cannot be cancelled.',
    );
  });

  it('refuses a target the action does not lead to', () => {
    expect(canTransition('queued', 'cancel', 'failed')).toBe(false);
    expect(canTransition('running', 'dispatch')).toBe(false);
    expect(canTransition('paused', 'resume', 'scheduled')).toBe(true);
  });

  it('retries infrastructure failures through retrying, then the queue', () => {
    expect(canTransition('running', 'retry_later', 'retrying')).toBe(true);
    expect(canTransition('retrying', 'release', 'queued')).toBe(true);
    expect(canTransition('retrying', 'dispatch')).toBe(false);
  });

  it('lists what a person can do', () => {
    expect(availableJobActions('queued')).toEqual(['cancel', 'pause']);
    expect(availableJobActions('running')).toEqual(['cancel', 'pause']);
    expect(availableJobActions('paused')).toEqual(['cancel', 'resume']);
    expect(availableJobActions('failed')).toEqual(['retry']);
    expect(availableJobActions('completed')).toEqual([]);
  });

  it('sends a released job to wait for its dependencies, then its start time', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(waitingState({ dependenciesMet: false, runAt: null, now })).toBe('pending');
    expect(waitingState({ dependenciesMet: true, runAt: new Date('2026-01-01T11:00:00Z'), now })).toBe(
      'scheduled',
    );
    expect(waitingState({ dependenciesMet: true, runAt: new Date('2026-01-01T09:00:00Z'), now })).toBe(
      'queued',
    );
  });
});

describe('retry backoff', () => {
  it('grows exponentially, is capped and jittered in the upper half', () => {
    expect(retryBackoffMs(1, 0)).toBe(1000);
    expect(retryBackoffMs(1, 0.999)).toBe(1999);
    expect(retryBackoffMs(3, 0)).toBe(4000);
    expect(retryBackoffMs(20, 0.5)).toBe(45_000);
  });
});

describe('dependency cycles', () => {
  it('finds a cycle through existing edges', () => {
    const edges = new Map([
      [2, [1]],
      [3, [2]],
    ]);
    // 1 would depend on 3, which depends on 2, which depends on 1
    expect(findDependencyCycle(1, [3], edges)).toEqual([1, 3, 2, 1]);
  });

  it('finds a job depending on itself', () => {
    expect(findDependencyCycle(5, [5], new Map())).toEqual([5, 5]);
  });

  it('accepts a diamond', () => {
    const edges = new Map([
      [2, [1]],
      [3, [1]],
    ]);
    expect(findDependencyCycle(4, [2, 3], edges)).toBeNull();
  });
});

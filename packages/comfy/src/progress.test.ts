import { describe, expect, it } from 'vitest';
import type { ComfyEvent } from './events.js';
import { ProgressTracker } from './progress.js';

const p = 'p1';
describe('ProgressTracker', () => {
  it('counts cached and finished nodes and the running node’s ticks', () => {
    const t = new ProgressTracker(p, 4);
    const feed = (e: ComfyEvent) => t.update(e);
    expect(feed({ type: 'execution_start', promptId: p, timestamp: 1 }).fraction).toBe(0);
    expect(feed({ type: 'execution_cached', promptId: p, nodes: ['1'], timestamp: 1 }).fraction).toBe(0.25);
    feed({ type: 'executing', promptId: p, node: '2', displayNode: '2' });
    expect(feed({ type: 'executing', promptId: p, node: '3', displayNode: '3' }).fraction).toBe(0.5);
    const mid = feed({ type: 'progress', promptId: p, node: '3', value: 5, max: 10 });
    expect(mid).toEqual({ fraction: 0.625, currentNode: '3', done: false });
    expect(feed({ type: 'progress', promptId: 'other', node: '9', value: 10, max: 10 }).fraction).toBe(0.625);
    expect(feed({ type: 'execution_success', promptId: p, timestamp: 2 })).toEqual({
      fraction: 1,
      currentNode: null,
      done: true,
    });
  });
  it('keeps a node announced by progress_state running when its executing message follows', () => {
    const t = new ProgressTracker(p, 2);
    const running = {
      value: 0,
      max: 10,
      state: 'running',
      nodeId: 'k',
      displayNodeId: 'k',
      parentNodeId: null,
      realNodeId: 'k',
    };
    t.update({ type: 'progress_state', promptId: p, nodes: { k: running } });
    t.update({ type: 'executing', promptId: p, node: 'k', displayNode: 'k' });
    expect(t.progress.fraction).toBe(0);
    expect(t.update({ type: 'progress', promptId: p, node: 'k', value: 5, max: 10 }).fraction).toBe(0.25);
  });
  it('reads progress_state snapshots and stops at an error', () => {
    const t = new ProgressTracker(p, 2);
    const state = (id: string, value: number, s: string) => ({
      value,
      max: 1,
      state: s,
      nodeId: id,
      displayNodeId: id,
      parentNodeId: null,
      realNodeId: id,
    });
    t.update({
      type: 'progress_state',
      promptId: p,
      nodes: { a: state('a', 1, 'finished'), b: state('b', 0.5, 'running') },
    });
    expect(t.progress.fraction).toBe(0.75);
    const end = t.update({
      type: 'execution_error',
      promptId: p,
      nodeId: 'b',
      nodeType: 'X',
      executed: ['a'],
      exceptionMessage: 'x',
      exceptionType: 'RuntimeError',
      traceback: [],
      currentInputs: {},
      currentOutputs: null,
      timestamp: 1,
    });
    expect(end).toMatchObject({ done: true, currentNode: 'b', fraction: 0.75 });
  });
});

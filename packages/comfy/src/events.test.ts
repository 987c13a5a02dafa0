import { describe, expect, it } from 'vitest';
import { eventPromptId, parseBinaryMessage, parseTextMessage } from './events.js';
import { backoffDelay } from './socket.js';

// frames as recorded from a real ComfyUI (reference capture), plus shapes from the protocol doc
const PID = '9b9da177-83fc-40b2-8099-71f52bd123cf';
const captured = [
  '{"type":"status","data":{"status":{"exec_info":{"queue_remaining":0}},"sid":"mvp-capture-probe"}}',
  `{"type":"progress_state","data":{"prompt_id":"${PID}","nodes":{"13":{"value":1.0,"max":1.0,"state":"finished","node_id":"13","prompt_id":"${PID}","display_node_id":"13","parent_node_id":null,"real_node_id":"13"},"20":{"value":0.0,"max":1.0,"state":"running","node_id":"20","prompt_id":"${PID}","display_node_id":"20","parent_node_id":null,"real_node_id":"20"}}}}`,
  `{"type":"progress","data":{"value":3,"max":10,"prompt_id":"${PID}","node":"15"}}`,
];

describe('parseTextMessage', () => {
  it('parses the recorded frames', () => {
    const [status, state, progress] = captured.map(parseTextMessage);
    expect(status).toEqual({ type: 'status', queueRemaining: 0, sid: 'mvp-capture-probe' });
    expect(state).toMatchObject({ type: 'progress_state', promptId: PID });
    if (state?.type !== 'progress_state') throw new Error('type');
    expect(state.nodes['20']).toEqual({
      value: 0,
      max: 1,
      state: 'running',
      nodeId: '20',
      displayNodeId: '20',
      parentNodeId: null,
      realNodeId: '20',
    });
    expect(progress).toEqual({ type: 'progress', promptId: PID, node: '15', value: 3, max: 10 });
  });

  it('parses every lifecycle message', () => {
    const m = (type: string, data: object) => parseTextMessage(JSON.stringify({ type, data }));
    expect(m('execution_start', { prompt_id: 'p', timestamp: 5 })).toEqual({
      type: 'execution_start',
      promptId: 'p',
      timestamp: 5,
    });
    expect(m('execution_cached', { nodes: ['4', 6], prompt_id: 'p', timestamp: 6 })).toMatchObject({
      nodes: ['4', '6'],
    });
    expect(m('executing', { node: '9', display_node: '9', prompt_id: 'p' })).toEqual({
      type: 'executing',
      promptId: 'p',
      node: '9',
      displayNode: '9',
    });
    expect(m('executing', { node: null, prompt_id: 'p' })).toMatchObject({ node: null, promptId: 'p' });
    expect(m('executing', { node: '3' })).toMatchObject({ node: '3', promptId: null });
    const output = {
      images: [{ filename: 'a_00001_.mp4', subfolder: 'video', type: 'output' }],
      animated: [true],
    };
    expect(m('executed', { node: '9', display_node: '9', output, prompt_id: 'p' })).toMatchObject({ output });
    expect(m('executed', { node: '9', output: null, prompt_id: 'p' })).toMatchObject({ output: null });
    expect(m('execution_success', { prompt_id: 'p', timestamp: 1 })).toMatchObject({
      type: 'execution_success',
    });
    expect(
      m('execution_error', {
        prompt_id: 'p',
        node_id: '7',
        node_type: 'KSampler',
        executed: ['1'],
        exception_message: 'CUDA out of memory',
        exception_type: 'torch.OutOfMemoryError',
        traceback: ['line 1'],
        current_inputs: { seed: [1] },
        current_outputs: ['1', '7'],
        timestamp: 9,
      }),
    ).toEqual({
      type: 'execution_error',
      promptId: 'p',
      nodeId: '7',
      nodeType: 'KSampler',
      executed: ['1'],
      exceptionMessage: 'CUDA out of memory',
      exceptionType: 'torch.OutOfMemoryError',
      traceback: ['line 1'],
      currentInputs: { seed: [1] },
      currentOutputs: ['1', '7'],
      timestamp: 9,
    });
    expect(
      m('execution_interrupted', { prompt_id: 'p', node_id: '7', node_type: 'KSampler', executed: [] }),
    ).toMatchObject({
      type: 'execution_interrupted',
      nodeId: '7',
    });
    expect(m('feature_flags', { supports_preview_metadata: true })).toEqual({
      type: 'feature_flags',
      flags: { supports_preview_metadata: true },
    });
    expect(m('logs', { entries: [{ m: 'x' }], size: { cols: 80 } })).toMatchObject({
      type: 'logs',
      entries: [{ m: 'x' }],
    });
  });

  it('surfaces unknown and broken messages instead of throwing', () => {
    expect(parseTextMessage('{"type":"notification","data":{"value":"hi"}}')).toEqual({
      type: 'unknown',
      messageType: 'notification',
      data: { value: 'hi' },
    });
    expect(parseTextMessage('not json')).toMatchObject({ type: 'unknown', messageType: '(invalid json)' });
    expect(parseTextMessage('{"type":"progress","data":null}')).toMatchObject({
      type: 'progress',
      value: 0,
      max: 1,
    });
    expect(parseTextMessage('[]')).toMatchObject({ type: 'unknown' });
  });
});

describe('parseBinaryMessage', () => {
  const u32 = (...ns: number[]) =>
    Buffer.concat(ns.map((n) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])));
  it('parses type-1 previews', () => {
    const e = parseBinaryMessage(Buffer.concat([u32(1, 2), Buffer.from('PNGDATA')]));
    expect(e).toMatchObject({ type: 'preview', format: 'png', metadata: null });
    if (e.type === 'preview') expect(e.image.toString()).toBe('PNGDATA');
  });
  it('parses type-3 text and type-4 previews with metadata', () => {
    expect(
      parseBinaryMessage(Buffer.concat([u32(3, 2), Buffer.from('12'), Buffer.from('50% done')])),
    ).toEqual({
      type: 'text',
      nodeId: '12',
      text: '50% done',
    });
    const meta = Buffer.from(JSON.stringify({ node_id: '7', prompt_id: 'p', image_type: 'image/jpeg' }));
    const e = parseBinaryMessage(Buffer.concat([u32(4, meta.length), meta, Buffer.from('JPG')]));
    expect(e).toMatchObject({ type: 'preview', format: 'jpeg', metadata: { node_id: '7' } });
    expect(eventPromptId(e)).toBe('p');
  });
  it('reports unknown and truncated frames', () => {
    expect(parseBinaryMessage(Buffer.from([0, 0]))).toMatchObject({ type: 'unknown', messageType: 'binary' });
    expect(parseBinaryMessage(u32(9, 0))).toMatchObject({ type: 'unknown', messageType: 'binary:9' });
    expect(parseBinaryMessage(Buffer.concat([u32(3, 50), Buffer.from('x')]))).toMatchObject({
      type: 'unknown',
    });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with bounded jitter', () => {
    const opts = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, opts, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay(2, opts, () => 0)).toBe(200);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(3, opts);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });
});

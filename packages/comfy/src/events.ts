// Parses ComfyUI WebSocket frames (JSON text and binary) into one typed, discriminated union.
import type { NodeOutput } from './types.js';

export interface NodeProgressState {
  value: number;
  max: number;
  state: 'pending' | 'running' | 'finished' | 'error' | string;
  nodeId: string;
  displayNodeId: string | null;
  parentNodeId: string | null;
  realNodeId: string | null;
}

export type ComfyEvent =
  | { type: 'status'; queueRemaining: number; sid: string | null }
  | { type: 'execution_start'; promptId: string; timestamp: number | null }
  | { type: 'execution_cached'; promptId: string; nodes: string[]; timestamp: number | null }
  /** `node: null` (with a prompt id) is the end of a prompt; without a prompt id it is the reconnect notice. */
  | { type: 'executing'; promptId: string | null; node: string | null; displayNode: string | null }
  | { type: 'progress'; promptId: string | null; node: string | null; value: number; max: number }
  | { type: 'progress_state'; promptId: string; nodes: Record<string, NodeProgressState> }
  | { type: 'executed'; promptId: string; node: string; displayNode: string; output: NodeOutput | null }
  | { type: 'execution_success'; promptId: string; timestamp: number | null }
  | {
      type: 'execution_error';
      promptId: string;
      nodeId: string;
      nodeType: string;
      executed: string[];
      exceptionMessage: string;
      exceptionType: string;
      traceback: string[];
      currentInputs: Record<string, unknown>;
      currentOutputs: unknown;
      timestamp: number | null;
    }
  | {
      type: 'execution_interrupted';
      promptId: string;
      nodeId: string;
      nodeType: string;
      executed: string[];
      timestamp: number | null;
    }
  | { type: 'feature_flags'; flags: Record<string, unknown> }
  | { type: 'logs'; entries: unknown[]; size: unknown }
  | {
      type: 'preview';
      format: 'jpeg' | 'png' | 'unknown';
      image: Buffer;
      metadata: Record<string, unknown> | null;
    }
  | { type: 'text'; nodeId: string; text: string }
  /** A message this client does not know (custom nodes, newer servers) or cannot parse; never thrown. */
  | { type: 'unknown'; messageType: string; data: unknown };

export type ComfyEventType = ComfyEvent['type'];

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Parses one JSON text frame. */
export function parseTextMessage(text: string): ComfyEvent {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { type: 'unknown', messageType: '(invalid json)', data: text.slice(0, 1000) };
  }
  const m = obj(msg);
  const type = str(m.type);
  const d = obj(m.data);
  switch (type) {
    case 'status': {
      const info = obj(obj(d.status).exec_info);
      return { type, queueRemaining: num(info.queue_remaining), sid: strOrNull(d.sid) };
    }
    case 'execution_start':
    case 'execution_success':
      return { type, promptId: str(d.prompt_id), timestamp: numOrNull(d.timestamp) };
    case 'execution_cached':
      return { type, promptId: str(d.prompt_id), nodes: strings(d.nodes), timestamp: numOrNull(d.timestamp) };
    case 'executing':
      return {
        type,
        promptId: strOrNull(d.prompt_id),
        node: strOrNull(d.node),
        displayNode: strOrNull(d.display_node ?? d.node),
      };
    case 'progress':
      return {
        type,
        promptId: strOrNull(d.prompt_id),
        node: strOrNull(d.node),
        value: num(d.value),
        max: num(d.max, 1),
      };
    case 'progress_state': {
      const nodes: Record<string, NodeProgressState> = {};
      for (const [id, raw] of Object.entries(obj(d.nodes))) {
        const n = obj(raw);
        nodes[id] = {
          value: num(n.value),
          max: num(n.max, 1),
          state: str(n.state),
          nodeId: str(n.node_id ?? id),
          displayNodeId: strOrNull(n.display_node_id),
          parentNodeId: strOrNull(n.parent_node_id),
          realNodeId: strOrNull(n.real_node_id),
        };
      }
      return { type, promptId: str(d.prompt_id), nodes };
    }
    case 'executed':
      return {
        type,
        promptId: str(d.prompt_id),
        node: str(d.node),
        displayNode: str(d.display_node ?? d.node),
        output: d.output && typeof d.output === 'object' ? (d.output as NodeOutput) : null,
      };
    case 'execution_error':
      return {
        type,
        promptId: str(d.prompt_id),
        nodeId: str(d.node_id),
        nodeType: str(d.node_type),
        executed: strings(d.executed),
        exceptionMessage: str(d.exception_message),
        exceptionType: str(d.exception_type),
        traceback: strings(d.traceback),
        currentInputs: obj(d.current_inputs),
        currentOutputs: d.current_outputs ?? null,
        timestamp: numOrNull(d.timestamp),
      };
    case 'execution_interrupted':
      return {
        type,
        promptId: str(d.prompt_id),
        nodeId: str(d.node_id),
        nodeType: str(d.node_type),
        executed: strings(d.executed),
        timestamp: numOrNull(d.timestamp),
      };
    case 'feature_flags':
      return { type, flags: d };
    case 'logs':
      return { type, entries: Array.isArray(d.entries) ? d.entries : [], size: d.size ?? null };
    default:
      return { type: 'unknown', messageType: type || '(no type)', data: m.data ?? msg };
  }
}

/** Parses one binary frame: a big-endian uint32 event type, then its payload. */
export function parseBinaryMessage(buf: Buffer): ComfyEvent {
  if (buf.length < 4) return { type: 'unknown', messageType: 'binary', data: buf };
  const kind = buf.readUInt32BE(0);
  const imageFormat = (code: number) => (code === 1 ? 'jpeg' : code === 2 ? 'png' : 'unknown');
  if ((kind === 1 || kind === 2) && buf.length >= 8) {
    return {
      type: 'preview',
      format: imageFormat(buf.readUInt32BE(4)),
      image: buf.subarray(8),
      metadata: null,
    };
  }
  if (kind === 3 && buf.length >= 8) {
    const n = buf.readUInt32BE(4);
    if (8 + n <= buf.length) {
      return {
        type: 'text',
        nodeId: buf.subarray(8, 8 + n).toString('utf8'),
        text: buf.subarray(8 + n).toString('utf8'),
      };
    }
  }
  if (kind === 4 && buf.length >= 8) {
    const m = buf.readUInt32BE(4);
    if (8 + m <= buf.length) {
      let metadata: Record<string, unknown> | null = null;
      try {
        metadata = obj(JSON.parse(buf.subarray(8, 8 + m).toString('utf8')));
      } catch {
        metadata = null;
      }
      const image = buf.subarray(8 + m);
      const t = str(metadata?.image_type);
      const format = t.includes('png') ? 'png' : t.includes('jpeg') || t.includes('jpg') ? 'jpeg' : 'unknown';
      return { type: 'preview', format, image, metadata };
    }
  }
  return { type: 'unknown', messageType: `binary:${kind}`, data: buf };
}

/** The prompt an event belongs to, when it names one. */
export function eventPromptId(event: ComfyEvent): string | null {
  if ('promptId' in event) return event.promptId;
  if (event.type === 'preview') return strOrNull(event.metadata?.prompt_id);
  return null;
}

// Wire shapes of the ComfyUI HTTP API (field names exactly as the server sends them).

/** `[type, options?]`; `type` is a socket type, a primitive, a combo list, or `"COMBO"`. */
export type InputSpec = [string | unknown[], Record<string, unknown>?] | [string | unknown[]];

export interface NodeClassInfo {
  input: {
    required?: Record<string, InputSpec>;
    optional?: Record<string, InputSpec>;
    hidden?: Record<string, unknown>;
  };
  input_order?: { required?: string[]; optional?: string[]; hidden?: string[] };
  output: string[];
  output_is_list?: boolean[];
  output_name?: string[];
  name: string;
  display_name?: string | null;
  description?: string;
  python_module?: string;
  category: string;
  output_node: boolean;
  deprecated?: boolean;
  experimental?: boolean;
}

export type ObjectInfo = Record<string, NodeClassInfo>;

export type ApiLink = [string, number];

export interface ApiNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string };
}

/** API-format workflow: node id → node. */
export type ApiWorkflow = Record<string, ApiNode>;

export interface FileRef {
  filename: string;
  subfolder: string;
  type: 'output' | 'input' | 'temp' | string;
}

export interface NodeOutput {
  images?: FileRef[];
  gifs?: (FileRef & { format?: string; frame_rate?: number; workflow?: string; fullpath?: string })[];
  audio?: FileRef[];
  animated?: boolean[];
  [key: string]: unknown;
}

export type QueueItem = [number, string, ApiWorkflow, Record<string, unknown>, string[]];

export interface QueueState {
  queue_running: QueueItem[];
  queue_pending: QueueItem[];
}

export interface HistoryEntry {
  prompt: QueueItem;
  outputs: Record<string, NodeOutput>;
  status: {
    status_str: 'success' | 'error' | string;
    completed: boolean;
    messages: [string, Record<string, unknown>][];
  };
  meta?: Record<string, unknown>;
}

export interface SystemStats {
  system: {
    os: string;
    ram_total: number;
    ram_free: number;
    comfyui_version?: string;
    python_version?: string;
    pytorch_version?: string;
    embedded_python?: boolean;
    argv?: string[];
    [key: string]: unknown;
  };
  devices: {
    name: string;
    type: string;
    index: number;
    vram_total: number;
    vram_free: number;
    torch_vram_total: number;
    torch_vram_free: number;
    [key: string]: unknown;
  }[];
}

export interface SubmitResponse {
  prompt_id: string;
  number: number;
  node_errors: Record<string, unknown>;
}

export interface UploadResponse {
  name: string;
  subfolder: string;
  type: string;
}

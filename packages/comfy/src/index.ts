export {
  ComfyClient,
  type ComfyClientOptions,
  type Completion,
  type CompletionStatus,
  completionFromHistory,
  type SubmitOptions,
  type Submitted,
  type WaitOptions,
} from './client.js';
export {
  ComfyError,
  type ComfyErrorCode,
  type ComfyErrorDetails,
  type NodeErrorSummary,
  readNodeErrors,
  type WorkflowProblem,
} from './errors.js';
export {
  type ComfyEvent,
  type ComfyEventType,
  eventPromptId,
  type NodeProgressState,
  parseBinaryMessage,
  parseTextMessage,
} from './events.js';
export {
  type CallOptions,
  ComfyHttp,
  type ComfyHttpOptions,
  type ServerInfo,
  type SubmitRequest,
} from './http.js';
export { ComfyPool } from './pool.js';
export { ProgressTracker, type PromptProgress } from './progress.js';
export {
  type BackoffOptions,
  backoffDelay,
  ComfySocket,
  type ComfySocketOptions,
  type SocketState,
} from './socket.js';
export type * from './types.js';
export * from './workflow/index.js';

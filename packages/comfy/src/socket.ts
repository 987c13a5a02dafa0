// One long-lived WebSocket per server: reconnects with exponential backoff and jitter, emits typed events.
import WebSocket from 'ws';
import { type ComfyEvent, parseBinaryMessage, parseTextMessage } from './events.js';

export type SocketState = 'connecting' | 'open' | 'closed' | 'stopped';

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** 0..1: share of each delay that is randomised (default 0.3). */
  jitter?: number;
}

export interface ComfySocketOptions {
  backoff?: BackoffOptions;
  /** Client ping interval (ms); ComfyUI has no server heartbeat. Default 20 000; 0 disables. */
  pingMs?: number;
  /** Ask for type-4 previews with metadata in the handshake. */
  previewMetadata?: boolean;
  random?: () => number;
}

/** Pure: the delay before reconnect attempt `attempt` (0-based). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
) {
  const { initialMs = 250, maxMs = 10_000, factor = 2, jitter = 0.3 } = options;
  const base = Math.min(maxMs, initialMs * factor ** attempt);
  return Math.round(base * (1 - jitter) + base * jitter * random());
}

type Listener<T> = (value: T) => void;

export class ComfySocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private current: SocketState = 'closed';
  private readonly eventListeners = new Set<Listener<ComfyEvent>>();
  private readonly stateListeners = new Set<Listener<SocketState>>();
  private openWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  /** Times the socket has (re)opened. */
  opens = 0;

  constructor(
    private readonly resolveUrl: () => Promise<string>,
    private readonly options: ComfySocketOptions = {},
  ) {}

  get state(): SocketState {
    return this.current;
  }

  onEvent(fn: Listener<ComfyEvent>): () => void {
    this.eventListeners.add(fn);
    return () => this.eventListeners.delete(fn);
  }

  onState(fn: Listener<SocketState>): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  /** Starts connecting (and keeps reconnecting until stop()). */
  start(): void {
    if (this.current === 'stopped') this.current = 'closed';
    if (this.ws || this.timer) return;
    void this.connect();
  }

  /** Resolves when the socket is open (the server's first `status` frame has been received). */
  waitOpen(timeoutMs = 10_000): Promise<void> {
    if (this.current === 'open') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
        reject: (e: Error) => {
          clearTimeout(t);
          reject(e);
        },
      };
      const t = setTimeout(() => {
        this.openWaiters = this.openWaiters.filter((w) => w !== waiter);
        reject(new Error(`WebSocket not open within ${timeoutMs} ms`));
      }, timeoutMs);
      this.openWaiters.push(waiter);
    });
  }

  /** Closes the socket for good. */
  stop(): void {
    this.setState('stopped');
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.clearPing();
    const ws = this.ws;
    this.ws = null;
    ws?.removeAllListeners();
    ws?.on('error', () => {});
    ws?.terminate();
    for (const w of this.openWaiters.splice(0)) w.reject(new Error('socket stopped'));
  }

  /** Drops the current connection (it will reconnect); for tests and watchdogs. */
  drop(): void {
    this.ws?.terminate();
  }

  private setState(s: SocketState) {
    if (this.current === s) return;
    this.current = s;
    for (const fn of this.stateListeners) fn(s);
  }

  private async connect() {
    if (this.current === 'stopped') return;
    this.setState('connecting');
    let url: string;
    try {
      url = await this.resolveUrl();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if ((this.current as SocketState) === 'stopped') return;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws = ws;
    ws.on('open', () => {
      if (this.options.previewMetadata) {
        ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }));
      }
    });
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      const event = isBinary ? parseBinaryMessage(buf) : parseTextMessage(buf.toString('utf8'));
      if (this.current !== 'open' && event.type === 'status') {
        this.attempt = 0;
        this.opens++;
        this.setState('open');
        this.startPing(ws);
        for (const w of this.openWaiters.splice(0)) w.resolve();
      }
      for (const fn of this.eventListeners) fn(event);
    });
    ws.on('error', () => {
      // 'close' follows and schedules the reconnect
    });
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.clearPing();
      if (this.current === 'stopped') return;
      this.setState('closed');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect() {
    if (this.current === 'stopped' || this.timer) return;
    const delay = backoffDelay(this.attempt++, this.options.backoff, this.options.random);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref?.();
  }

  private startPing(ws: WebSocket) {
    const every = this.options.pingMs ?? 20_000;
    if (!every) return;
    this.clearPing();
    this.pinger = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, every);
    this.pinger.unref?.();
  }

  private clearPing() {
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = null;
  }
}

// The live socket (ARCHITECTURE §6): one WebSocket per tab that says hello with the access token, subscribes to
// every project, and reconnects with backoff. A refused token (close code 4401) is renewed the way the API client
// renews one after a 401, and the session ends when it cannot be.

import { tokenAfterRejection } from '@/api/session-token';
import type { DomainEvent, ServerSocketMessage } from '@/api/types';
import { sessionStore } from '@/auth/session-store';

export interface LiveSocketHandlers {
  onEvent: (event: DomainEvent) => void;
  /** Every time the socket is ready; `reconnected` when events may have been missed while it was down. */
  onReady: (reconnected: boolean) => void;
}

const pingMs = 25_000;
const maxBackoffMs = 30_000;
const tokenRefused = 4401;

export function liveSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so that tabs do not all come back at once after a restart. */
export function backoffMs(failures: number, random: number = Math.random()): number {
  const base = Math.min(maxBackoffMs, 1000 * 2 ** failures);
  return Math.round(base * (0.5 + random / 2));
}

function parse(data: unknown): ServerSocketMessage | null {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as ServerSocketMessage;
  } catch {
    return null;
  }
}

/** Opens the socket and keeps it open until the returned function is called. */
export function openLiveSocket(handlers: LiveSocketHandlers): () => void {
  let stopped = false;
  let socket: WebSocket | null = null;
  let failures = 0;
  let wasReady = false;
  let refused: string | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const retry = (delay: number) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    if (stopped) return;
    const token = refused ? await tokenAfterRejection(refused) : sessionStore.getAccessToken();
    refused = null;
    if (stopped) return;
    if (!token) {
      // signed out meanwhile (the layout that owns the socket unmounts), or the session is being restored
      retry(backoffMs(failures++));
      return;
    }
    const ws = new WebSocket(liveSocketUrl(window.location));
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token }));
    ws.onmessage = (message) => {
      const msg = parse(message.data);
      if (msg?.type === 'ready') {
        failures = 0;
        ws.send(JSON.stringify({ type: 'subscribe', allProjects: true }));
        clearInterval(pingTimer);
        pingTimer = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }));
        }, pingMs);
        handlers.onReady(wasReady);
        wasReady = true;
      } else if (msg?.type === 'event') {
        handlers.onEvent(msg.event);
      }
    };
    ws.onclose = (event) => {
      clearInterval(pingTimer);
      if (socket === ws) socket = null;
      if (stopped) return;
      if (event.code === tokenRefused) refused = token;
      // a refused token is renewed at once the first time; anything else waits
      retry(event.code === tokenRefused && failures === 0 ? 0 : backoffMs(failures));
      failures++;
    };
  };

  void connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    socket?.close(1000, 'tab closed');
    socket = null;
  };
}

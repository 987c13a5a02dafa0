// The live socket (ARCHITECTURE §6): one authenticated WebSocket per browser tab. The first message is `hello` with
// an access token; then `subscribe` picks projects. A user always receives the events that concern them (their own
// jobs, their notifications); project events go to that project's subscribers.
import websocket from '@fastify/websocket';
import { clientSocketMessageSchema, type DomainEvent, type ServerSocketMessage } from '@i2v/contracts';
import { roleCan } from '@i2v/domain';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AuthService } from '../auth/service.js';
import type { EventBus } from './bus.js';

const helloTimeoutMs = 10_000;

interface Client {
  ws: WebSocket;
  userId: string;
  role: 'admin' | 'creator' | 'reviewer';
  projects: Set<string>;
  allProjects: boolean;
}

export async function registerLiveSocket(
  app: FastifyInstance,
  bus: EventBus,
  auth: AuthService,
): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const clients = new Set<Client>();
  const off = bus.subscribe((event) => {
    for (const c of clients) if (wants(c, event)) send(c.ws, { type: 'event', event });
  });
  app.addHook('onClose', async () => {
    off();
    for (const c of clients) c.ws.close(1001, 'server shutting down');
  });

  app.get(
    '/api/v1/live',
    {
      websocket: true,
      config: { guard: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Live events over a WebSocket (job progress and state, notifications)',
        description:
          'Open a WebSocket here, send `{"type":"hello","token":"<access token>"}` within 10 s, then `{"type":"subscribe","projects":[…]}` (or `allProjects: true`). Messages are `{"type":"event","event":{…}}`; a signed-in user always gets the events about their own jobs and notifications. A bad token closes the socket with code 4401.',
        hide: false,
      },
    },
    (socket) => {
      let client: Client | null = null;
      const timer = setTimeout(() => socket.close(4401, 'no hello'), helloTimeoutMs);
      socket.on('message', (raw) => {
        void (async () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(String(raw));
          } catch {
            send(socket, { type: 'error', code: 'request.invalid', detail: 'Messages are JSON.' });
            return;
          }
          const msg = clientSocketMessageSchema.safeParse(parsed);
          if (!msg.success) {
            send(socket, {
              type: 'error',
              code: 'request.invalid',
              detail: msg.error.issues[0]?.message ?? 'bad message',
            });
            return;
          }
          const m = msg.data;
          if (m.type === 'ping') {
            send(socket, { type: 'pong' });
            return;
          }
          if (m.type === 'hello') {
            try {
              const user = await auth.authenticate(m.token);
              clearTimeout(timer);
              if (client) clients.delete(client);
              client = {
                ws: socket,
                userId: user.publicId,
                role: user.role,
                projects: client?.projects ?? new Set(),
                allProjects: client?.allProjects ?? false,
              };
              clients.add(client);
              send(socket, { type: 'ready', userId: user.publicId });
            } catch {
              socket.close(4401, 'sign in again');
            }
            return;
          }
          if (!client) {
            send(socket, {
              type: 'error',
              code: 'auth.unauthenticated',
              detail: 'Send hello with a token first.',
            });
            return;
          }
          client.projects = new Set(m.projects ?? []);
          client.allProjects = Boolean(m.allProjects) && roleCan(client.role, 'content.read');
        })();
      });
      socket.on('close', () => {
        clearTimeout(timer);
        if (client) clients.delete(client);
      });
    },
  );
}

function wants(c: Client, e: DomainEvent): boolean {
  if (e.userId && e.userId === c.userId) return true;
  if (e.type === 'notification.created') return false;
  if (c.allProjects) return true;
  return e.projectId !== null && c.projects.has(e.projectId);
}

function send(ws: WebSocket, msg: ServerSocketMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

// One ComfyClient (so one WebSocket and one client id) per ComfyUI server, shared by everything that talks to it.
import { ComfyClient, type ComfyClientOptions } from './client.js';

export class ComfyPool {
  private readonly clients = new Map<string, ComfyClient>();

  constructor(private readonly options: ComfyClientOptions = {}) {}

  /** The client for `url` (normalised: no trailing slash), created and started on first use. */
  get(url: string): ComfyClient {
    const key = url.replace(/\/+$/, '');
    let client = this.clients.get(key);
    if (!client) {
      client = new ComfyClient(key, this.options);
      client.socket.start();
      this.clients.set(key, client);
    }
    return client;
  }

  /** Connection state of every server, for health pages. */
  states(): Record<string, ComfyClient['socket']['state']> {
    return Object.fromEntries([...this.clients].map(([url, c]) => [url, c.socket.state]));
  }

  /** Closes and forgets one server's client. */
  remove(url: string): void {
    const key = url.replace(/\/+$/, '');
    this.clients.get(key)?.close();
    this.clients.delete(key);
  }

  closeAll(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

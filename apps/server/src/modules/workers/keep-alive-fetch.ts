// A minimal `fetch` over node:http with keep-alive agents, for the health loop's small JSON GETs. The global
// fetch (undici) costs ~0.6 ms of CPU per call, which at 100 calls per round is most of the loop's budget;
// this one costs a fraction of that. It buffers whole bodies and answers a Response-shaped object with what
// ComfyHttp reads, so it is only for small JSON answers.
import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 4 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 4 }),
};

export const keepAliveFetch = ((input: string | URL | Request, init?: RequestInit): Promise<Response> =>
  new Promise((resolve, reject) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = {};
    if (init?.headers) {
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
    }
    const req = (secure ? https : http).request(
      url,
      {
        method: init?.method ?? 'GET',
        headers,
        agent: agents[secure ? 'https:' : 'http:'],
        ...(init?.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve(bufferedResponse(res, Buffer.concat(chunks))));
      },
    );
    req.on('error', reject);
    if (typeof init?.body === 'string') req.end(init.body);
    else req.end();
  })) as typeof fetch;

/**
 * What ComfyHttp reads of a response (status, headers, text, json, arrayBuffer, body.cancel) over a buffered body,
 * without the web-streams machinery a real Response builds for every body.
 */
function bufferedResponse(res: http.IncomingMessage, body: Buffer): Response {
  const status = res.statusCode ?? 500;
  const text = async () => body.toString('utf8');
  const shape = {
    status,
    ok: status >= 200 && status < 300,
    statusText: res.statusMessage ?? '',
    headers: {
      get: (name: string) => {
        const v = res.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    },
    body: { cancel: async () => undefined },
    text,
    json: async () => JSON.parse(await text()) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
  };
  return shape as unknown as Response;
}

// The typed API client: adds the bearer token, and on a 401 refreshes the session once and retries.
import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '@/auth/session-store';
import type { paths } from './schema';
import { tokenAfterRejection } from './session-token';

interface SentRequest {
  retry: Request;
  token: string | null;
}

const sent = new Map<string, SentRequest>();

const bearerAuth: Middleware = {
  onRequest({ request, id }) {
    const token = sessionStore.getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    sent.set(id, { retry: request.clone(), token });
    return request;
  },
  async onResponse({ response, id, options }) {
    const request = sent.get(id);
    sent.delete(id);
    if (!request || response.status !== 401) return undefined;
    const token = await tokenAfterRejection(request.token);
    if (!token) return undefined;
    request.retry.headers.set('Authorization', `Bearer ${token}`);
    const retried = await options.fetch(request.retry);
    if (retried.status === 401) sessionStore.end('expired');
    return retried;
  },
  onError({ id }) {
    sent.delete(id);
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
api.use(bearerAuth);

// HTTP for sign-in, refresh and sign-out; the refresh token travels only in an httpOnly cookie.
import { loginBodySchema, sessionSchema } from '@i2v/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { AuthService, IssuedSession } from './service.js';

export const refreshCookie = 'i2v_refresh';
const cookiePath = '/api/v1/auth';

export interface AuthRouteOptions {
  auth: AuthService;
  cookieSecure: boolean;
  loginRateLimit: number;
}

export const authRoutes =
  (o: AuthRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const setCookie = (reply: FastifyReply, s: IssuedSession) =>
      reply.setCookie(refreshCookie, s.refreshToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: o.cookieSecure,
        path: cookiePath,
        expires: s.refreshExpiresAt,
      });
    const toSession = (s: IssuedSession) => ({
      accessToken: s.accessToken,
      expiresIn: s.expiresIn,
      user: s.user,
    });
    const rateLimit = { max: o.loginRateLimit, timeWindow: '1 minute' };

    app.post(
      '/login',
      {
        config: { guard: 'public', rateLimit },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          description:
            'Returns a short-lived access token and sets the rotating refresh token as an httpOnly cookie. Repeated failures lock the account.',
          body: loginBodySchema,
          response: { 200: sessionSchema, ...problems },
        },
      },
      async (req, reply) => {
        const s = await o.auth.login(contextOf(req), req.body.email, req.body.password);
        setCookie(reply, s);
        return toSession(s);
      },
    );

    app.post(
      '/refresh',
      {
        config: { guard: 'public', rateLimit: { max: o.loginRateLimit * 5, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Exchange the refresh cookie for a new access token',
          description: 'Rotates the refresh token. Reusing an already rotated token ends the whole session.',
          response: { 200: sessionSchema, ...problems },
        },
      },
      async (req, reply) => {
        try {
          const s = await o.auth.refresh(contextOf(req), req.cookies[refreshCookie]);
          setCookie(reply, s);
          return toSession(s);
        } catch (err) {
          reply.clearCookie(refreshCookie, { path: cookiePath });
          throw err;
        }
      },
    );

    app.post(
      '/logout',
      {
        config: { guard: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out: end the session of the refresh cookie',
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await o.auth.logout(contextOf(req), req.cookies[refreshCookie]);
        reply.clearCookie(refreshCookie, { path: cookiePath });
        return reply.status(204).send();
      },
    );
  };

// Every route declares a guard in its config; a hook enforces it before the handler runs (PRD-003 §1.3).
import { type Permission, roleCan } from '@i2v/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../../modules/auth/service.js';
import type { UserRow } from '../../modules/users/repo.js';
import { AppError } from '../errors.js';
import type { RequestContext } from '../request-context.js';

/** `public`: anyone; `authenticated`: any signed-in user; a permission: a role that grants it. */
export type Guard = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: Guard;
    /** OpenAPI documentation of a multipart body (see http/openapi.ts). */
    multipart?: import('./openapi.js').MultipartDoc;
  }
  interface FastifyRequest {
    user: UserRow | null;
  }
}

export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? '';
}

export function registerGuards(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const guard = request.routeOptions.config.guard;
    if (guard === undefined) {
      request.log.error({ url: request.routeOptions.url }, 'route has no guard; refusing');
      throw new AppError('auth.forbidden', 'This endpoint has no access rule and is refused.');
    }
    if (guard === 'public') return;
    const user = await auth.authenticate(bearerOf(request));
    request.user = user;
    if (guard !== 'authenticated' && !roleCan(user.role, guard)) {
      throw new AppError(
        'auth.forbidden',
        `Your role (${user.role}) does not allow this: it needs the "${guard}" permission.`,
      );
    }
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  const u = request.user;
  return {
    actor: u ? { userId: u.id, publicId: u.publicId, email: u.email } : null,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    requestId: String(request.id),
  };
}

/** Marks routes that a third-party plugin registers (docs UI, static files) as public. */
export function markPluginRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), guard: route.config?.guard ?? 'public' };
  });
}

// OpenAPI 3.1 generated from the zod route schemas, served as JSON and as a browsable docs page.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { markPluginRoutesPublic } from './guards.js';

export const openApiInfo = {
  title: 'i2v Studio API',
  version: '1.0.0',
  description:
    'REST API of i2v Studio. Authenticate with `POST /api/v1/auth/login`, then send the access token as `Authorization: Bearer <token>`. Errors are RFC 9457 `application/problem+json` with a stable `code`.',
};

/** Documents the parts of a multipart route (routes set it as `config.multipart`). */
export interface MultipartDoc {
  required?: string[];
  properties: Record<string, { type: 'string'; format?: 'binary'; description?: string }>;
}

/** The parts of an upload with one `file`. */
export const fileUpload = (description: string): MultipartDoc => ({
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description } },
});

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: openApiInfo,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      tags: [
        { name: 'auth', description: 'Sign in, refresh and sign out' },
        { name: 'me', description: 'The signed-in user' },
        { name: 'users', description: 'User management (admin)' },
        { name: 'audit', description: 'Audit trail (admin)' },
        { name: 'projects', description: 'Projects and their lifecycle' },
        {
          name: 'image variant types',
          description: 'Kinds of seed image and their file prefixes (studio data)',
        },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const multipart = (input.route.config as { multipart?: MultipartDoc } | undefined)?.multipart;
      if (!multipart) return out;
      // multipart routes read their parts as streams, so there is no body schema to validate; document one
      return {
        ...out,
        schema: {
          ...out.schema,
          consumes: ['multipart/form-data'],
          body: { type: 'object', required: multipart.required ?? [], properties: multipart.properties },
        },
      };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    markPluginRoutesPublic(docs);
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
  });
  app.get('/api/v1/openapi.json', { config: { guard: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

// Serves the built web app from `/`, with the SPA's index.html for client-side routes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { sendProblem } from './error-handler.js';
import { markPluginRoutesPublic } from './guards.js';

export const defaultWebDir = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

export async function registerWeb(app: FastifyInstance, webDir = defaultWebDir): Promise<void> {
  const index = path.join(webDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(async (web) => {
      markPluginRoutesPublic(web);
      await web.register(fastifyStatic, {
        root: webDir,
        wildcard: false,
        index: false,
        cacheControl: false,
        // Vite fingerprints everything under assets/, so those files never change under the same name.
        setHeaders: (res, filePath) => {
          res.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/api/') || url.startsWith('/health') || url === '/metrics';
    const wantsPage = request.method === 'GET' && !isApi && !path.extname(url);
    if (wantsPage && built) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fs.readFileSync(index));
    }
    if (wantsPage) {
      return sendProblem(
        reply,
        request,
        new AppError('service.unavailable', `The web app is not built (no ${index}). Run "npm run build".`),
      );
    }
    return sendProblem(reply, request, new AppError('route.not_found', `No route ${request.method} ${url}.`));
  });
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app (apps/web/dist), when there is one. */
export const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serve the staff app at `/` with client-side routing: any GET that is not an API path and not a file falls
 * back to index.html. Without a build the API still runs, and `/` says how to build the app.
 */
export async function serveWeb(app: FastifyInstance, root = webDist) {
  if (!existsSync(`${root}/index.html`)) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Qiao API is running. Build the web app with: npm run build -w @qiao/web\n'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/open311/') && !/\.[a-z0-9]+$/i.test(path))
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    const messages = { zh: `找不到 ${req.method} ${path}`, en: `No such route: ${req.method} ${path}` };
    return reply.code(404).send({ error: 'notFound', message: messages[req.lang], messages });
  });
}

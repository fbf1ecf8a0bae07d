import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built staff app (apps/web/dist) and resident portal (apps/portal/dist), when they are built. */
export const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
export const portalDist = fileURLToPath(new URL('../../../portal/dist', import.meta.url));

const built = (root: string) => existsSync(`${root}/index.html`);

/**
 * Serve the resident portal at /portal/ and the staff app at /, each with client-side routing: a GET that is
 * not an API path and not a file falls back to that app's index.html. The portal is a separate bundle, so a
 * resident's phone never loads staff code. Without a build the API still runs and `/` says how to build.
 */
export async function serveWeb(app: FastifyInstance, roots: { web?: string; portal?: string } = {}) {
  const web = roots.web ?? webDist;
  const portal = roots.portal ?? portalDist;
  if (built(portal)) {
    await app.register(fastifyStatic, { root: portal, prefix: '/portal/', wildcard: false, index: ['index.html'], decorateReply: !built(web) });
    app.get('/portal', (_req, reply) => reply.redirect('/portal/'));
  }
  if (built(web)) await app.register(fastifyStatic, { root: web, wildcard: false, index: ['index.html'] });
  else
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Qiao API is running. Build the web app with: npm run build -w @qiao/web\n'),
    );

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isPage = req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/open311/') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && path.startsWith('/portal/') && built(portal))
      return reply.type('text/html; charset=utf-8').sendFile('index.html', portal);
    if (isPage && built(web)) return reply.type('text/html; charset=utf-8').sendFile('index.html', web);
    const messages = { zh: `找不到 ${req.method} ${path}`, en: `No such route: ${req.method} ${path}` };
    return reply.code(404).send({ error: 'notFound', message: messages[req.lang], messages });
  });
}

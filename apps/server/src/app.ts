import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyMultipart from '@fastify/multipart';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { authenticate, type SessionUser } from './auth/actor';
import { authRoutes } from './auth/routes';
import { adminRoutes } from './admin/routes';
import { petitionRoutes } from './petitions/routes';
import { portalRoutes, type PortalLimits } from './portal/routes';
import { receptionRoutes } from './reception/routes';
import { notificationRoutes } from './notifications/routes';
import { ownershipRoutes } from './ownership/routes';
import { documentRoutes } from './documents/routes';
import { ledgerRoutes } from './ledgers/routes';
import type { Deps } from './context';
import { AppError, pickLanguage } from './lib/errors';
import { ValidationFailure, validatorCompiler } from './lib/validation';
import { serveWeb } from './web/static';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    lang: 'zh' | 'en';
    /** The signed-in user; call `request.user()` in a route to require one. */
    user(): Promise<SessionUser>;
  }
}

export type App = FastifyInstance;

/** The whole HTTP app, wired to the given dependencies. main.ts and the tests build it the same way. */
export async function buildApp(
  deps: Deps,
  opts: { logger?: boolean | object; webRoot?: string; portalRoot?: string; portalLimits?: PortalLimits } = {},
): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 30 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('lang', 'zh');
  app.decorateRequest('user', function (this: FastifyRequest) {
    return authenticate(deps, this.headers.authorization);
  });
  app.addHook('onRequest', async (req) => {
    const q = req.query as Record<string, unknown> | undefined;
    req.lang = q?.lang === 'en' ? 'en' : q?.lang === 'zh' ? 'zh' : pickLanguage(req.headers['accept-language']);
  });

  app.setErrorHandler((err, req, reply) => {
    const lang = req.lang;
    if (err instanceof ValidationFailure || (err as { validation?: unknown }).validation) {
      const issues =
        err instanceof ValidationFailure
          ? err.issues
          : [{ field: '(request)', zh: '请求格式不正确', en: (err as Error).message }];
      const first = issues[0];
      const messages = {
        zh: issues.map((i) => `${i.field}：${i.zh}`).join('；'),
        en: issues.map((i) => `${i.field}: ${i.en}`).join('; '),
      };
      return reply.code(400).send({
        error: 'invalidInput',
        message: messages[lang],
        messages,
        field: first?.field,
        issues: issues.map((i) => ({ field: i.field, message: i[lang] })),
      });
    }
    if (err instanceof AppError) {
      return reply.code(err.statusCode).send({
        error: err.code,
        message: err.messages[lang],
        messages: err.messages,
        ...err.details,
      });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type).
      const messages = clientErrorMessages(status, (err as Error).message);
      return reply.code(status).send({ error: 'badRequest', message: messages[lang], messages });
    }
    req.log.error({ err }, 'unhandled error');
    if (process.env.QIAO_DEBUG_ERRORS) console.error(err);
    const messages = { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' };
    return reply.code(500).send({ error: 'internal', message: messages[lang], messages });
  });

  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 20, fields: 10, fieldSize: 1024 * 1024 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Qiao (桥) petition case system API',
        version: '0.1.0',
        description:
          'Registers, routes, tracks and answers residents’ petitions under the 2022 Regulations on Petition Work. ' +
          'Authenticate with POST /api/auth/login and send `Authorization: Bearer <token>`. Errors answer in the ' +
          'language of Accept-Language (zh by default, en).',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  await app.register(authRoutes(deps), { prefix: '/api/auth' });
  await app.register(petitionRoutes(deps), { prefix: '/api/petitions' });
  await app.register(adminRoutes(deps), { prefix: '/api/admin' });
  await app.register(portalRoutes(deps, opts.portalLimits), { prefix: '/api/portal' });
  await app.register(receptionRoutes(deps), { prefix: '/api/reception-days' });
  await app.register(notificationRoutes(deps), { prefix: '/api/notifications' });
  await app.register(ownershipRoutes(deps), { prefix: '/api' });
  await app.register(documentRoutes(deps), { prefix: '/api/petitions' });
  await app.register(ledgerRoutes(deps), { prefix: '/api/ledgers' });
  await app.register((await import('./dashboards/routes')).dashboardRoutes(deps), { prefix: '/api/dashboards' });
  await app.register((await import('./dashboards/routes')).publicStatsRoutes(deps), { prefix: '/api/portal' });
  await app.register((await import('./workbench/routes')).workbenchRoutes(deps), { prefix: '/api/workbench' });
  await app.register((await import('./open311/routes')).open311Routes(deps), { prefix: '/open311/v2' });
  await app.register((await import('./open311/admin')).open311AdminRoutes(deps), { prefix: '/api/admin' });
  await app.register((await import('./analysis/routes')).analysisRoutes(deps), { prefix: '/api/analysis' });
  await app.register((await import('./units/supervision')).unitSupervisionRoutes(deps), { prefix: '/api/units' });
  await serveWeb(app, { web: opts.webRoot, portal: opts.portalRoot });
  return app;
}

function clientErrorMessages(status: number, en: string) {
  if (status === 413) return { zh: '请求或附件过大（每个附件不超过 20 MB）', en: 'Request or attachment too large (20 MB each at most)' };
  if (status === 415) return { zh: '不支持的请求内容类型', en: en || 'Unsupported content type' };
  return { zh: `请求有误：${en}`, en };
}

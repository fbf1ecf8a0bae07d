import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context';
import { sha256 } from '../lib/crypto';
import {
  formatOfUrl,
  forbidden311,
  localeOf,
  notFound311,
  Open311Error,
  send,
  sendError,
  splitFormat,
  type Format,
} from './format';
import { auditKeyUse, findKeyByHash, hasScope, publishedJurisdictions, type ApiKeyRow, type Scope } from './keys';
import { getRequest, listRequests, resolveToken, submitRequest, toOpen311Error, type ListQuery, type Submission } from './requests';
import { findService, SERVICE_NOTICE, serviceDefinition, serviceListEntry, services } from './services';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Bumped when the service list or a service definition changes (clients refresh their caches). */
export const CHANGESET = '2026-03-01T00:00:00+08:00';

export interface Open311Options {
  /** Requests a minute from one address without an api_key. */
  anonymousPerMinute?: number;
}

/** What the audit of a key use needs to know about a request. */
interface UseInfo {
  presented: boolean;
  keyId: string | null;
  outcome: string | null;
  petitionId: string | null;
}
const uses = new WeakMap<FastifyRequest, UseInfo>();
const useOf = (req: FastifyRequest): UseInfo => {
  let u = uses.get(req);
  if (!u) uses.set(req, (u = { presented: false, keyId: null, outcome: null, petitionId: null }));
  return u;
};

function rawKey(req: FastifyRequest): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const query = req.query as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? ('fields' in body ? (body as unknown as Submission).fields.api_key : body.api_key) : undefined;
  const given = fromBody ?? query?.api_key ?? req.headers['x-api-key'];
  return typeof given === 'string' && given.length > 0 ? given : undefined;
}

/** Parse `application/x-www-form-urlencoded` (UTF-8), with `attribute[code]=v` and `attribute[code][]=v`. */
export function parseForm(text: string): Submission {
  const out: Submission = { fields: {}, attribute: {} };
  for (const [name, value] of new URLSearchParams(text)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (m) {
      const code = m[1]!;
      const prev = out.attribute[code];
      out.attribute[code] = m[2] || prev !== undefined ? [...(prev === undefined ? [] : [prev].flat()), value] : value;
    } else if (!(name in out.fields)) out.fields[name] = value;
  }
  return out;
}

/** A JSON body (an extension; the specification sends forms) in the same shape as a parsed form. */
function asSubmission(body: unknown): Submission {
  if (body && typeof body === 'object' && 'fields' in body && 'attribute' in body) return body as Submission;
  const out: Submission = { fields: {}, attribute: {} };
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === 'attribute' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, a] of Object.entries(v as Record<string, unknown>))
        out.attribute[code] = Array.isArray(a) ? a.map(String) : String(a);
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.fields[k] = String(v);
  }
  return out;
}

/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, requests (POST with an
 * api_key; GET list and one), tokens. Every answer is JSON or XML as the URL asks, errors included.
 */
export const open311Routes =
  (deps: Deps, opts: Open311Options = {}): FastifyPluginAsync =>
  async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
      done(null, parseForm(String(body)));
    });

    app.setErrorHandler((err, req, reply) => {
      const format = formatOfUrl(req.url);
      const locale = localeOf(req);
      let e = toOpen311Error(err);
      if (!e) {
        const status = (err as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500) {
          const message = (err as Error).message;
          e = new Open311Error(status === 404 ? 404 : status === 403 ? 403 : status === 429 ? 429 : 400, [
            { zh: status === 413 ? '请求过大' : `请求有误：${message}`, en: message },
          ]);
        } else {
          req.log.error({ err }, 'open311: unhandled error');
          useOf(req).outcome = 'internal';
          const d = locale === 'en' ? 'Internal server error; please try again later' : '服务器内部错误，请稍后重试';
          return send(reply, format, 'errors', [{ code: 500, description: d }], 500);
        }
      }
      useOf(req).outcome ??= e.outcome;
      return sendError(reply, format, e, locale);
    });

    app.setNotFoundHandler((req, reply) =>
      sendError(reply, formatOfUrl(req.url), notFound311('没有这个资源', 'No such resource in GeoReport v2'), localeOf(req)),
    );

    // Audit every request that presented a key (valid or not): the use, its answer, the petition it touched.
    app.addHook('onSend', async (req, reply, payload) => {
      const u = useOf(req);
      const raw = rawKey(req);
      if (u.presented || raw) {
        try {
          // A request refused before its key was looked at (rate limit, bad input) is still that key's use.
          const keyId = u.keyId ?? (raw ? ((await findKeyByHash(deps.db, sha256(raw)))?.id ?? null) : null);
          await auditKeyUse(deps, {
            keyId,
            method: req.method,
            route: req.routeOptions.url ?? req.url.split('?')[0]!,
            statusCode: reply.statusCode,
            petitionId: u.petitionId,
            outcome: reply.statusCode < 400 ? 'ok' : (u.outcome ?? (reply.statusCode === 429 ? 'rateLimited' : 'error')),
            ip: req.ip,
          });
        } catch (err) {
          req.log.error({ err }, 'open311: could not audit a key use');
        }
      }
      return payload;
    });

    const limits = new WeakMap<FastifyRequest, number>();
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      timeWindow: '1 minute',
      keyGenerator: (req) => {
        const k = rawKey(req);
        return k ? `key:${sha256(k)}` : `ip:${req.ip}`;
      },
      max: async (req, key) => {
        const cached = limits.get(req);
        if (cached !== undefined) return cached;
        let max = opts.anonymousPerMinute ?? 120;
        if (key.startsWith('key:')) max = (await findKeyByHash(deps.db, key.slice(4)))?.rateLimitPerMinute ?? max;
        limits.set(req, max);
        return max;
      },
      errorResponseBuilder: (_req, ctx) => {
        const s = Math.ceil(ctx.ttl / 1000);
        return new Open311Error(
          429,
          [{ zh: `请求过于频繁：每分钟最多 ${ctx.max} 次，请 ${s} 秒后再试`, en: `Too many requests: at most ${ctx.max} a minute; try again in ${s} seconds` }],
          'rateLimited',
        );
      },
    });

    /** The key sent with the request: 403 when it is wrong, revoked or lacks the scope; null when none was sent. */
    async function keyOf(req: FastifyRequest, need: { required: boolean; scope?: Scope }): Promise<ApiKeyRow | null> {
      const raw = rawKey(req);
      const u = useOf(req);
      if (!raw) {
        if (need.required) throw forbidden311('缺少 api_key', 'api_key is required', 'missingKey');
        return null;
      }
      u.presented = true;
      const key = await findKeyByHash(deps.db, sha256(raw));
      if (!key) throw forbidden311('api_key 无效', 'Invalid api_key', 'unknownKey');
      u.keyId = key.id;
      if (key.revokedAt) throw forbidden311('api_key 已被吊销', 'This api_key has been revoked', 'revoked');
      if (need.scope && !hasScope(key, need.scope)) {
        if (need.required)
          throw forbidden311(`该 api_key 没有 ${need.scope} 权限`, `This api_key lacks the ${need.scope} scope`, 'scope');
        return null;
      }
      return key;
    }

    const fileFormat = (file: string) => {
      const f = splitFormat(file);
      if (!f) throw notFound311('没有这个资源（地址应以 .json 或 .xml 结尾）', 'No such resource (URLs end in .json or .xml)');
      return f;
    };

    for (const format of ['json', 'xml'] as Format[]) {
      app.get(`/discovery.${format}`, { schema: { tags: ['open311'], summary: 'Open311 service discovery' } }, async (req, reply) => {
        const url = `${req.protocol}://${req.host}/open311/v2`;
        const locale = localeOf(req);
        return send(reply, format, 'discovery', {
          changeset: CHANGESET,
          contact: locale === 'en' ? 'The petition office of the city runs this endpoint.' : '本接口由市信访局运行维护。',
          key_service:
            locale === 'en'
              ? 'API keys are issued by the system administrator of the petition office (submit, read own requests, webhooks).'
              : 'API 密钥由信访系统管理员发放（提交、查询本密钥提交的事项、状态推送）。',
          endpoints: [{ specification: SPECIFICATION, url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
        });
      });

      app.get(`/services.${format}`, { schema: { tags: ['open311'], summary: 'GeoReport v2: the services (one per domain)' } }, async (req, reply) => {
        const locale = localeOf(req);
        return send(reply, format, 'services', services.map((s) => serviceListEntry(s, locale)));
      });

      app.post(
        `/requests.${format}`,
        {
          bodyLimit: 256 * 1024,
          schema: { tags: ['open311'], summary: 'GeoReport v2: submit a request (form-encoded, api_key required)' },
        },
        async (req, reply) => {
          const key = (await keyOf(req, { required: true, scope: 'submit' }))!;
          const idem = req.headers['idempotency-key'];
          const result = await submitRequest(deps, key, asSubmission(req.body), typeof idem === 'string' ? idem : undefined);
          useOf(req).petitionId = result.petitionId;
          const locale = localeOf(req);
          return send(reply, format, 'service_requests', [{ token: result.token, service_notice: SERVICE_NOTICE[locale], account_id: null }], result.created ? 201 : 200);
        },
      );

      app.get(`/requests.${format}`, { schema: { tags: ['open311'], summary: 'GeoReport v2: requests, with page and page_size' } }, async (req, reply) => {
        const key = await keyOf(req, { required: false, scope: 'readOwn' });
        const items = await listRequests(deps, req.query as ListQuery, key?.id ?? null, await publishedJurisdictions(deps.db), localeOf(req));
        return send(reply, format, 'service_requests', items);
      });
    }

    app.get('/services/:file', { schema: { tags: ['open311'], summary: 'GeoReport v2: a service definition' } }, async (req, reply) => {
      const { name, format } = fileFormat((req.params as { file: string }).file);
      const service = findService(name);
      if (!service) throw notFound311(`没有服务 ${name}`, `No service ${name}`);
      return send(reply, format, 'service_definition', serviceDefinition(service, localeOf(req)));
    });

    app.get('/requests/:file', { schema: { tags: ['open311'], summary: 'GeoReport v2: one request' } }, async (req, reply) => {
      const { name, format } = fileFormat((req.params as { file: string }).file);
      const key = await keyOf(req, { required: false, scope: 'readOwn' });
      const view = await getRequest(deps, name, key?.id ?? null, await publishedJurisdictions(deps.db), localeOf(req));
      useOf(req).petitionId = view.service_request_id;
      return send(reply, format, 'service_requests', [view]);
    });

    app.get('/tokens/:file', { schema: { tags: ['open311'], summary: 'GeoReport v2: the request id of a token' } }, async (req, reply: FastifyReply) => {
      const { name, format } = fileFormat((req.params as { file: string }).file);
      await keyOf(req, { required: false });
      return send(reply, format, 'service_requests', await resolveToken(deps, name));
    });
  };

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidJurisdictionCode } from '@qiao/core';
import {
  ApiKeyBody,
  ApiKeyCreated,
  ApiKeyView,
  ErrorBody,
  KeyUseView,
  PublishedJurisdictions as Published,
  WebhookBody,
  WebhookCreated,
  WebhookDelivery as Delivery,
  WebhookView,
} from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { open311ApiKeys, open311KeyUses, open311Webhooks } from '../db/schema';
import { decrypt } from '../lib/crypto';
import { badRequest, forbidden, notFound } from '../lib/errors';
import { jurisdictionExists } from '../units/repo';
import { createApiKey, publishedJurisdictions, setPublishedJurisdictions, type ApiKeyRow } from './keys';
import { createWebhook, deliveryHistory, isAllowedWebhookUrl, revokeWebhook } from './webhooks';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const idParams = z.object({ id: z.uuid() });

async function requireAdmin(user: Promise<SessionUser>) {
  const u = await user;
  if (u.role !== 'admin') throw forbidden({ zh: '仅系统管理员可以进行此操作', en: 'Only administrators can do this' }, 'adminOnly');
  return u;
}

function keyView(k: ApiKeyRow): z.infer<typeof ApiKeyView> {
  return {
    id: k.id,
    name: k.name,
    keyPrefix: k.keyPrefix,
    scopes: k.scopes as z.infer<typeof ApiKeyView>['scopes'],
    channel: k.channel as 'online' | 'hotline',
    jurisdictionCode: k.jurisdictionCode,
    rateLimitPerMinute: k.rateLimitPerMinute,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}

const keyNotFound = () => notFound({ zh: '该 API 密钥', en: 'API key' });
const webhookNotFound = () => notFound({ zh: '该推送订阅', en: 'webhook subscription' });

async function checkJurisdiction(deps: Deps, code: string, field: string) {
  if (!isValidJurisdictionCode(code) || !(await jurisdictionExists(deps.db, code)))
    throw badRequest('unknownJurisdiction', { zh: `${field}：找不到行政区划 ${code}`, en: `${field}: no jurisdiction ${code}` }, { field });
}

/** Admin management of integrators' API keys (/api/admin/api-keys) and their webhooks (/api/admin/webhooks). */
export const open311AdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api-keys',
      { schema: { tags: ['open311 admin'], summary: 'Integrators’ API keys (never the keys themselves)', response: { 200: z.array(ApiKeyView), ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        return (await deps.db.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.createdAt))).map(keyView);
      },
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['open311 admin'],
          summary: 'Issue an API key: the answer carries the key, shown this once (only its hash is kept)',
          body: ApiKeyBody,
          response: { 201: ApiKeyCreated, ...errors },
        },
      },
      async (req, reply) => {
        const admin = await requireAdmin(req.user());
        await checkJurisdiction(deps, req.body.jurisdictionCode, 'jurisdictionCode');
        const { row, key } = await createApiKey(deps, req.body, admin.userId);
        return reply.code(201).send({ ...keyView(row), apiKey: key });
      },
    );

    app.post(
      '/api-keys/:id/revoke',
      { schema: { tags: ['open311 admin'], summary: 'Revoke a key: it is refused from now on (403)', params: idParams, response: { 200: ApiKeyView, ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        const [row] = await deps.db
          .update(open311ApiKeys)
          .set({ revokedAt: deps.now() })
          .where(and(eq(open311ApiKeys.id, req.params.id), isNull(open311ApiKeys.revokedAt)))
          .returning();
        if (row) return keyView(row);
        const [existing] = await deps.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, req.params.id));
        if (!existing) throw keyNotFound();
        return keyView(existing);
      },
    );

    app.get(
      '/api-keys/:id/uses',
      {
        schema: {
          tags: ['open311 admin'],
          summary: 'The audit of a key’s uses, newest first',
          params: idParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
          response: { 200: z.array(KeyUseView), ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        const [key] = await deps.db.select({ id: open311ApiKeys.id }).from(open311ApiKeys).where(eq(open311ApiKeys.id, req.params.id));
        if (!key) throw keyNotFound();
        const rows = await deps.db
          .select()
          .from(open311KeyUses)
          .where(eq(open311KeyUses.keyId, req.params.id))
          .orderBy(desc(open311KeyUses.at), desc(open311KeyUses.id))
          .limit(req.query.limit);
        return rows.map((r) => ({ at: r.at.toISOString(), method: r.method, route: r.route, statusCode: r.statusCode, outcome: r.outcome, petitionId: r.petitionId, ip: r.ip }));
      },
    );

    app.get(
      '/api-keys/publishing',
      {
        schema: {
          tags: ['open311 admin'],
          summary: 'Jurisdictions whose requests anyone may list through Open311 (no descriptions, no personal data, never accusations)',
          response: { 200: Published, ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        return { jurisdictionCodes: await publishedJurisdictions(deps.db) };
      },
    );
    app.put(
      '/api-keys/publishing',
      { schema: { tags: ['open311 admin'], summary: 'Set the published jurisdictions', body: Published, response: { 200: Published, ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        for (const [i, code] of req.body.jurisdictionCodes.entries()) await checkJurisdiction(deps, code, `jurisdictionCodes.${i}`);
        return { jurisdictionCodes: await setPublishedJurisdictions(deps, req.body.jurisdictionCodes) };
      },
    );

    const webhookView = (w: typeof open311Webhooks.$inferSelect): z.infer<typeof WebhookView> => ({
      id: w.id,
      apiKeyId: w.keyId,
      url: decrypt(deps.keys.encryption, w.urlEnc),
      locale: w.locale as 'zh-CN' | 'en',
      createdAt: w.createdAt.toISOString(),
      revokedAt: w.revokedAt?.toISOString() ?? null,
    });

    app.get(
      '/webhooks',
      { schema: { tags: ['open311 admin'], summary: 'Webhook subscriptions', response: { 200: z.array(WebhookView), ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        return (await deps.db.select().from(open311Webhooks).orderBy(desc(open311Webhooks.createdAt))).map(webhookView);
      },
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags: ['open311 admin'],
          summary: 'Subscribe a URL to status changes of a key’s requests; the signing secret is shown this once',
          body: WebhookBody,
          response: { 201: WebhookCreated, ...errors },
        },
      },
      async (req, reply) => {
        const admin = await requireAdmin(req.user());
        const [key] = await deps.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, req.body.apiKeyId));
        if (!key || key.revokedAt)
          throw badRequest('unknownApiKey', { zh: 'apiKeyId：找不到有效的 API 密钥', en: 'apiKeyId: no live API key with this id' }, { field: 'apiKeyId' });
        if (!key.scopes.includes('webhooks'))
          throw badRequest('scopeMissing', { zh: 'apiKeyId：该密钥没有 webhooks 权限', en: 'apiKeyId: this key lacks the webhooks scope' }, { field: 'apiKeyId' });
        if (!isAllowedWebhookUrl(req.body.url))
          throw badRequest(
            'invalidUrl',
            { zh: 'url：须为 https 地址（http 仅限本机回环地址），且不含用户名密码', en: 'url: must be https (http only to loopback) without user or password' },
            { field: 'url' },
          );
        const { row, secret } = await createWebhook(deps, req.body, admin.userId);
        return reply.code(201).send({ ...webhookView(row), secret });
      },
    );

    app.post(
      '/webhooks/:id/revoke',
      { schema: { tags: ['open311 admin'], summary: 'Stop a subscription; waiting deliveries are dead-lettered', params: idParams, response: { 200: WebhookView, ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        const row = await revokeWebhook(deps, req.params.id);
        if (row) return webhookView(row);
        const [existing] = await deps.db.select().from(open311Webhooks).where(eq(open311Webhooks.id, req.params.id));
        if (!existing) throw webhookNotFound();
        return webhookView(existing);
      },
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['open311 admin'],
          summary: 'Delivery history: each delivery with its state and every attempt',
          params: idParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: { 200: z.array(Delivery), ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        const [existing] = await deps.db.select({ id: open311Webhooks.id }).from(open311Webhooks).where(eq(open311Webhooks.id, req.params.id));
        if (!existing) throw webhookNotFound();
        return deliveryHistory(deps, req.params.id, req.query.limit);
      },
    );
  };

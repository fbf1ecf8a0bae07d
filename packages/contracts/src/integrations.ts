import { z } from 'zod';

/** What an integrator's API key may do: submit requests, read its own, receive webhooks. */
export const API_KEY_SCOPES = ['submit', 'readOwn', 'webhooks'] as const;
const Code = z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'a GB/T 2260 code');

export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  keyPrefix: z.string().describe('The first characters of the key, to recognise it; the key itself is shown once'),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  channel: z.enum(['online', 'hotline']),
  jurisdictionCode: z.string(),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const ApiKeyCreated = ApiKeyView.extend({ apiKey: z.string().describe('Shown this once; only its hash is kept') });

export const ApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
  channel: z.enum(['online', 'hotline']).default('online').describe('`hotline` for a 12345 platform: its requests are registered as hotline petitions'),
  jurisdictionCode: Code.describe('Submissions must be placed within this jurisdiction'),
  rateLimitPerMinute: z.number().int().min(1).max(10_000).default(60),
});

export const KeyUseView = z.object({
  at: z.string(),
  method: z.string(),
  route: z.string(),
  statusCode: z.number().int(),
  outcome: z.string(),
  petitionId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const PublishedJurisdictions = z.object({ jurisdictionCodes: z.array(Code).max(1000) });

export const WebhookView = z.object({
  id: z.string(),
  apiKeyId: z.string(),
  url: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const WebhookCreated = WebhookView.extend({ secret: z.string().describe('The signing secret, shown this once') });

export const WebhookBody = z.object({
  apiKeyId: z.uuid(),
  url: z.string().trim().max(1000).describe('https (http only to loopback, or with QIAO_WEBHOOK_ALLOW_HTTP=1)'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const WebhookDelivery = z.object({
  deliveryId: z.number().int(),
  serviceRequestId: z.string(),
  event: z.string(),
  createdAt: z.string(),
  status: z.string().describe('pending, sending, sent or dead'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), httpStatus: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() })),
});

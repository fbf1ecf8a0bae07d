import type { z } from 'zod';
import type { ApiKeyBody, ApiKeyCreated, ApiKeyView, KeyUseView, WebhookBody, WebhookCreated, WebhookDelivery, WebhookView } from '@qiao/contracts';
import { request } from './api';

export type ApiKey = z.infer<typeof ApiKeyView>;
export type ApiKeyInput = z.input<typeof ApiKeyBody>;
export type NewApiKey = z.infer<typeof ApiKeyCreated>;
export type KeyUse = z.infer<typeof KeyUseView>;
export type Webhook = z.infer<typeof WebhookView>;
export type WebhookInput = z.input<typeof WebhookBody>;
export type NewWebhook = z.infer<typeof WebhookCreated>;
export type Delivery = z.infer<typeof WebhookDelivery>;

/** Admin management of Open311 integrators: API keys and webhook subscriptions (apps/server/src/open311/admin.ts). */
export const integrationsApi = {
  keys: () => request<ApiKey[]>('GET', '/admin/api-keys'),
  createKey: (body: ApiKeyInput) => request<NewApiKey>('POST', '/admin/api-keys', { body }),
  revokeKey: (id: string) => request<ApiKey>('POST', `/admin/api-keys/${id}/revoke`),
  keyUses: (id: string) => request<KeyUse[]>('GET', `/admin/api-keys/${id}/uses`, { query: { limit: 50 } }),
  webhooks: () => request<Webhook[]>('GET', '/admin/webhooks'),
  createWebhook: (body: WebhookInput) => request<NewWebhook>('POST', '/admin/webhooks', { body }),
  revokeWebhook: (id: string) => request<Webhook>('POST', `/admin/webhooks/${id}/revoke`),
  deliveries: (id: string) => request<Delivery[]>('GET', `/admin/webhooks/${id}/deliveries`, { query: { limit: 100 } }),
};

import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { PetitionEvent, PetitionState } from '@qiao/core';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { open311ApiKeys, open311Requests, open311WebhookAttempts, open311WebhookDeliveries, open311Webhooks, outbox } from '../db/schema';
import { decrypt, encrypt } from '../lib/crypto';
import type { OutgoingMessage, Sender } from '../notifications/deliver';
import type { PetitionRow } from '../petitions/repo';
import { requestView } from './requests';

export const WEBHOOK_CHANNEL = 'webhook';
export const WEBHOOK_EVENT = 'service_request.updated';
/** Events that change what an integrator sees besides the status: a new deadline. */
const ALSO_NOTIFIED = new Set(['extended']);

/** `sha256=` + hex HMAC-SHA256 of `timestamp + "." + body` with the subscription's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Queue a signed delivery for each live subscription of the key that submitted this petition, in the
 * transaction of the step (called from applyCommand right after the notifications). Only status changes
 * (and extensions of the deadline) are sent; accusations never.
 */
export async function queueWebhooks(tx: Tx, deps: Deps, row: PetitionRow, state: PetitionState, event: PetitionEvent) {
  if (row.category === 'accusation') return;
  if (state.status === row.state.status && !ALSO_NOTIFIED.has(event.type)) return;
  const [link] = await tx.select().from(open311Requests).where(eq(open311Requests.petitionId, row.id));
  if (!link) return;
  const [key] = await tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, link.keyId));
  if (!key || key.revokedAt || !key.scopes.includes('webhooks')) return;
  const subs = await tx
    .select()
    .from(open311Webhooks)
    .where(and(eq(open311Webhooks.keyId, key.id), isNull(open311Webhooks.revokedAt)));
  if (subs.length === 0) return;
  const now = deps.now();
  const current: PetitionRow = { ...row, state, status: state.status, version: state.version, updatedAt: now };
  for (const sub of subs) {
    const view = await requestView(deps, tx, current, link, key.id, sub.locale === 'en' ? 'en' : 'zh');
    // The receiver already has what it sent: no description, no coordinates, no media in the notice.
    const { description: _d, lat: _lat, long: _long, media_url: _m, ...serviceRequest } = view;
    const body = JSON.stringify({ event: WEBHOOK_EVENT, occurred_at: view.updated_datetime, service_request: serviceRequest });
    const [queued] = await tx
      .insert(outbox)
      .values({
        jurisdictionCode: row.jurisdictionCode,
        petitionId: row.id,
        channel: WEBHOOK_CHANNEL,
        recipient: encrypt(deps.keys.encryption, sub.id),
        template: WEBHOOK_EVENT,
        bodyEnc: encrypt(deps.keys.encryption, body),
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning({ id: outbox.id });
    await tx.insert(open311WebhookDeliveries).values({
      outboxId: queued!.id,
      webhookId: sub.id,
      petitionId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      event: event.type,
      createdAt: now,
    });
  }
}

/**
 * The outbox sender of the `webhook` channel: POST the JSON body, signed, to the subscription's URL. Any answer
 * but 2xx (or no answer within the timeout) throws, so the outbox retries with backoff and finally dead-letters.
 * Redirects are not followed. Every attempt is recorded for the delivery history.
 */
export function webhookSender(deps: Deps, opts: { timeoutMs?: number } = {}): Sender {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    async send(m: OutgoingMessage) {
      const [sub] = await deps.db.select().from(open311Webhooks).where(eq(open311Webhooks.id, m.recipient));
      if (!sub || sub.revokedAt) throw new Error('subscription revoked');
      const url = decrypt(deps.keys.encryption, sub.urlEnc);
      const secret = decrypt(deps.keys.encryption, sub.secretEnc);
      const timestamp = String(Math.floor(deps.now().getTime() / 1000));
      const started = performance.now();
      let httpStatus: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Qiao-Webhooks/1',
            'x-qiao-event': m.template,
            'x-qiao-delivery': String(m.id),
            'x-qiao-timestamp': timestamp,
            'x-qiao-signature': signature(secret, timestamp, m.body),
          },
          body: m.body,
        });
        httpStatus = res.status;
        await res.body?.cancel();
        if (res.status < 200 || res.status > 299) error = `endpoint answered ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      await deps.db.insert(open311WebhookAttempts).values({
        outboxId: m.id,
        at: deps.now(),
        httpStatus,
        error: error?.slice(0, 500) ?? null,
        durationMs: Math.round(performance.now() - started),
      });
      if (error) throw new Error(error);
    },
  };
}

export function isAllowedWebhookUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && (loopback || process.env.QIAO_WEBHOOK_ALLOW_HTTP === '1'));
}

export async function createWebhook(deps: Deps, input: { apiKeyId: string; url: string; locale: 'zh-CN' | 'en' }, createdBy: string) {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const [row] = await deps.db
    .insert(open311Webhooks)
    .values({
      id: randomUUID(),
      keyId: input.apiKeyId,
      urlEnc: encrypt(deps.keys.encryption, input.url),
      secretEnc: encrypt(deps.keys.encryption, secret),
      locale: input.locale,
      createdBy,
      createdAt: deps.now(),
    })
    .returning();
  return { row: row!, secret };
}

/** Revoke: nothing more is sent, and deliveries still waiting are dead-lettered. */
export async function revokeWebhook(deps: Deps, id: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(open311Webhooks)
      .set({ revokedAt: deps.now() })
      .where(and(eq(open311Webhooks.id, id), isNull(open311Webhooks.revokedAt)))
      .returning();
    if (!row) return undefined;
    const queued = await tx.select({ id: open311WebhookDeliveries.outboxId }).from(open311WebhookDeliveries).where(eq(open311WebhookDeliveries.webhookId, id));
    if (queued.length)
      await tx
        .update(outbox)
        .set({ status: 'dead', lastError: 'subscription revoked' })
        .where(and(inArray(outbox.id, queued.map((q) => q.id)), inArray(outbox.status, ['pending', 'sending'])));
    return row;
  });
}

/** A subscription's deliveries, newest first, each with its outbox state and every attempt. */
export async function deliveryHistory(deps: Deps, webhookId: string, limit: number) {
  const rows = await deps.db
    .select({ d: open311WebhookDeliveries, o: outbox })
    .from(open311WebhookDeliveries)
    .innerJoin(outbox, eq(outbox.id, open311WebhookDeliveries.outboxId))
    .where(eq(open311WebhookDeliveries.webhookId, webhookId))
    .orderBy(desc(open311WebhookDeliveries.createdAt), desc(open311WebhookDeliveries.outboxId))
    .limit(limit);
  const ids = rows.map((r) => r.d.outboxId);
  const attempts = ids.length
    ? await deps.db.select().from(open311WebhookAttempts).where(inArray(open311WebhookAttempts.outboxId, ids)).orderBy(open311WebhookAttempts.at, open311WebhookAttempts.id)
    : [];
  return rows.map(({ d, o }) => ({
    deliveryId: d.outboxId,
    serviceRequestId: d.petitionId,
    event: d.event,
    createdAt: d.createdAt.toISOString(),
    status: o.status,
    attempts: o.attempts,
    nextAttemptAt: o.status === 'pending' ? o.nextAttemptAt.toISOString() : null,
    lastError: o.lastError,
    sentAt: o.sentAt?.toISOString() ?? null,
    history: attempts
      .filter((a) => a.outboxId === d.outboxId)
      .map((a) => ({ at: a.at.toISOString(), httpStatus: a.httpStatus, error: a.error, durationMs: a.durationMs })),
  }));
}

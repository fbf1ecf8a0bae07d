import { and, eq, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { Deps } from '../context';
import { outbox } from '../db/schema';
import { decrypt } from '../lib/crypto';

export interface OutgoingMessage {
  id: number;
  channel: string;
  template: string;
  petitionId: string | null;
  /** Decrypted: a phone number, an email address, a URL. */
  recipient: string;
  body: string;
}

/** Delivers one channel's messages. Throwing means "try again later". */
export interface Sender {
  send(message: OutgoingMessage): Promise<void>;
}

export type Senders = Partial<Record<string, Sender>>;

export const MAX_ATTEMPTS = 8;
/** A claimed message is someone's for this long; a crashed deliverer's claims expire and are retried. */
const LEASE_MS = 2 * 60_000;

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/**
 * Deliver due messages once. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several deliverers
 * (threads, processes, servers) never send one message twice; the network call happens outside any
 * transaction, so a slow or dead endpoint never holds a lock or delays a petition change.
 */
export async function deliverOutbox(deps: Deps, senders: Senders, limit = 50): Promise<{ sent: number; failed: number }> {
  const now = deps.now();
  const channels = Object.keys(senders).filter((c) => senders[c]);
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.channel, channels),
          or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending')),
          lte(outbox.nextAttemptAt, now),
        ),
      )
      .orderBy(outbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
  });

  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    const sender = senders[row.channel];
    try {
      if (!sender) throw new Error(`no sender for ${row.channel}`);
      await sender.send({
        id: row.id,
        channel: row.channel,
        template: row.template,
        petitionId: row.petitionId,
        recipient: decrypt(deps.keys.encryption, row.recipient),
        body: decrypt(deps.keys.encryption, row.bodyEnc),
      });
      await deps.db.update(outbox).set({ status: 'sent', sentAt: deps.now(), lastError: null }).where(eq(outbox.id, row.id));
      sent++;
    } catch (err) {
      failed++;
      const dead = row.attempts >= MAX_ATTEMPTS;
      await deps.db
        .update(outbox)
        .set({
          status: dead ? 'dead' : 'pending',
          nextAttemptAt: new Date(deps.now().getTime() + backoffMs(row.attempts)),
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        })
        .where(and(eq(outbox.id, row.id), ne(outbox.status, 'sent')));
    }
  }
  return { sent, failed };
}

/** Run the deliverer every `intervalMs` in this process, never two rounds at once. */
export function startOutboxWorker(deps: Deps, senders: Senders, intervalMs = 5000) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverOutbox(deps, senders)
      .catch((err: unknown) => deps.log?.error({ err }, 'outbox delivery failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '@qiao/contracts';
import type { Deps } from '../context';
import { outbox } from '../db/schema';
import { viewablePetitions } from '../petitions/read';
import { decrypt } from '../lib/crypto';
import { noticeIn } from './text';

const Notification = z.object({
  id: z.number().int(),
  petitionId: z.string().nullable(),
  template: z.string(),
  text: z.string().describe("In the reader's language (accept-language or ?lang); notices stored before both languages were kept are in Chinese"),
  createdAt: z.string(),
  read: z.boolean(),
});

/** In-app notices for the signed-in user, newest first, with the unread count, in the reader's language. */
export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My in-app notifications and unread count',
          response: { 200: z.object({ unread: z.number().int(), items: z.array(Notification) }), 401: ErrorBody },
        },
      },
      async (req) => {
        const user = await req.user();
        const rows = await deps.db
          .select()
          .from(outbox)
          .where(and(eq(outbox.channel, 'inApp'), eq(outbox.recipient, user.userId)))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(100);
        // A notice about a petition the reader may no longer see (reclassified as an accusation against their
        // unit, moved out of their area) is not shown: its text names the petition.
        const visible = await viewablePetitions(deps.db, user, rows.flatMap((r) => (r.petitionId ? [r.petitionId] : [])));
        const items = rows.filter((r) => r.petitionId === null || visible.has(r.petitionId)).map((r) => ({
          id: r.id,
          petitionId: r.petitionId,
          template: r.template,
          text: noticeIn(decrypt(deps.keys.encryption, r.bodyEnc), req.lang),
          createdAt: r.createdAt.toISOString(),
          read: r.status === 'read',
        }));
        return { unread: items.filter((i) => !i.read).length, items };
      },
    );
    app.post(
      '/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark notifications read',
          body: z.object({ ids: z.array(z.number().int()).min(1).max(500) }),
          response: { 200: z.object({ updated: z.number().int() }), 401: ErrorBody },
        },
      },
      async (req) => {
        const user = await req.user();
        const updated = await deps.db
          .update(outbox)
          .set({ status: 'read', sentAt: deps.now() })
          .where(and(eq(outbox.channel, 'inApp'), eq(outbox.recipient, user.userId), inArray(outbox.id, req.body.ids)))
          .returning({ id: outbox.id });
        return { updated: updated.length };
      },
    );
  };

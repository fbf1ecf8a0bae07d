import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, PortalAppealBody, PortalIntake, PortalRateBody, PortalSubmitted, PortalView } from '@qiao/contracts';
import type { Deps } from '../context';
import { badRequest } from '../lib/errors';
import { checkedUploads, readMultipartIntake } from '../petitions/attachments';
import { outcomeText } from './view';
import { residentCommand, submitFromPortal, trackFromPortal } from './service';
import { portalReception } from '../reception/routes';
import { asc } from 'drizzle-orm';
import { JurisdictionView } from '@qiao/contracts';
import { jurisdictions } from '../db/schema';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const codeParams = z.object({ trackingCode: z.string().min(1).max(40) });
const secretHeader = z.object({ 'x-tracking-secret': z.string().max(64).optional() });

export interface PortalLimits {
  /** Submissions per client address per 10 minutes. */
  submissions: number;
  /** Look-ups per client address per minute (slows guessing across codes). */
  lookups: number;
}

/** The resident portal API: no account; a tracking code plus its secret opens one petition and nothing else. */
export const portalRoutes =
  (deps: Deps, limits: PortalLimits = { submissions: 5, lookups: 60 }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (req, ctx) => {
        const messages = {
          zh: `操作过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
          en: `Too many requests from your address; try again in ${Math.ceil(ctx.ttl / 1000)} seconds`,
        };
        return { statusCode: 429, error: 'rateLimited', message: messages[req.lang], messages };
      },
    });

    app.get(
      '/jurisdictions',
      {
        config: { rateLimit: { max: limits.lookups, timeWindow: '1 minute' } },
        schema: { tags: ['portal'], summary: 'The places residents pick from', security: [], response: { 200: z.array(JurisdictionView) } },
      },
      async () => deps.db.select().from(jurisdictions).orderBy(asc(jurisdictions.code)),
    );

    portalReception(app, deps, limits.lookups);

    app.post(
      '/petitions',
      {
        config: { rateLimit: { max: limits.submissions, timeWindow: '10 minutes' } },
        schema: {
          tags: ['portal'],
          summary: 'A resident submits a petition (no account); answers with the tracking code and a secret shown once',
          description:
            'JSON, or multipart/form-data with a `petition` JSON field and up to 20 files (20 MB each). Send an ' +
            '`Idempotency-Key` of at least 16 random characters: a retried submission returns the same answer (200).',
          security: [],
          headers: z.object({ 'idempotency-key': z.string().min(16).max(200).optional() }),
          body: PortalIntake,
          response: { 200: PortalSubmitted, 201: PortalSubmitted, ...errors },
        },
        preValidation: (req) => readMultipartIntake(req, () => ({})),
      },
      async (req, reply) => {
        const result = await submitFromPortal(deps, req.body, await checkedUploads(req), req.headers['idempotency-key']);
        return reply.code(result.created ? 201 : 200).send(result.body);
      },
    );

    app.get(
      '/petitions/:trackingCode',
      {
        config: { rateLimit: { max: limits.lookups, timeWindow: '1 minute' } },
        schema: {
          tags: ['portal'],
          summary: 'Follow a petition: status in plain words, deadlines, timeline, the written reply',
          security: [],
          params: codeParams,
          headers: secretHeader,
          response: { 200: PortalView, ...errors },
        },
      },
      async (req) => trackFromPortal(deps, req.params.trackingCode, req.headers['x-tracking-secret']),
    );

    app.get(
      '/petitions/:trackingCode/reply',
      {
        config: { rateLimit: { max: limits.lookups, timeWindow: '1 minute' } },
        schema: { tags: ['portal'], summary: 'Download the written reply', security: [], params: codeParams, headers: secretHeader },
      },
      async (req, reply) => {
        const view = await trackFromPortal(deps, req.params.trackingCode, req.headers['x-tracking-secret']);
        if (!view.reply)
          throw badRequest('noReplyYet', { zh: '尚未出具书面处理意见', en: 'No written reply has been issued yet' });
        const o = outcomeText[view.reply.outcome];
        const body = [
          '信访事项处理意见书',
          `信访件编号：${view.trackingCode}`,
          `事由：${view.title}`,
          `处理结果：${o?.zh ?? view.reply.outcome}`,
          `出具日期：${view.reply.issuedOn}`,
          '',
          view.reply.text,
          '',
          '如对本意见不服，可自收到之日起 30 日内请求复查（《信访工作条例》第三十五条）。',
        ].join('\n');
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`处理意见书-${view.trackingCode}.txt`)}`)
          .send(body);
      },
    );

    for (const [path, summary] of [
      ['rate', 'Rate the outcome once: satisfied, basically satisfied or dissatisfied'],
      ['requestReview', 'Ask for a review (within 30 days of receiving the reply)'],
      ['requestReReview', 'Ask for a re-review (within 30 days of receiving the review)'],
    ] as const) {
      app.post(
        `/petitions/:trackingCode/${path}`,
        {
          config: { rateLimit: { max: limits.lookups, timeWindow: '1 minute' } },
          schema: {
            tags: ['portal'],
            summary,
            security: [],
            params: codeParams,
            headers: secretHeader,
            body: path === 'rate' ? PortalRateBody : PortalAppealBody,
            response: { 200: PortalView, ...errors },
          },
        },
        async (req) => {
          const b = req.body as { rating?: 'satisfied'; comment?: string; reason?: string };
          const command =
            path === 'rate'
              ? { type: 'rate' as const, rating: b.rating!, ...(b.comment ? { comment: b.comment } : {}) }
              : { type: path, reason: b.reason! };
          return residentCommand(deps, req.params.trackingCode, req.headers['x-tracking-secret'], command);
        },
      );
    }
  };
